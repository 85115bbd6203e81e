package org.xenproject.supportstatus.web.answer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;
import org.xenproject.supportstatus.snapshot.Snapshot;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one caching rule (docs/architecture.md). An answer changes only when an import stores
 * something (the data version) or the day changes (lifecycle states are computed for today), so it
 * is prepared once per snapshot, keyed by its meaning, and given again as bytes, gzipped once for
 * every client that accepts it. Its ETag is made of the build, the data version, the day and that
 * meaning; Spring answers a matching {@code If-None-Match} with 304.
 */
@Component
public class Answers {

    /** Data changes at most once an import: caches may keep it a minute. */
    static final String DATA = "public, max-age=60";
    /** Import runs change while an import goes on: clients revalidate every time, cheaply (304). */
    static final String RUNS = "no-cache";
    /** Smaller bodies are not worth compressing; Tomcat leaves them alone too. */
    static final int GZIP_FROM_BYTES = 2048;

    public static final MediaType JSON = MediaType.APPLICATION_JSON;

    private static final String ACCEPT_AND_ENCODING = HttpHeaders.ACCEPT + ", " + HttpHeaders.ACCEPT_ENCODING;

    /** An answer as kept in a snapshot: its bytes, and the same gzipped when that is worth it. */
    public record Kept(MediaType type, byte[] plain, byte[] gzipped) implements Snapshot.Sized {
        @Override
        public long bytes() {
            return plain.length + (gzipped == null ? 0 : gzipped.length);
        }
    }

    private final JsonMapper json;
    private final String build;

    Answers(JsonMapper json, ObjectProvider<BuildProperties> build) {
        this.json = json;
        // Answers differ between builds even for the same data: a new deployment must not be given a 304.
        BuildProperties info = build.getIfAvailable();
        this.build = info == null ? "dev" : Integer.toHexString((info.getVersion() + "@" + info.getTime()).hashCode());
    }

    /**
     * The answer to {@code key} from {@code snapshot}, computed by {@code compute} the first time it
     * is asked. {@code key} holds only what the answer depends on, each value as the endpoint read
     * it, so a parameter the endpoint does not know, or another spelling of the same value, asks
     * the same question. A String is sent as UTF-8 text, anything else as JSON.
     *
     * <p>The bytes are written straight to the response, past Spring's message converters, and
     * nothing is left for Spring to write: a controller returns what this returns (null), and
     * declares the type of what the bytes hold, for the API's description.
     */
    public <R> ResponseEntity<R> of(
            HttpServletRequest request,
            HttpServletResponse response,
            Snapshot snapshot,
            Snapshot.Key key,
            MediaType type,
            Supplier<?> compute)
            throws IOException {
        Snapshot.Key question = new Snapshot.Key("answer", key, type);
        Tagged answer = snapshot.prepared(
                question,
                () -> new Tagged(
                        keep(type, compute.get()),
                        "W/\"" + build + "-d" + snapshot.version() + "-"
                                + snapshot.day().toEpochDay() + "-" + Integer.toHexString(question.hashCode()) + "\""));
        response.setHeader(HttpHeaders.CACHE_CONTROL, DATA);
        response.addHeader(
                HttpHeaders.VARY, answer.kept().gzipped() != null ? ACCEPT_AND_ENCODING : HttpHeaders.ACCEPT);
        if (new ServletWebRequest(request, response)
                .checkNotModified(answer.etag(), snapshot.changedAt().toEpochMilli())) {
            return null;
        }
        write(request, response, answer.kept());
        return null;
    }

    /** A kept answer with its ETag, which is fixed with it: made once, when the answer is prepared. */
    private record Tagged(Kept kept, String etag) implements Snapshot.Sized {
        @Override
        public long bytes() {
            return kept.bytes();
        }
    }

    /**
     * An answer computed for one request and never kept (a parse of the client's own file): the
     * same bytes and compression as a kept answer, without an ETag. {@code kept} comes from
     * {@link #keep}, which the caller may run where its work is bounded.
     */
    public <R> ResponseEntity<R> once(HttpServletRequest request, HttpServletResponse response, Kept kept)
            throws IOException {
        if (kept.gzipped() != null) {
            response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        }
        write(request, response, kept);
        return null;
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, Kept kept) throws IOException {
        byte[] body = kept.plain();
        if (kept.gzipped() != null) {
            String accepted = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
            if (accepted != null && accepted.contains("gzip")) {
                response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
                body = kept.gzipped();
            }
        }
        response.setContentType(kept.type().toString());
        response.setContentLength(body.length);
        // One write: Tomcat sends status line, headers and body together when they fit its socket
        // buffer (TomcatSocketConfiguration).
        response.getOutputStream().write(body);
    }

    /**
     * An answer that is never kept (import runs, which change without the data), under the same rule
     * with its own version; a client that has it already is answered 304 without computing it.
     */
    public <T> ResponseEntity<T> unkept(HttpServletRequest request, String version, Supplier<T> body) {
        String etag = "W/\"" + build + "-" + version + "\"";
        if (new ServletWebRequest(request).checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(etag)
                    .header(HttpHeaders.CACHE_CONTROL, RUNS)
                    .varyBy(HttpHeaders.ACCEPT)
                    .build();
        }
        return ResponseEntity.ok()
                .eTag(etag)
                .header(HttpHeaders.CACHE_CONTROL, RUNS)
                .varyBy(HttpHeaders.ACCEPT)
                .body(body.get());
    }

    /** {@code value} as the bytes of an answer of {@code type}: a String as UTF-8 text, anything else as JSON. */
    public Kept keep(MediaType type, Object value) {
        byte[] plain =
                value instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : json.writeValueAsBytes(value);
        return new Kept(type, plain, plain.length >= GZIP_FROM_BYTES ? gzip(plain) : null);
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
