package org.xenproject.supportstatus.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.GZIPOutputStream;

/**
 * Answers already given for the current data version and day, kept as bytes: the data changes
 * only when an import stores something, so the same question gets the same answer until then.
 * Bounded: past {@link #MAX_BYTES} nothing more is kept until the version moves on, so a client
 * asking endless distinct questions costs work, never memory.
 */
final class PreparedAnswers {

    static final long MAX_BYTES = 64L * 1024 * 1024;
    /** Smaller bodies are not worth compressing; Tomcat leaves them alone too. */
    static final int GZIP_FROM_BYTES = 2048;
    static final int COMPUTING_STRIPES = 64;
    /** Past this a request computes the answer itself rather than wait longer for another's. */
    static final long COMPUTING_WAIT_SECONDS = 30;

    /**
     * One answer: the headers the service set on it (security headers among them), its content
     * type and body, and the body gzipped when that is worth it.
     */
    record Answer(Map<String, List<String>> headers, String contentType, byte[] body, byte[] gzipped) {
    }

    private record Generation(String tag, ConcurrentHashMap<String, Answer> answers, AtomicLong bytes) {
    }

    private final AtomicReference<Generation> generation =
            new AtomicReference<>(new Generation("", new ConcurrentHashMap<>(), new AtomicLong()));

    /**
     * Who may compute an answer: a question hashes to one of these, so at most one request at a
     * time computes it. After an import every answer is stale at once; without this, every request
     * in flight would compute the same answers side by side and take every database connection.
     */
    private final ReentrantLock[] computing = new ReentrantLock[COMPUTING_STRIPES];

    PreparedAnswers() {
        for (int i = 0; i < computing.length; i++) {
            computing[i] = new ReentrantLock();
        }
    }

    /** The right to compute the answer to {@code question}; the same question asked meanwhile waits. */
    interface Turn extends AutoCloseable {
        @Override
        void close();
    }

    /** Waits until no other request computes an answer to a question of the same stripe. */
    Turn turn(String question) throws InterruptedException {
        ReentrantLock lock = computing[Math.floorMod(question.hashCode(), computing.length)];
        if (!lock.tryLock(COMPUTING_WAIT_SECONDS, TimeUnit.SECONDS)) {
            return () -> {
            };
        }
        return lock::unlock;
    }

    /** The answer to {@code question} under {@code tag} (data version and day), or null. */
    Answer get(String tag, String question) {
        Generation current = generation.get();
        return current.tag().equals(tag) ? current.answers().get(question) : null;
    }

    void put(String tag, String question, Map<String, List<String>> headers, String contentType, byte[] body) {
        Generation current = generation.updateAndGet(g -> g.tag().equals(tag)
                ? g
                : new Generation(tag, new ConcurrentHashMap<>(), new AtomicLong()));
        byte[] gzipped = body.length >= GZIP_FROM_BYTES ? gzip(body) : null;
        long size = body.length + (gzipped == null ? 0 : gzipped.length) + question.length();
        if (current.bytes().addAndGet(size) > MAX_BYTES) {
            current.bytes().addAndGet(-size);
            return;
        }
        if (current.answers().putIfAbsent(question, new Answer(Map.copyOf(headers), contentType, body, gzipped)) != null) {
            current.bytes().addAndGet(-size);
        }
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
