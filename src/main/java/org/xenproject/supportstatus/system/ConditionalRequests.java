package org.xenproject.supportstatus.system;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The one caching rule for the API and the web pages made from the same data. Answers change only
 * when an import stores something (the data version) or when the day changes (lifecycle states are
 * computed for today), so:
 * <ul>
 *   <li>the ETag is derived from those two and the representation, and a matching
 *       {@code If-None-Match} is answered 304 before any controller runs;</li>
 *   <li>a 200 answer is kept as bytes ({@link PreparedAnswers}) and given again, gzipped once
 *       for every client that accepts it, until the version or the day moves on.</li>
 * </ul>
 * Import runs have their own version (they change without data) and are never kept.
 *
 * <p>It runs ahead of the security filters, so a prepared answer costs little more than writing
 * its bytes; the headers those filters set on the first answer are kept with it and given again.
 * Only a question answered 200 before is answered from memory, so nothing the firewall would
 * refuse ever is.
 */
class ConditionalRequests extends OncePerRequestFilter {

    /** Data changes at most once an import: caches may keep it a minute. */
    static final String DATA_CACHE_CONTROL = "public, max-age=60";
    /** Runs change while an import goes on: clients revalidate every time, cheaply (304). */
    static final String IMPORTS_CACHE_CONTROL = "no-cache";

    /** Headers that belong to one exchange, not to the answer. */
    private static final Set<String> PER_REQUEST_HEADERS = Set.of("date", "content-length", "transfer-encoding",
            "content-encoding", "vary", "connection", "keep-alive", "content-type");

    private final JdbcClient jdbc;
    private final DataVersions dataVersions;
    private final Clock clock;
    private final String buildTag;
    private final PreparedAnswers prepared = new PreparedAnswers();

    ConditionalRequests(JdbcClient jdbc, DataVersions dataVersions, Clock clock, String buildTag) {
        this.jdbc = jdbc;
        this.dataVersions = dataVersions;
        this.clock = clock;
        this.buildTag = buildTag;
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

    private record Version(String tag, Instant changedAt, String cacheControl, boolean keepAnswers) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Version> known = version(request);
        if (known.isEmpty()) {
            // The database is down: let the request through, so it is answered 503 as a problem.
            chain.doFilter(request, response);
            return;
        }
        Version version = known.get();
        String representation = representation(request);
        String tag = buildTag + "-" + version.tag() + "-" + LocalDate.now(clock).toEpochDay();
        // Weak: the same answer goes out compressed or not, and Tomcat compresses no answer that
        // carries a strong ETag (the first one, before it is prepared).
        String etag = "W/\"" + tag + "-" + Integer.toHexString(representation.hashCode()) + "\"";
        response.setHeader(HttpHeaders.CACHE_CONTROL, version.cacheControl());
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        ServletWebRequest web = new ServletWebRequest(request, response);
        if (web.checkNotModified(etag, version.changedAt().toEpochMilli())) {
            return;
        }
        if (!version.keepAnswers() || !request.getMethod().equals("GET")) {
            chain.doFilter(request, response);
            return;
        }
        String question = request.getRequestURI() + "?" + request.getQueryString() + "|" + representation;
        PreparedAnswers.Answer answer = prepared.get(tag, question);
        if (answer != null) {
            write(request, response, answer);
            return;
        }
        // One request computes the answer; the same question asked meanwhile gets what it prepared.
        try (PreparedAnswers.Turn turn = prepared.turn(question)) {
            answer = prepared.get(tag, question);
            if (answer != null) {
                write(request, response, answer);
                return;
            }
            Set<String> before = new HashSet<>(response.getHeaderNames());
            ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
            chain.doFilter(request, recorded);
            if (recorded.getStatus() == HttpServletResponse.SC_OK && recorded.getContentType() != null) {
                prepared.put(tag, question, headersSetBy(recorded, before), recorded.getContentType(),
                        recorded.getContentAsByteArray());
            }
            recorded.copyBodyToResponse();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServletException("Interrupted while waiting for an answer being prepared", e);
        }
    }

    /** What the rest of the chain added: not this filter's own headers, nor per-request ones. */
    private static Map<String, List<String>> headersSetBy(HttpServletResponse response, Set<String> before) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : response.getHeaderNames()) {
            if (!before.contains(name) && !PER_REQUEST_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, List.copyOf(response.getHeaders(name)));
            }
        }
        return headers;
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, PreparedAnswers.Answer answer)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        answer.headers().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setContentType(answer.contentType());
        byte[] body = answer.body();
        if (answer.gzipped() != null) {
            response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
            String accepted = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
            if (accepted != null && accepted.contains("gzip")) {
                response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
                body = answer.gzipped();
            }
        }
        response.setContentLength(body.length);
        // Tomcat copies the body into the connection's socket buffer (TomcatSocketConfiguration),
        // which sends status line, headers and body in one write when they fit.
        response.getOutputStream().write(body);
    }

    private Optional<Version> version(HttpServletRequest request) {
        if (request.getRequestURI().startsWith("/api/v1/imports")) {
            try {
                return Optional.of(importsVersion());
            } catch (DataAccessException e) {
                return Optional.empty();
            }
        }
        return dataVersions.current()
                .map(v -> new Version("d" + v.version(), v.changedAt(), DATA_CACHE_CONTROL, true));
    }

    private Version importsVersion() {
        return jdbc.sql("""
                select coalesce(max(id), 0), count(finished_at), (select count(*) from import_branch_result),
                       coalesce(greatest(max(started_at), max(finished_at)), 'epoch'::timestamptz)
                from import_run""")
                .query((rs, n) -> new Version("i" + rs.getLong(1) + "." + rs.getLong(2) + "." + rs.getLong(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), IMPORTS_CACHE_CONTROL, false))
                .single();
    }

    /** JSON and CSV of one resource are different representations: they get different ETags. */
    private static String representation(HttpServletRequest request) {
        String format = request.getParameter("format");
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return (format == null ? "" : format) + "|" + (accept == null ? "" : accept);
    }
}
