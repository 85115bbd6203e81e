package org.xenproject.supportstatus.supportmd;

/** A status text reduced to the support levels that SUPPORT.md's own definitions name (docs/support-md.md, "Normalised status"). */
public enum SupportLevel {
    SUPPORTED("supported"),
    DEPRECATED("deprecated"),
    TECH_PREVIEW("tech-preview"),
    EXPERIMENTAL("experimental"),
    NOT_SUPPORTED("not-supported"),
    NOT_FUNCTIONAL("not-functional"),
    NOT_IMPLEMENTED("not-implemented"),
    OTHER("other");

    private final String id;

    SupportLevel(String id) {
        this.id = id;
    }

    /** The name clients see in JSON and use in {@code level=} filters. */
    public String id() {
        return id;
    }

    /** The level whose {@link #id()} is {@code id}, or {@code null}. */
    public static SupportLevel fromId(String id) {
        for (SupportLevel level : values()) {
            if (level.id.equals(id)) {
                return level;
            }
        }
        return null;
    }
}
