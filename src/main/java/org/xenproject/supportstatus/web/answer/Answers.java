package org.xenproject.supportstatus.web.answer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.xenproject.supportstatus.digest.Sha256;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns what a handler computed into a {@link Prepared} answer: bytes as they are, a String as
 * UTF-8 text, anything else as JSON through the service's one mapper; gzipped once when large enough; tagged with a
 * digest of the bytes and their type.
 */
@Component
public class Answers {

    /** Smaller bodies are not worth compressing; Tomcat leaves them alone too. */
    static final int GZIP_FROM_BYTES = 2048;

    /** 128 bits of SHA-256: no two answers a client could be given share a tag by chance. */
    private static final int TAG_BYTES = 16;

    private final JsonMapper json;

    Answers(JsonMapper json) {
        this.json = json;
    }

    /** An archive is compressed already: gzip would only add to it. */
    private static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    /** {@code value} as the bytes of an answer of {@code type}: bytes as they are, a String as UTF-8, anything else as JSON. */
    public Prepared prepare(MediaType type, Object value) {
        byte[] plain = value instanceof byte[] bytes
                ? bytes
                : value instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : json.writeValueAsBytes(value);
        boolean worthIt = plain.length >= GZIP_FROM_BYTES && !ZIP.includes(type);
        return new Prepared(type, plain, worthIt ? gzip(plain) : null, etag(type, plain));
    }

    /** Weak: the gzipped and the plain bytes are one answer, with one tag. */
    static String etag(MediaType type, byte[] plain) {
        byte[] typeBytes = (type.toString() + '\n').getBytes(StandardCharsets.UTF_8);
        byte[] digest = Sha256.of(typeBytes, plain);
        return "W/\"" + HexFormat.of().formatHex(digest, 0, TAG_BYTES) + "\"";
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
