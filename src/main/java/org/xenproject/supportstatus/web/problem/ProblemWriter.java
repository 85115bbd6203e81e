package org.xenproject.supportstatus.web.problem;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Writes a problem where Spring MVC does not (requests refused before it: the admin token, the
 * firewall, a client over its parse allowance; Tomcat's own errors), through the very message
 * converter Spring MVC writes its problems with: the same mapper, Spring's {@code ProblemDetail}
 * mix-in, the same fields and type.
 */
@Component
public class ProblemWriter {

    private final ObjectProvider<RequestMappingHandlerAdapter> mvc;
    private volatile HttpMessageConverter<Object> converter;

    ProblemWriter(ObjectProvider<RequestMappingHandlerAdapter> mvc) {
        this.mvc = mvc;
    }

    /** A problem whose title is the status's reason phrase. */
    public static ProblemDetail problem(HttpStatus status, String detail, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        if (instance != null) {
            problem.setInstance(URI.create(instance));
        }
        return problem;
    }

    /** Answers {@code response} with {@code problem}: its status, and the problem as JSON. */
    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        try (ServletServerHttpResponse out = new ServletServerHttpResponse(response)) {
            converter().write(problem, MediaType.APPLICATION_PROBLEM_JSON, out);
        }
    }

    @SuppressWarnings("unchecked")
    private HttpMessageConverter<Object> converter() {
        HttpMessageConverter<Object> found = converter;
        if (found == null) {
            found = (HttpMessageConverter<Object>) mvc.getObject().getMessageConverters().stream()
                    .filter(c -> c.canWrite(ProblemDetail.class, MediaType.APPLICATION_PROBLEM_JSON))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("Spring MVC has no converter for problems"));
            converter = found;
        }
        return found;
    }
}
