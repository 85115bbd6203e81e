package org.xenproject.supportstatus.web.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The headers every answer carries, set in one place for pages, API and errors alike: nothing may
 * sniff another type into an answer or frame it, and each gets its content security policy.
 */
class ResponseHeaders extends OncePerRequestFilter {

    /** No inline script or style, nothing from elsewhere, no framing, forms post back here only. */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** The API's answers are data, never pages: nothing may run in them or frame them. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-XSS-Protection", "0");
        // An error page answers for the path asked for: a TRACE Tomcat refused, say, before any filter ran.
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String asked
                ? asked
                : request.getRequestURI();
        String policy = policy(path);
        if (policy != null) {
            response.setHeader("Content-Security-Policy", policy);
        }
        chain.doFilter(request, versionsAreNoFileNames(request) ? new NoDownloadName(response) : response);
    }

    /** Error pages too: some errors (a refused TRACE) reach only the error page, never the request's filters. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    /**
     * Spring guards against reflected file downloads by naming any answer "f.txt" when the path
     * ends in what looks like a file extension it does not know: ".17" of {@code /releases/4.17}
     * among them, so {@code curl -O} saved it as f.txt. A version's digits are no file type any
     * browser or shell runs, so such paths keep no download name; any other suffix keeps the guard.
     */
    static boolean versionsAreNoFileNames(HttpServletRequest request) {
        String path = request.getRequestURI();
        String last = path.substring(path.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        return dot >= 0
                && dot < last.length() - 1
                && last.indexOf(';') < 0
                && last.substring(dot + 1).chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static final class NoDownloadName extends HttpServletResponseWrapper {

        NoDownloadName(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            if (!guard(name, value)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!guard(name, value)) {
                super.addHeader(name, value);
            }
        }

        private static boolean guard(String name, String value) {
            return "Content-Disposition".equalsIgnoreCase(name) && "inline;filename=f.txt".equals(value);
        }
    }

    /** The pages' policy, the API's, or none for Swagger UI, which loads its own scripts and styles. */
    static String policy(String path) {
        if (path.equals("/") || path.startsWith("/releases/")) {
            return PAGE_POLICY;
        }
        if (path.startsWith("/api/") || path.startsWith("/actuator/") || path.startsWith("/v3/api-docs")) {
            return API_POLICY;
        }
        return null;
    }
}
