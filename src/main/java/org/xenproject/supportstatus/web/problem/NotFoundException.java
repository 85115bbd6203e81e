package org.xenproject.supportstatus.web.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A well-formed request for something the service has no data about: a 404. */
public final class NotFoundException extends ErrorResponseException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String detail) {
        super(HttpStatus.NOT_FOUND, problem(detail), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle("Not found");
        problem.setType(URI.create("urn:xen-support:problem:not-found"));
        return problem;
    }
}
