package org.xenproject.supportstatus.web.parse;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.xenproject.supportstatus.web.problem.ProblemWriter;

/**
 * Charges each {@code POST /api/v1/parse} to its client's allowance, and answers a client over it
 * here, before Spring MVC: a flood of refused parses comes as fast as it is answered, so a refusal
 * must cost as little as can be, and it is not answered at once: until the client's next parse
 * would be allowed, a second at most. A client that waits as Retry-After says loses nothing; one
 * that asks again on every answer is slowed to one request a second per connection. The wait
 * holds no processor (request threads are virtual). It runs after the filter that sets every
 * answer's headers, and writes the problem as every other error of the API is written.
 */
final class ParseAllowanceFilter extends OncePerRequestFilter {

    /** The longest a refusal is held back. */
    static final Duration MAX_PAUSE = Duration.ofSeconds(1);

    private final ParseGate gate;
    private final ProblemWriter problems;

    ParseAllowanceFilter(ParseGate gate, ProblemWriter problems) {
        this.gate = gate;
        this.problems = problems;
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
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setHeader(HttpHeaders.RETRY_AFTER, refused.get().getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        problems.write(response, problem);
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
