package org.xenproject.supportstatus.web.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * application.yaml maps the parse limits' environment variables onto ParseSettings with their
 * defaults, and the trusted proxies onto Tomcat's forwarded-header handling, trusting none by default.
 */
class ParseSettingsTest {

    @Test
    void defaults() throws IOException {
        ParseSettings settings = bind(Map.of());

        assertThat(settings).isEqualTo(new ParseSettings(0, Duration.ofMillis(500), 60));
        // Half the processors, at least one.
        assertThat(settings.concurrency(1)).isEqualTo(1);
        assertThat(settings.concurrency(2)).isEqualTo(1);
        assertThat(settings.concurrency(3)).isEqualTo(1);
        assertThat(settings.concurrency(8)).isEqualTo(4);
    }

    @Test
    void environmentVariables() throws IOException {
        ParseSettings settings = bind(Map.of(
                "XEN_SUPPORT_PARSE_MAX_CONCURRENT", "3",
                "XEN_SUPPORT_PARSE_QUEUE_WAIT", "PT2S",
                "XEN_SUPPORT_PARSE_PER_MINUTE", "10"));

        assertThat(settings).isEqualTo(new ParseSettings(3, Duration.ofSeconds(2), 10));
        assertThat(settings.concurrency(16)).isEqualTo(3);
    }

    @Test
    void nonsenseIsRefusedAtStart() {
        assertThatThrownBy(() -> bind(Map.of("XEN_SUPPORT_PARSE_MAX_CONCURRENT", "-1")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("XEN_SUPPORT_PARSE_MAX_CONCURRENT");
        assertThatThrownBy(() -> bind(Map.of("XEN_SUPPORT_PARSE_QUEUE_WAIT", "-PT1S")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("XEN_SUPPORT_PARSE_QUEUE_WAIT");
        assertThatThrownBy(() -> bind(Map.of("XEN_SUPPORT_PARSE_PER_MINUTE", "0")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("XEN_SUPPORT_PARSE_PER_MINUTE");
    }

    @Test
    void forwardedHeadersAreTrustedFromNoProxyUnlessNamed() throws IOException {
        assertThat(binder(Map.of())
                        .bind("server.forward-headers-strategy", String.class)
                        .get())
                .isEqualTo("native");
        assertThat(binder(Map.of())
                        .bind("server.tomcat.remoteip.internal-proxies", String.class)
                        .orElse(""))
                .isEmpty();
        assertThat(binder(Map.of("XEN_SUPPORT_TRUSTED_PROXIES", "10.0.0.0/8, 192.168.1.5/32"))
                        .bind("server.tomcat.remoteip.internal-proxies", String.class)
                        .get())
                .isEqualTo("10.0.0.0/8, 192.168.1.5/32");
    }

    private static ParseSettings bind(Map<String, Object> environment) throws IOException {
        return binder(environment).bindOrCreate("xen.support.parse", ParseSettings.class);
    }

    /** The main application.yaml, with {@code environment} standing in for the process environment. */
    private static Binder binder(Map<String, Object> environment) throws IOException {
        StandardEnvironment spring = new StandardEnvironment();
        spring.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        spring.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        spring.getPropertySources().addFirst(new MapPropertySource("environment", environment));
        spring.getPropertySources().addLast(new MapPropertySource("home", Map.of("user.home", "/home/xen")));
        new YamlPropertySourceLoader()
                .load("application.yaml", new ClassPathResource("application.yaml"))
                .forEach(spring.getPropertySources()::addLast);
        return Binder.get(spring);
    }
}
