package org.xenproject.supportstatus.supportmd;

/** The input cannot be a SUPPORT.md at all: empty, too large, binary, or not UTF-8. Everything else is a warning. */
public final class SupportMdRejected extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why, in terms a caller can map to an HTTP status or an import outcome. */
    public enum Reason {
        EMPTY,
        TOO_LARGE,
        NOT_UTF8,
        BINARY
    }

    private final Reason reason;

    public SupportMdRejected(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
