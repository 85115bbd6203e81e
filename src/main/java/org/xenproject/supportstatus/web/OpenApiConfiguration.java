package org.xenproject.supportstatus.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What /v3/api-docs says about the service as a whole; each endpoint describes itself. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI supportStatusApi() {
        return new OpenAPI().info(new Info()
                .title("Xen support status")
                .version("v1")
                .description("""
                        Which features each Xen release supports, on which architecture, whether they are \
                        security supported, and until when each release is supported: imported from \
                        SUPPORT.md on every stable branch of xen.git. Every GET under /api/v1 carries an \
                        ETag and answers If-None-Match with 304; errors are application/problem+json \
                        (RFC 9457)."""));
    }
}
