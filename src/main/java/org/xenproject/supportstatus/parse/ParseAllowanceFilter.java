package org.xenproject.supportstatus.parse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Charges each {@code POST /api/v1/parse} to its client's allowance, and answers a client over it
 * here, before Spring MVC: a flood of refused parses comes as fast as it is answered, so a refusal
 * must cost as little as can be, and it is not answered at once: until the client's next parse
 * would be allowed, a second at most. A client that waits as Retry-After says loses nothing; one
 * that asks again on every answer is slowed to one request a second per connection. The wait
 * holds no processor (request threads are virtual). It runs after the security filters, whose
 * headers it keeps, and writes the problem's fields as every other error of the API has them.
 */
final class ParseAllowanceFilter extends OncePerRequestFilter {

    /** The longest a refusal is held back. */
    static final Duration MAX_PAUSE = Duration.ofSeconds(1);

    private final ParseGate gate;
    private final JsonMapper json;

    ParseAllowanceFilter(ParseGate gate, JsonMapper json) {
        this.gate = gate;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // The connection's address, or the client a trusted proxy named (server.tomcat.remoteip).
        Optional<ParseRefused> refused = gate.admit(request.getRemoteAddr());
        if (refused.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        pause(refused.get().untilAllowed());
        ProblemDetail problem = refused.get().getBody();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", problem.getType().toString());
        fields.put("title", problem.getTitle());
        fields.put("status", problem.getStatus());
        fields.put("detail", problem.getDetail());
        fields.put("instance", request.getRequestURI());
        response.setStatus(problem.getStatus());
        response.setHeader(HttpHeaders.RETRY_AFTER, refused.get().getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json.writeValueAsBytes(fields));
    }

    private static void pause(Duration untilAllowed) {
        try {
            TimeUnit.NANOSECONDS.sleep(Math.min(untilAllowed.toNanos(), MAX_PAUSE.toNanos()));
        } catch (InterruptedException e) {
            // The service is stopping: answer now.
            Thread.currentThread().interrupt();
        }
    }
}
