package org.xenproject.supportstatus.imports;

import java.net.http.HttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

    @Bean
    SupportSourceFactory supportSourceFactory(ImportSettings settings) {
        return switch (settings.sourceType()) {
            case GIT ->
                () -> new GitSupportSource(
                        settings.sourceUrl(),
                        settings.cacheDir(),
                        settings.history(),
                        settings.maxFileBytes(),
                        settings.httpTimeout());
            case HTTP -> {
                // Redirects are followed by the source itself, which bounds them.
                HttpClient client = HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(settings.httpTimeout())
                        .build();
                yield () -> new HttpSupportSource(
                        client,
                        settings.sourceUrl(),
                        settings.fileUrlTemplate(),
                        settings.httpTimeout(),
                        settings.maxFileBytes());
            }
        };
    }
}
