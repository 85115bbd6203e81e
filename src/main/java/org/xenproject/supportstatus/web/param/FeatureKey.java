package org.xenproject.supportstatus.web.param;

import java.util.regex.Pattern;

/** A feature, section or status key as SUPPORT.md's headings give them (docs/support-md.md). */
public record FeatureKey(String value) {

    // pandoc identifiers: lower-case letters (any script), digits, '_', '-', '.'; the first a letter.
    private static final Pattern KEY = Pattern.compile("[\\p{Ll}\\p{Lo}][\\p{Ll}\\p{Lo}\\p{Nd}_.-]{0,199}");

    public FeatureKey {
        if (!KEY.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + Parameters.printable(value)
                    + "' is not a key: lower-case letters, digits, '_', '-' and '.', starting with a letter");
        }
    }

    /** The key's text, or null for no key. */
    public static String valueOf(FeatureKey key) {
        return key == null ? null : key.value();
    }
}
