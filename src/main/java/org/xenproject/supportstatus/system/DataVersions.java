package org.xenproject.supportstatus.system;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The version of the data the service serves, known in memory so that no request has to ask the
 * database for it. Every import that stores something bumps {@code data_version} in its own
 * transaction; this instance learns of its own imports at once ({@link #refresh()}) and of other
 * instances' within a second, by polling one indexed row.
 *
 * <p>While the database cannot be reached the version is unknown, and nothing prepared is served:
 * requests go to the database and are answered 503, rather than with data nobody can vouch for.
 */
@Component
public class DataVersions implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DataVersions.class);
    private static final long POLL_MILLIS = 1000;

    /** The served data's version, and when the import that made it committed. */
    public record DataVersion(long version, Instant changedAt) {
    }

    private final JdbcClient jdbc;
    private final AtomicReference<DataVersion> current = new AtomicReference<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "data-version");
        thread.setDaemon(true);
        return thread;
    });

    DataVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void afterSingletonsInstantiated() {
        poller.scheduleWithFixedDelay(this::poll, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The version as last seen, or empty while the database cannot be reached (or before the first look). */
    public Optional<DataVersion> current() {
        return Optional.ofNullable(current.get());
    }

    /** Reads the version now: after an import, so that its own answers follow at once. */
    public DataVersion refresh() {
        DataVersion read = jdbc.sql("select version, changed_at from data_version")
                .query((rs, n) -> new DataVersion(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                .single();
        current.set(read);
        return read;
    }

    private DataVersion refreshQuietly() {
        try {
            return refresh();
        } catch (DataAccessException e) {
            if (current.getAndSet(null) != null) {
                log.warn("Database unreachable; answers wait for it: {}", e.getMessage());
            }
            return null;
        }
    }

    private void poll() {
        refreshQuietly();
    }

    @Override
    public void destroy() {
        poller.shutdownNow();
    }
}
