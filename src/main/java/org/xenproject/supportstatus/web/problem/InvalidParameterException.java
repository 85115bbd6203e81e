package org.xenproject.supportstatus.web.problem;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.xenproject.supportstatus.web.param.Parameters;

/** A query parameter or path variable that is malformed: a 400 that names it. */
public final class InvalidParameterException extends ErrorResponseException {
    private static final long serialVersionUID = 1L;

    public InvalidParameterException(String parameter, String detail) {
        super(HttpStatus.BAD_REQUEST, problem(parameter, detail), null);
    }

    /** A value that is not one of the {@code allowed} words. */
    public static InvalidParameterException notOneOf(String parameter, String value, List<String> allowed) {
        return new InvalidParameterException(
                parameter, "'" + Parameters.printable(value) + "' is not one of " + String.join(", ", allowed));
    }

    private static ProblemDetail problem(String parameter, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid parameter '" + parameter + "'");
        problem.setType(URI.create("urn:xen-support:problem:invalid-parameter"));
        problem.setProperty("parameter", parameter);
        return problem;
    }
}
