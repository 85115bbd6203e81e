package org.xenproject.supportstatus.web.answer;

import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.xenproject.supportstatus.snapshot.Snapshot;

/**
 * What a handler returns: an answer, which {@link AnswerWriter} writes by the one caching rule
 * (docs/architecture.md, "The caching rule").
 *
 * <ul>
 *   <li>{@link #of}: made from a snapshot, named by its question, prepared the first time the
 *       question is asked and given again from memory; {@code Cache-Control: public, max-age=60}.
 *   <li>{@link #fresh}: made for every request (import runs, which change without the data);
 *       {@code Cache-Control: no-cache}.
 *   <li>{@link #once}: prepared by the caller for one request (a parse of the client's own file),
 *       never kept nor tagged.
 * </ul>
 *
 * <p>A question is a record of what the answer depends on, each value as the endpoint read it: a
 * parameter the endpoint does not know, or another spelling of the same value, asks the same
 * question (docs/architecture.md, "The snapshot").
 *
 * @param <T> what the bytes hold, for the API's description
 */
public final class Answer<T> {

    public static final MediaType JSON = MediaType.APPLICATION_JSON;

    enum Kind {
        KEPT,
        FRESH,
        ONCE
    }

    private final Kind kind;
    private final Snapshot snapshot;
    private final Record question;
    private final MediaType type;
    private final Supplier<?> compute;
    private final Prepared prepared;

    private Answer(
            Kind kind, Snapshot snapshot, Record question, MediaType type, Supplier<?> compute, Prepared prepared) {
        this.kind = kind;
        this.snapshot = snapshot;
        this.question = question;
        this.type = type;
        this.compute = compute;
        this.prepared = prepared;
    }

    /** The answer to {@code question} from {@code snapshot}, as JSON. */
    public static <T> Answer<T> of(Snapshot snapshot, Record question, Supplier<? extends T> compute) {
        return of(snapshot, question, JSON, compute);
    }

    /** The answer to {@code question} from {@code snapshot}: a String as UTF-8 text, anything else as JSON. */
    public static <T> Answer<T> of(Snapshot snapshot, Record question, MediaType type, Supplier<? extends T> compute) {
        return new Answer<>(
                Kind.KEPT, Objects.requireNonNull(snapshot), Objects.requireNonNull(question), type, compute, null);
    }

    /** An answer made anew for every request, as JSON; a client that has it already is answered 304. */
    public static <T> Answer<T> fresh(Supplier<? extends T> compute) {
        return new Answer<>(Kind.FRESH, null, null, JSON, compute, null);
    }

    /** An answer the caller prepared for this one request ({@link Answers#prepare}). */
    public static <T> Answer<T> once(Prepared prepared) {
        return new Answer<>(Kind.ONCE, null, null, prepared.type(), null, prepared);
    }

    Kind kind() {
        return kind;
    }

    Snapshot snapshot() {
        return snapshot;
    }

    /** The answer's bytes: from the snapshot when kept, else made now. */
    Prepared prepare(Answers answers) {
        return switch (kind) {
            case KEPT ->
                snapshot.prepared(new Representation(question, type), () -> answers.prepare(type, compute.get()));
            case FRESH -> answers.prepare(type, compute.get());
            case ONCE -> prepared;
        };
    }

    /** What a kept answer is kept by: its question and the representation it is given in. */
    private record Representation(Record question, MediaType type) {}
}
