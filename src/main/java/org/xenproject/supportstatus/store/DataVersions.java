package org.xenproject.supportstatus.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The version of the data the service serves, known in memory so that no request has to ask the
 * database for it. Every import that stores something bumps {@code data_version} in its own
 * transaction; this instance learns of its own imports at once ({@link #refresh()}) and of other
 * instances' within a second, by polling one row over a connection of its own.
 *
 * <p>While the database cannot be reached the version is unknown, and nothing prepared is served:
 * requests go to the database and are answered 503, rather than with data nobody can vouch for.
 */
@Component
public class DataVersions implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DataVersions.class);
    private static final long POLL_MILLIS = 1000;

    /** The served data's version, and when the import that made it committed. */
    public record DataVersion(long version, Instant changedAt) {}

    private static final String QUERY = "select version, changed_at from data_version";

    private final JdbcClient jdbc;
    private final JdbcConnectionDetails database;
    private final AtomicReference<DataVersion> current = new AtomicReference<>();
    private final List<Consumer<DataVersion>> listeners = new CopyOnWriteArrayList<>();
    /** The poller's own connection, outside the pool: a pool busy with requests must not read as an outage. */
    private Connection pollConnection;

    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "data-version");
        thread.setDaemon(true);
        return thread;
    });

    DataVersions(JdbcClient jdbc, JdbcConnectionDetails database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    @Override
    public void afterSingletonsInstantiated() {
        poller.scheduleWithFixedDelay(this::poll, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The version as last seen, or empty while the database cannot be reached (or before the first look). */
    public Optional<DataVersion> current() {
        return Optional.ofNullable(current.get());
    }

    /**
     * Reads the version now: after an import, so that its own answers follow at once. Whoever
     * listens ({@link #whenRead}) is told, on this thread, before this returns.
     */
    public DataVersion refresh() {
        return told(seen(readNow()));
    }

    /**
     * Reads the version as the caller's transaction sees it, telling nobody: for one who keeps
     * something per version and reads it together with its data.
     */
    public DataVersion readNow() {
        return seen(jdbc.sql(QUERY).query((rs, n) -> read(rs)).single());
    }

    private static DataVersion read(ResultSet rs) throws SQLException {
        return new DataVersion(
                rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant());
    }

    /**
     * Calls {@code listener} with the version each time it is read (each poll, each refresh), on the
     * thread that read it: whoever keeps something per version can bring it up to date there,
     * before any request sees the new version.
     */
    public void whenRead(Consumer<DataVersion> listener) {
        listeners.add(listener);
    }

    /** The version never goes back: a slow reader's older answer must not undo a newer one. */
    private DataVersion seen(DataVersion read) {
        return current.accumulateAndGet(
                read, (was, fresh) -> was == null || fresh.version() >= was.version() ? fresh : was);
    }

    private DataVersion told(DataVersion known) {
        for (Consumer<DataVersion> listener : listeners) {
            try {
                listener.accept(known);
            } catch (RuntimeException e) {
                log.warn("Could not bring data version {} up to date: {}", known.version(), e.toString());
            }
        }
        return known;
    }

    private void poll() {
        try {
            if (pollConnection == null || !pollConnection.isValid(1)) {
                closePollConnection();
                pollConnection = DriverManager.getConnection(
                        database.getJdbcUrl(), database.getUsername(), database.getPassword());
            }
            try (Statement statement = pollConnection.createStatement()) {
                statement.setQueryTimeout(2);
                DataVersion read;
                try (ResultSet rs = statement.executeQuery(QUERY)) {
                    rs.next();
                    read = seen(read(rs));
                }
                told(read);
            }
        } catch (SQLException | RuntimeException e) {
            closePollConnection();
            if (current.getAndSet(null) != null) {
                log.warn("Database unreachable; answers wait for it: {}", e.getMessage());
            }
        }
    }

    private void closePollConnection() {
        if (pollConnection != null) {
            try {
                pollConnection.close();
            } catch (SQLException e) {
                // it is being replaced or dropped either way
            }
            pollConnection = null;
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        poller.shutdownNow();
        poller.awaitTermination(5, TimeUnit.SECONDS);
        closePollConnection();
    }
}
