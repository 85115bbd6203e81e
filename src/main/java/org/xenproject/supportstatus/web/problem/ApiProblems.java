package org.xenproject.supportstatus.web.problem;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;
import org.xenproject.supportstatus.release.RevisionPoint;
import org.xenproject.supportstatus.snapshot.Snapshot;
import org.xenproject.supportstatus.store.DatabaseOutage;
import org.xenproject.supportstatus.supportmd.SupportMdRejected;
import org.xenproject.supportstatus.web.param.Parameters;

/**
 * The one place that says what a failure is, as an RFC 9457 problem. Spring's own exceptions (404,
 * 405, 415) come through the base class; a parameter that does not convert or validate is a 400
 * naming it, and so is one whose bytes do not read. The web pages show the same problems as pages
 * ({@code PageErrors}). Nothing here ever shows a stack trace to a client.
 */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {

    /** The problem for {@code e}, as this advice answers it: for the pages, which show it their own way. */
    public ResponseEntity<?> problem(Exception e, WebRequest request) {
        if (e instanceof Snapshot.NotFound missing) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(notFound(missing));
        }
        if (e instanceof org.apache.tomcat.util.http.InvalidParameterException unreadable) {
            return unreadableQuery(unreadable, request);
        }
        if (e instanceof RequestRejectedException rejected) {
            throw rejected; // as rejected() does
        }
        try {
            return handleException(e, request);
        } catch (Exception unknown) {
            return unexpected(e);
        }
    }

    /** A value that does not convert: the converter's words, with the parameter's name. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        Throwable cause = e.getMostSpecificCause();
        // The service's own converters say what is wrong; Java's number parsing says it less well.
        String detail = cause instanceof IllegalArgumentException
                        && !(cause instanceof NumberFormatException)
                        && cause.getMessage() != null
                ? cause.getMessage()
                : "'" + Parameters.printable(String.valueOf(e.getValue())) + "' is not a valid "
                        + what(e.getRequiredType());
        return ResponseEntity.badRequest().body(invalid(name, detail));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(invalid(e.getParameterName(), "a value is required"));
    }

    /** A value out of its range, say: the first parameter at fault, and what it must be. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            String name = result.getMethodParameter().getParameterName();
            RequestParam param = result.getMethodParameter().getParameterAnnotation(RequestParam.class);
            if (param != null && !param.name().isEmpty()) {
                name = param.name();
            }
            String detail = result.getResolvableErrors().stream()
                    .map(MessageSourceResolvable::getDefaultMessage)
                    .findFirst()
                    .orElse("not a valid value");
            return ResponseEntity.badRequest().body(invalid(name, detail));
        }
        return super.handleHandlerMethodValidationException(e, headers, status, request);
    }

    @ExceptionHandler(Snapshot.NotFound.class)
    ProblemDetail notFound(Snapshot.NotFound e) {
        return new NotFoundException(e.getMessage()).getBody();
    }

    @ExceptionHandler(RevisionPoint.Ambiguous.class)
    ProblemDetail ambiguous(RevisionPoint.Ambiguous e) {
        return invalid("at", e.getMessage());
    }

    /**
     * A query string Tomcat cannot read ({@link UnreadableQuery}): a 400 naming the parameter at
     * fault, or the query string when no name reads (docs/architecture.md, "Bad bytes"). Logged as
     * one line, a warning, in the service's words: Tomcat's message depends on the server's language
     * and its trace tells nothing about the service.
     */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<ProblemDetail> unreadableQuery(
            org.apache.tomcat.util.http.InvalidParameterException e, WebRequest request) {
        HttpServletRequest servlet = ((ServletWebRequest) request).getRequest();
        UnreadableQuery.Fault fault = UnreadableQuery.of(servlet.getQueryString());
        ProblemDetail problem;
        if (fault.parameter() != null) {
            problem = invalid(fault.parameter(), fault.detail());
        } else {
            problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(e.getErrorCode()), fault.detail());
            problem.setTitle("Invalid query string");
            problem.setType(URI.create("urn:xen-support:problem:invalid-query"));
        }
        log.warn(
                "{} {} refused: {}: {}",
                servlet.getMethod(),
                servlet.getRequestURI(),
                problem.getTitle(),
                problem.getDetail());
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /**
     * A header value or parameter name the firewall refuses as the service reads it: answered as
     * the firewall's refusals made before Spring MVC are (web.server.SecurityConfiguration), by
     * letting it go on to Spring Security. Answering here would read the header again, Accept
     * among them, to choose how to write the answer.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException e) {
        throw e;
    }

    private static ProblemDetail invalid(String parameter, String detail) {
        return new InvalidParameterException(parameter, Parameters.printable(detail, 300)).getBody();
    }

    private static String what(Class<?> type) {
        if (type == LocalDate.class) {
            return "date of the form YYYY-MM-DD";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "whole number";
        }
        return "value";
    }

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(SupportMdRejected.class)
    ProblemDetail rejected(SupportMdRejected e) {
        HttpStatus status = e.reason() == SupportMdRejected.Reason.TOO_LARGE
                ? HttpStatus.CONTENT_TOO_LARGE
                : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(
                switch (e.reason()) {
                    case EMPTY -> "Empty SUPPORT.md";
                    case TOO_LARGE -> "SUPPORT.md too large";
                    case NOT_UTF8 -> "SUPPORT.md is not UTF-8 text";
                    case BINARY -> "SUPPORT.md is binary, not text";
                });
        problem.setType(URI.create(
                "urn:xen-support:problem:" + e.reason().name().toLowerCase().replace('_', '-')));
        return problem;
    }

    /** The database is down or unreachable ({@link DatabaseOutage}): say so, and that it is worth retrying. */
    private ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        log.warn("Database unavailable: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, "The service's database is unavailable; try again shortly.");
        problem.setTitle("Database unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "10")
                .body(problem);
    }

    /** Says in one line, at DEBUG, that a client stopped sending or left. */
    private final DisconnectedClientHelper disconnected = new DisconnectedClientHelper(ApiProblems.class.getName());

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseOutage.causedBy(e)) {
            return databaseUnavailable(e);
        }
        // A body that ends before its Content-Length, or a client gone: Tomcat itself answers what
        // it still can (400, or 408 when the body stopped coming), and nothing failed here.
        if (disconnected.checkAndLogClientDisconnectedException(e)) {
            return null;
        }
        log.error("Unexpected error answering a request", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred; it has been logged.");
        problem.setTitle("Internal error");
        return ResponseEntity.internalServerError().body(problem);
    }
}
