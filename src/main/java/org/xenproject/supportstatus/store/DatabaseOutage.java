package org.xenproject.supportstatus.store;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means the database is out of reach (down, unreachable, shutting down) rather
 * than a statement gone wrong: worth retrying shortly. Only the store knows the forms it comes in.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {}

    /**
     * Spring translates a failed connection to {@code CannotGetJdbcConnectionException} (JDBC), to
     * {@link CannotCreateTransactionException} (a transaction that cannot begin) or to a
     * {@link DataAccessResourceFailureException} (a connection lost mid-statement). One that escapes
     * translation is known by its cause: Hibernate's {@link JDBCConnectionException}, JDBC's
     * connection exceptions, or SQLSTATE class 08 (connection exception) or 57P (the server
     * shutting down), wherever the exception that carries it was wrapped.
     */
    public static boolean causedBy(Throwable e) {
        if (e instanceof DataAccessResourceFailureException
                || e instanceof TransientDataAccessResourceException
                || e instanceof CannotCreateTransactionException) {
            return true;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof JDBCConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
