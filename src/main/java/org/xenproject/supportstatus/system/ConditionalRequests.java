package org.xenproject.supportstatus.system;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one caching rule for the API and the web pages. Answers change only when an import stores
 * something (the data version) or when the day changes (lifecycle states are computed for today),
 * so the ETag is derived from those two and the representation, and a matching
 * {@code If-None-Match} is answered 304 before any controller runs. Import runs have their own
 * version: they change without data.
 */
class ConditionalRequests extends OncePerRequestFilter {

    /** Data changes at most once an import: caches may keep it a minute. */
    static final String DATA_CACHE_CONTROL = "public, max-age=60";
    /** Runs change while an import goes on: clients revalidate every time, cheaply (304). */
    static final String IMPORTS_CACHE_CONTROL = "no-cache";

    private final JdbcClient jdbc;
    private final Clock clock;

    ConditionalRequests(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !(method.equals("GET") || method.equals("HEAD")) || !servesData(request.getRequestURI());
    }

    /** The API, and the pages made from the same data: the matrix and each release. */
    static boolean servesData(String path) {
        return path.startsWith("/api/") || path.equals("/") || path.startsWith("/releases/");
    }

    private record Version(String tag, Instant changedAt, String cacheControl) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Version version;
        try {
            version = request.getRequestURI().startsWith("/api/v1/imports") ? importsVersion() : dataVersion();
        } catch (DataAccessException e) {
            // The database is down: let the request through, so it is answered 503 as a problem.
            chain.doFilter(request, response);
            return;
        }
        // Weak: the same answer goes out compressed or not, and Tomcat compresses no answer that
        // carries a strong ETag.
        String etag = "W/\"" + version.tag() + "-" + LocalDate.now(clock).toEpochDay() + "-"
                + representation(request) + "\"";
        ServletWebRequest web = new ServletWebRequest(request, response);
        response.setHeader(HttpHeaders.CACHE_CONTROL, version.cacheControl());
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        if (web.checkNotModified(etag, version.changedAt().toEpochMilli())) {
            return;
        }
        chain.doFilter(request, response);
    }

    private Version dataVersion() {
        return jdbc.sql("select version, changed_at from data_version")
                .query((rs, n) -> new Version("d" + rs.getLong(1),
                        rs.getObject(2, java.time.OffsetDateTime.class).toInstant(), DATA_CACHE_CONTROL))
                .single();
    }

    private Version importsVersion() {
        return jdbc.sql("""
                select coalesce(max(id), 0), count(finished_at), (select count(*) from import_branch_result),
                       coalesce(greatest(max(started_at), max(finished_at)), 'epoch'::timestamptz)
                from import_run""")
                .query((rs, n) -> new Version("i" + rs.getLong(1) + "." + rs.getLong(2) + "." + rs.getLong(3),
                        rs.getObject(4, java.time.OffsetDateTime.class).toInstant(), IMPORTS_CACHE_CONTROL))
                .single();
    }

    /** JSON and CSV of one resource are different representations and need different ETags. */
    private static String representation(HttpServletRequest request) {
        String format = request.getParameter("format");
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        String key = (format == null ? "" : format) + "|" + (accept == null ? "" : accept);
        return Integer.toHexString(key.hashCode());
    }
}
