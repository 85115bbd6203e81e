package org.xenproject.supportstatus.web.problem;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors the servlet container answers itself and sends to the error page, such as a TRACE
 * request (405), answered as the same RFC 9457 problem as every other error, in place of Spring
 * Boot's own JSON shape. Headers already set, like {@code Allow}, stay.
 */
@RestController
@Hidden
class ProblemErrorController implements ErrorController {

    @RequestMapping(
            path = "${server.error.path:${error.path:/error}}",
            produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer number && HttpStatus.resolve(number) != null
                ? HttpStatus.valueOf(number)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        String detail = switch (status) {
            case METHOD_NOT_ALLOWED -> "This method is not allowed here; Allow lists those that are.";
            case NOT_ACCEPTABLE -> "None of the media types in Accept can be given here.";
            case NOT_FOUND -> "Nothing is here.";
            case INTERNAL_SERVER_ERROR -> "An unexpected error occurred; it has been logged.";
            default -> status.getReasonPhrase();
        };
        ProblemDetail problem = ProblemWriter.problem(status, detail, null);
        // The path asked for, not the error page's.
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException notAUri) {
                problem.setInstance(URI.create("about:blank"));
            }
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
