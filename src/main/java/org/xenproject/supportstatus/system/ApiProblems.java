package org.xenproject.supportstatus.system;

import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.hibernate.exception.JDBCConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.xenproject.supportstatus.supportmd.SupportMdRejected;

/**
 * The one place that turns failures into RFC 9457 {@code application/problem+json}.
 * Spring's own exceptions (404, 405, 415, bad parameters) come through the base class.
 * Nothing here ever shows a stack trace to a client.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(SupportMdRejected.class)
    ProblemDetail rejected(SupportMdRejected e) {
        HttpStatus status = e.reason() == SupportMdRejected.Reason.TOO_LARGE
                ? HttpStatus.CONTENT_TOO_LARGE
                : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(switch (e.reason()) {
            case EMPTY -> "Empty SUPPORT.md";
            case TOO_LARGE -> "SUPPORT.md too large";
            case NOT_UTF8 -> "SUPPORT.md is not UTF-8 text";
            case BINARY -> "SUPPORT.md is binary, not text";
        });
        problem.setType(URI.create("urn:xen-support:problem:" + e.reason().name().toLowerCase().replace('_', '-')));
        return problem;
    }

    /**
     * The database is down or unreachable: say so, and that it is worth retrying. Spring translates
     * a failed connection to {@code CannotGetJdbcConnectionException} (JDBC), to
     * {@code CannotCreateTransactionException} (a transaction that cannot begin) or to a
     * {@code DataAccessResourceFailureException} (a connection lost mid-statement); Hibernate's own
     * {@link JDBCConnectionException} is listed too for any path that escapes translation.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
            CannotCreateTransactionException.class, JDBCConnectionException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        log.warn("Database unavailable: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The service's database is unavailable; try again shortly.");
        problem.setTitle("Database unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "10")
                .body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (lostConnection(e)) {
            return databaseUnavailable(e);
        }
        log.error("Unexpected error answering a request", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; it has been logged.");
        problem.setTitle("Internal error");
        return ResponseEntity.internalServerError().body(problem);
    }

    /**
     * Whether a failure comes from the connection to the database rather than from the statement:
     * SQLSTATE class 08 (connection exception) or 57P (the server shutting down), wherever the
     * exception that carries it was wrapped.
     */
    static boolean lostConnection(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof JDBCConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
