package org.xenproject.supportstatus.web.param;

/**
 * A yes-or-no parameter, read as {@code true} or {@code false} and nothing else. Not a Boolean:
 * when a value does not convert, Spring falls back to its own property editor for Boolean, which
 * takes "yes", "on" or "1" as well.
 */
public enum Truth {
    TRUE,
    FALSE;

    /** The value, or null for no value. */
    public static Boolean valueOf(Truth truth) {
        return truth == null ? null : truth == TRUE;
    }
}
