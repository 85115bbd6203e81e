package org.xenproject.supportstatus.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.util.FileSystemUtils;

/**
 * An embedded PostgreSQL of a test's own, which the test may stop and start again while the service
 * runs: same port, same data directory, so the service's connection URL stays valid and the data
 * survives, as with a real database server restarting.
 */
public final class RestartablePostgres implements AutoCloseable {

    private final Path directory;
    private final int port;
    private EmbeddedPostgres running;

    public RestartablePostgres() {
        try {
            this.directory = Files.createTempDirectory("restartable-postgres").resolve("data");
            try (ServerSocket socket = new ServerSocket(0)) {
                this.port = socket.getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
    }

    public String url() {
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }

    public synchronized void start() {
        if (running != null) {
            return;
        }
        try {
            running = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // A prepared transaction's locks outlive its session and the server: a test can
                    // hold a lock that no shutdown order releases before the session waiting on it dies.
                    .setServerConfig("max_prepared_transactions", "4")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PostgreSQL on port " + port, e);
        }
    }

    /** A fast shutdown, as {@code pg_ctl stop -m fast}: open sessions are cut, their transactions lost. */
    public synchronized void stop() {
        if (running == null) {
            return;
        }
        try {
            running.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            running = null;
        }
    }

    /** Stops it for good and removes its data. */
    @Override
    public void close() {
        stop();
        try {
            FileSystemUtils.deleteRecursively(directory.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
