package org.xenproject.supportstatus.release;

import java.time.LocalDate;
import java.util.regex.Pattern;

import org.xenproject.supportstatus.system.InvalidParameterException;
import org.xenproject.supportstatus.system.QueryParameters;

/**
 * {@code at=}: a past revision of a branch's SUPPORT.md, named by a commit id (or an unambiguous
 * prefix of at least 4 hex digits) or by a day (the revision in effect at the end of that day, UTC).
 */
public sealed interface RevisionPoint {

    record Commit(String prefix) implements RevisionPoint {
    }

    record Day(LocalDate day) implements RevisionPoint {
    }

    Pattern COMMIT = Pattern.compile("[0-9a-f]{4,40}");

    /** The point {@code value} names, or {@code null} when absent. */
    static RevisionPoint parse(String value) {
        if (value == null) {
            return null;
        }
        if (value.length() == 10 && value.charAt(4) == '-') {
            return new Day(QueryParameters.date("at", value));
        }
        String lower = value.toLowerCase(java.util.Locale.ROOT);
        if (COMMIT.matcher(lower).matches()) {
            return new Commit(lower);
        }
        throw new InvalidParameterException("at", "'" + QueryParameters.printable(value)
                + "' is neither a commit id (4 to 40 hex digits) nor a date YYYY-MM-DD");
    }
}
