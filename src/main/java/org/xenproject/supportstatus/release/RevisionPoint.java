package org.xenproject.supportstatus.release;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code at=}: a past revision of a branch's SUPPORT.md, named by a commit id (or an unambiguous
 * prefix of at least 4 hex digits) or by a day (the revision in effect at the end of that day, UTC).
 */
public sealed interface RevisionPoint {

    record Commit(String prefix) implements RevisionPoint {}

    record Day(LocalDate day) implements RevisionPoint {}

    /** A commit prefix that more than one revision of a history starts with. */
    final class Ambiguous extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public Ambiguous(String message) {
            super(message);
        }
    }

    /**
     * The point {@code value} names.
     *
     * @throws IllegalArgumentException when it names none, with a message a client can act on
     */
    static RevisionPoint parse(String value) {
        if (value.length() == 10 && value.charAt(4) == '-') {
            try {
                return new Day(LocalDate.parse(value));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + value + "' is not a date of the form YYYY-MM-DD");
            }
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (Pattern.matches("[0-9a-f]{4,40}", lower)) {
            return new Commit(lower);
        }
        throw new IllegalArgumentException(
                "'" + value + "' is neither a commit id (4 to 40 hex digits) nor a date YYYY-MM-DD");
    }
}
