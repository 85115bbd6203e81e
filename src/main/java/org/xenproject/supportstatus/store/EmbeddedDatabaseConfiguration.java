package org.xenproject.supportstatus.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts a real PostgreSQL inside the service when no external one is configured, so that
 * {@code ./mvnw spring-boot:run} works on a machine with only a JDK. Its data survives restarts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDataSourceUrl.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseSettings settings) {
        try {
            Files.createDirectories(settings.directory());
            log.info(
                    "No SPRING_DATASOURCE_URL: starting embedded PostgreSQL with its data in {}",
                    settings.directory().toAbsolutePath());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(settings.directory())
                    .setCleanDataDirectory(false)
                    .setPort(settings.port())
                    .start();
            log.info("Embedded PostgreSQL listens on localhost:{}", postgres.getPort());
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL in " + settings.directory(), e);
        }
    }

    @Bean
    JdbcConnectionDetails embeddedConnectionDetails(EmbeddedPostgres postgres) {
        String url = postgres.getJdbcUrl("postgres", "postgres");
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return "postgres";
            }

            @Override
            public String getPassword() {
                return null;
            }

            @Override
            public String getJdbcUrl() {
                return url;
            }
        };
    }

    /** Matches when {@code spring.datasource.url} is unset or blank. */
    static final class NoDataSourceUrl extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return StringUtils.hasText(url)
                    ? ConditionOutcome.noMatch("spring.datasource.url is set")
                    : ConditionOutcome.match("spring.datasource.url is not set");
        }
    }
}
