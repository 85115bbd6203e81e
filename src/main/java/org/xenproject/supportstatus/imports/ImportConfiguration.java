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
                // The client's own redirect policy, which never follows one from https to http.
                HttpClient client = HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NORMAL)
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
