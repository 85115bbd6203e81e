package org.xenproject.supportstatus.system;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads query parameters and path variables strictly: anything malformed is an
 * {@link InvalidParameterException} naming the parameter, never a 500 and never silently ignored.
 */
public final class QueryParameters {

    /** Longest free text accepted, e.g. for {@code q=}. */
    public static final int MAX_TEXT = 200;

    // pandoc identifiers: lower-case letters (any script), digits, '_', '-', '.'; the first a letter.
    private static final Pattern KEY = Pattern.compile("[\\p{Ll}\\p{Lo}][\\p{Ll}\\p{Lo}\\p{Nd}_.-]{0,199}");

    private QueryParameters() {
    }

    /** A {@code YYYY-MM-DD} date, or {@code null} when absent. */
    public static LocalDate date(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new InvalidParameterException(name, "'" + printable(value) + "' is not a date of the form YYYY-MM-DD");
    }

    /** {@code true} or {@code false}, or {@code null} when absent. */
    public static Boolean bool(String name, String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new InvalidParameterException(name, "'" + printable(value) + "' is neither true nor false");
        };
    }

    /**
     * A comma-separated list of names from a fixed vocabulary, or an empty set when absent.
     *
     * @param fromId the value a name stands for, or {@code null} for an unknown name
     */
    public static <T> Set<T> oneOf(String name, String value, Function<String, T> fromId, List<String> allowed) {
        Set<T> values = new LinkedHashSet<>();
        if (value == null) {
            return values;
        }
        for (String part : value.split(",", -1)) {
            T parsed = fromId.apply(part.trim());
            if (parsed == null) {
                throw new InvalidParameterException(name,
                        "'" + printable(part) + "' is not one of " + String.join(", ", allowed));
            }
            values.add(parsed);
        }
        return values;
    }

    /** A feature or status key as SPEC 2.1 forms them, or {@code null} when absent. */
    public static String key(String name, String value) {
        if (value == null) {
            return null;
        }
        if (!KEY.matcher(value).matches()) {
            throw new InvalidParameterException(name, "'" + printable(value)
                    + "' is not a key: lower-case letters, digits, '_', '-' and '.', starting with a letter");
        }
        return value;
    }

    /** Free text of at most {@link #MAX_TEXT} characters, or {@code null} when absent or blank. */
    public static String text(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw new InvalidParameterException(name, "longer than " + MAX_TEXT + " characters");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c))) {
            throw new InvalidParameterException(name, "contains control characters");
        }
        return value;
    }

    /** A comma-separated list of values, each checked by {@code each}; empty when absent. */
    public static <T> List<T> list(String value, Function<String, T> each) {
        List<T> values = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(",", -1)) {
                values.add(each.apply(part.trim()));
            }
        }
        return values;
    }

    /** The value as it may be echoed in an error: shortened, control characters shown as '?'. */
    public static String printable(String value) {
        String shown = value.length() > 60 ? value.substring(0, 60) + "…" : value;
        StringBuilder out = new StringBuilder(shown.length());
        shown.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }
}
