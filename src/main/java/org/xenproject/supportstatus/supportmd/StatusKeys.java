package org.xenproject.supportstatus.supportmd;

import java.util.Locale;

/**
 * Status keys as docs/parse-support-md makes them (docs/support-md.md, "Keys"): a qualified line gets
 * {@code <section key>--<qualifier>}, the qualifier lower-cased, each space a {@code -}, then every
 * character outside {@code [-0-9A-Za-z]} removed; an unqualified line has the section key itself.
 */
final class StatusKeys {

    private StatusKeys() {}

    /**
     * @param rawQualifier the qualifier exactly as the Perl regex captures it: from the first
     *                     non-space after the comma up to the colon, trailing spaces included
     */
    static String key(String sectionKey, String rawQualifier) {
        return rawQualifier == null ? sectionKey : sectionKey + "--" + qualifierPart(rawQualifier);
    }

    static String qualifierPart(String rawQualifier) {
        String lower = rawQualifier.toLowerCase(Locale.ROOT);
        StringBuilder part = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == ' ') {
                part.append('-');
            } else if (c == '-' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                part.append(c);
            }
        }
        return part.toString();
    }
}
