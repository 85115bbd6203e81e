package org.xenproject.supportstatus.web.page;

import java.nio.file.Path;
import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running service with {@link PageFixtures}' releases imported, on a fixed day. Every page test
 * class shares one application context.
 */
@Import(PageTestSupport.FixedDay.class)
abstract class PageTestSupport extends ImportedService {

    private static final Path WORK = Path.of("target", "page-tests").toAbsolutePath();

    @DynamicPropertySource
    static void source(DynamicPropertyRegistry registry) {
        repository(registry, WORK, PageFixtures::buildRepository);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedDay {
        @Bean
        @Primary
        Clock fixedDay() {
            return PageFixtures.fixedClock();
        }
    }
}
