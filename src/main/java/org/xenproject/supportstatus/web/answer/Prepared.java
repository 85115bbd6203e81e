package org.xenproject.supportstatus.web.answer;

import org.springframework.http.MediaType;
import org.xenproject.supportstatus.snapshot.Snapshot;

/**
 * An answer ready to send: its bytes, the same gzipped when that is worth it, and its ETag, a
 * digest of the bytes and their media type. Equal answers have equal tags on every replica, across
 * restarts, and across builds that answer the same bytes (docs/architecture.md, "The caching rule").
 *
 * @param gzipped null when the answer is too small to be worth compressing
 */
public record Prepared(MediaType type, byte[] plain, byte[] gzipped, String etag) implements Snapshot.Sized {

    @Override
    public long bytes() {
        return plain.length + (gzipped == null ? 0 : gzipped.length) + etag.length() + 64;
    }
}
