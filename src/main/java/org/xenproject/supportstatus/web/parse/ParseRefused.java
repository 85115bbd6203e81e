package org.xenproject.supportstatus.web.parse;

import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A parse the service will not run now: this client asked for too many (429), or every place for a
 * parse stayed taken for the whole wait (503). Either way the answer says when to try again. The
 * service's problem handler writes it like every other error.
 */
final class ParseRefused extends ErrorResponseException {
    private static final long serialVersionUID = 1L;

    enum Reason {
        /** The client address is over its allowance. */
        RATE,
        /** Every place for a parse stayed taken. */
        BUSY
    }

    private final Reason reason;
    private final Duration untilAllowed;

    private ParseRefused(Reason reason, HttpStatus status, String title, String detail, Duration retryAfter) {
        super(status, problem(reason, status, title, detail), null);
        this.reason = reason;
        this.untilAllowed = retryAfter;
        // Whole seconds, rounded up, never 0: a client told "0" would come straight back.
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }

    static ParseRefused overRate(int perMinute, Duration retryAfter) {
        return new ParseRefused(
                Reason.RATE,
                HttpStatus.TOO_MANY_REQUESTS,
                "Too many parses",
                "This client has asked for more than " + perMinute
                        + " parses a minute; try again after Retry-After seconds.",
                retryAfter);
    }

    static ParseRefused busy(Duration retryAfter) {
        return new ParseRefused(
                Reason.BUSY,
                HttpStatus.SERVICE_UNAVAILABLE,
                "Parser busy",
                "Every place for a parse is taken; try again after Retry-After seconds.",
                retryAfter);
    }

    Reason reason() {
        return reason;
    }

    /** How long until the client may try again, as exactly as it is known. */
    Duration untilAllowed() {
        return untilAllowed;
    }

    /** Refusals are expected and many under a flood: where they were made says nothing worth the cost. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    private static ProblemDetail problem(Reason reason, HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(
                URI.create("urn:xen-support:problem:parse-" + reason.name().toLowerCase()));
        return problem;
    }
}
