package org.xenproject.supportstatus.web.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.xenproject.supportstatus.testing.ApiTest;

/**
 * The per-request tuning is one unit: on by default, every piece of it in place; switched off, none
 * of it, and the same answers with Spring Boot's defaults.
 */
class RequestTuningTest {

    @Nested
    class On extends ApiTest {

        @Autowired
        ApplicationContext context;

        @Autowired
        Environment environment;

        @Test
        void everyPieceIsInPlace() {
            assertThat(context.getBean("requestMappingHandlerMapping")).isInstanceOf(RequestTuning.PathFirst.class);
            assertThat(context.getBeansOfType(HttpFirewall.class)).hasSize(1);
            RequestTuningDefaults.PROPERTIES.forEach((name, value) ->
                    assertThat(environment.getProperty(name)).as(name).isEqualTo(value));
            http.get()
                    .uri("/api/v1/releases/4.22/features?arch=arm64")
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
    }

    @Nested
    @TestPropertySource(properties = RequestTuning.SWITCH + "=false")
    class Off extends ApiTest {

        @Autowired
        ApplicationContext context;

        @Autowired
        Environment environment;

        @Test
        void noneOfItIsAndTheAnswersAreTheSame() {
            assertThat(context.getBean("requestMappingHandlerMapping"))
                    .isExactlyInstanceOf(RequestMappingHandlerMapping.class);
            assertThat(context.getBeansOfType(HttpFirewall.class)).isEmpty();
            assertThat(context.getBeansOfType(RequestTuning.class)).isEmpty();
            for (Map.Entry<String, Object> property : RequestTuningDefaults.PROPERTIES.entrySet()) {
                assertThat(environment.getProperty(property.getKey()))
                        .as(property.getKey())
                        .isNull();
            }
            http.get()
                    .uri("/api/v1/releases/4.22/features?arch=arm64")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.release")
                    .isEqualTo("4.22")
                    .jsonPath("$.features[*].key")
                    .value(keys -> assertThat(keys.toString()).contains("vtpm", "arm-v8"));
        }
    }
}
