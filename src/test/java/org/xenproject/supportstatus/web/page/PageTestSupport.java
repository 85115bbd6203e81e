package org.xenproject.supportstatus.web.page;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xenproject.supportstatus.imports.ImportJob;
import org.xenproject.supportstatus.testing.ImportSource;

/**
 * The running service with {@link PageFixtures}' releases imported, on a fixed day. Every page test
 * class shares one application context; each imports afresh before its tests, since other tests
 * empty the shared database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PageTestSupport.FixedDay.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PageTestSupport {

    private static final Path WORK = Path.of("target", "page-tests").toAbsolutePath();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ImportJob importJob;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void source(DynamicPropertyRegistry registry) {
        ImportSource.register(registry, () -> Repository.PATH, () -> WORK.resolve("cache"));
    }

    /** Built once per test JVM, on first use. */
    private static final class Repository {
        static final Path PATH = build();

        private static Path build() {
            PageFixtures.delete(WORK.resolve("cache"));
            return PageFixtures.buildRepository(WORK.resolve("xen"));
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedDay {
        @Bean
        @Primary
        Clock fixedDay() {
            return PageFixtures.fixedClock();
        }
    }

    @BeforeAll
    void importReleases() {
        PageFixtures.importAll(jdbc, importJob);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }
}
