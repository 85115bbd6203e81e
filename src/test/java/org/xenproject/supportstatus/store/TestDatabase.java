package org.xenproject.supportstatus.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real PostgreSQL every test talks to, started once per test JVM: a Testcontainers container
 * when a Docker engine is reachable, else an embedded PostgreSQL from Maven Central's binaries.
 */
public final class TestDatabase {

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);

    /** How to reach it. */
    public record Connection(String url, String username, String password) {}

    private TestDatabase() {}

    public static Connection connection() {
        return Holder.CONNECTION;
    }

    /** Started on first use; the JVM's class initialisation makes it once and safely. */
    private static final class Holder {
        static final Connection CONNECTION = start();
    }

    private static Connection start() {
        if (dockerReachable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            log.info("Tests use PostgreSQL in a container: {}", container.getJdbcUrl());
            return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres)));
            String url = postgres.getJdbcUrl("postgres", "postgres");
            log.info("No Docker engine: tests use embedded PostgreSQL at {}", url);
            return new Connection(url, "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL for the tests", e);
        }
    }

    private static boolean dockerReachable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
