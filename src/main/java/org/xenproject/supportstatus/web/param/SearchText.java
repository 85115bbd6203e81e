package org.xenproject.supportstatus.web.param;

/** Free text to look for ({@code q=}): at most {@link #MAX} characters, no control characters. */
public record SearchText(String value) {

    public static final int MAX = 200;

    public SearchText {
        if (value.length() > MAX) {
            throw new IllegalArgumentException("longer than " + MAX + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("contains control characters");
        }
    }

    /** The text, or null for none. */
    public static String valueOf(SearchText text) {
        return text == null ? null : text.value();
    }
}
