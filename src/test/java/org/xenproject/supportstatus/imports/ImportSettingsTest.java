package org.xenproject.supportstatus.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.xenproject.supportstatus.web.server.AdminSettings;

/** application.yaml maps the documented environment variables onto ImportSettings with their defaults. */
class ImportSettingsTest {

    @Test
    void defaults() throws IOException {
        ImportSettings settings = bind(Map.of("user.home", "/home/xen"));

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.interval()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.sourceType()).isEqualTo(ImportSettings.SourceType.GIT);
        assertThat(settings.sourceUrl()).isEqualTo("https://xenbits.xen.org/git-http/xen.git");
        assertThat(settings.fileUrlTemplate())
                .isEqualTo(
                        "https://xenbits.xen.org/gitweb/?p=xen.git;a=blob_plain;f=SUPPORT.md;hb=refs/heads/{branch}");
        assertThat(settings.branches()).containsExactly("stable-*", "master");
        assertThat(settings.history()).isTrue();
        assertThat(settings.cacheDir()).isEqualTo(Path.of("/home/xen/.xen-support-status/git"));
        assertThat(settings.maxFileBytes()).isEqualTo(1024 * 1024);
        assertThat(settings.httpTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(admin(Map.of()).tokenConfigured()).isFalse();
    }

    @Test
    void environmentVariables() throws IOException {
        ImportSettings settings = bind(Map.of(
                "XEN_SUPPORT_IMPORT_ENABLED", "false",
                "XEN_SUPPORT_IMPORT_INTERVAL", "PT15M",
                "XEN_SUPPORT_SOURCE_TYPE", "http",
                "XEN_SUPPORT_SOURCE_URL", "/srv/xen.git",
                "XEN_SUPPORT_FILE_URL_TEMPLATE", "http://mirror.example/{branch}/SUPPORT.md",
                "XEN_SUPPORT_BRANCHES", "stable-4.1*, master ,staging",
                "XEN_SUPPORT_HISTORY", "false",
                "XEN_SUPPORT_CACHE_DIR", "/var/cache/xen",
                "XEN_SUPPORT_MAX_FILE_BYTES", "65536",
                "XEN_SUPPORT_HTTP_TIMEOUT", "PT5S"));

        assertThat(settings)
                .isEqualTo(new ImportSettings(
                        false,
                        Duration.ofMinutes(15),
                        ImportSettings.SourceType.HTTP,
                        "/srv/xen.git",
                        "http://mirror.example/{branch}/SUPPORT.md",
                        List.of("stable-4.1*", "master", "staging"),
                        false,
                        Path.of("/var/cache/xen"),
                        65536,
                        Duration.ofSeconds(5)));
    }

    @Test
    void theAdminTokenIsNeverShown() throws IOException {
        AdminSettings admin = admin(Map.of("XEN_SUPPORT_ADMIN_TOKEN", "s3cr3t-value"));

        assertThat(admin.tokenConfigured()).isTrue();
        assertThat(admin.token()).isEqualTo("s3cr3t-value");
        assertThat(admin.toString()).doesNotContain("s3cr3t");
    }

    @Test
    void nonsenseIsRefusedAtStart() {
        assertThatThrownBy(() -> bind(Map.of("XEN_SUPPORT_IMPORT_INTERVAL", "PT0S")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("XEN_SUPPORT_IMPORT_INTERVAL");
        assertThatThrownBy(() -> bind(Map.of("XEN_SUPPORT_BRANCHES", " , ")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("XEN_SUPPORT_BRANCHES");
        assertThatThrownBy(() -> bind(Map.of(
                        "XEN_SUPPORT_SOURCE_TYPE",
                        "http",
                        "XEN_SUPPORT_FILE_URL_TEMPLATE",
                        "http://mirror.example/SUPPORT.md")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("{branch}");
    }

    private static ImportSettings bind(Map<String, Object> environment) throws IOException {
        return binder(environment).bindOrCreate("xen.support.import", ImportSettings.class);
    }

    private static AdminSettings admin(Map<String, Object> environment) throws IOException {
        return binder(environment).bindOrCreate("xen.support.admin", AdminSettings.class);
    }

    /** The main application.yaml, with {@code environment} standing in for the process environment. */
    private static Binder binder(Map<String, Object> environment) throws IOException {
        StandardEnvironment spring = new StandardEnvironment();
        spring.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        spring.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        spring.getPropertySources().addFirst(new MapPropertySource("environment", environment));
        if (!environment.containsKey("user.home")) {
            spring.getPropertySources().addLast(new MapPropertySource("home", Map.of("user.home", "/home/xen")));
        }
        new YamlPropertySourceLoader()
                .load("application.yaml", new ClassPathResource("application.yaml"))
                .forEach(spring.getPropertySources()::addLast);
        return Binder.get(spring);
    }
}
