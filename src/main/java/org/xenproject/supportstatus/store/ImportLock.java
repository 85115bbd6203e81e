package org.xenproject.supportstatus.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * The one import at a time among every instance on the database: a PostgreSQL session-level
 * advisory lock, held on a connection of its own for the whole run. If the instance dies, its
 * connection closes and the lock is released with it.
 */
public final class ImportLock implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ImportLock.class);

    /** Arbitrary, fixed: identifies the import among the advisory locks of the database. */
    public static final long KEY = 0x78656e_696d706fL; // "xen" "impo"

    private final Connection connection;

    private ImportLock(Connection connection) {
        this.connection = connection;
    }

    /** Hands out the lock: the import's one way to it. */
    @Component
    public static class Locks {

        private final DataSource dataSource;

        public Locks(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /** The lock, or empty when another session holds it. */
        public Optional<ImportLock> tryAcquire() {
            try {
                return ImportLock.tryAcquire(dataSource);
            } catch (SQLException e) {
                throw new DataAccessResourceFailureException("Could not ask PostgreSQL for the import lock", e);
            }
        }
    }

    static Optional<ImportLock> tryAcquire(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            statement.setLong(1, KEY);
            try (ResultSet result = statement.executeQuery()) {
                if (result.next() && result.getBoolean(1)) {
                    return Optional.of(new ImportLock(connection));
                }
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        connection.close();
        return Optional.empty();
    }

    @Override
    public void close() {
        // Unlock before the connection goes back to the pool, where the lock would otherwise live on.
        try (connection;
                PreparedStatement statement = connection.prepareStatement("select pg_advisory_unlock(?)")) {
            statement.setLong(1, KEY);
            statement.execute();
        } catch (SQLException e) {
            log.warn("Could not release the import lock cleanly; it goes when its connection closes", e);
        }
    }
}
