package org.xenproject.supportstatus.supportmd;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * pandoc's automatic identifier for a heading (extension {@code auto_identifiers}), which is the
 * anchor in Xen's SUPPORT.html and the section key here (docs/support-md.md, "Keys"): lower-case; keep only letters,
 * digits, {@code _ - .} and white space; join the words with {@code -}; drop everything before the
 * first letter; nothing left gives {@code section}. One instance per document hands out unique
 * identifiers, adding {@code -1}, {@code -2}, ... to repeats, as pandoc does.
 */
final class PandocIdentifier {

    private final Set<String> used = new HashSet<>();
    /** Per identifier, the suffix to try first: every smaller one is taken, so the search stays linear. */
    private final Map<String, Integer> nextSuffix = new HashMap<>();

    /** The identifier of a heading whose text (pandoc's stringify of it) is {@code text}. */
    static String of(String text) {
        return isAscii(text) ? ofAscii(text) : ofAnyText(text);
    }

    /** The general case, for text in any script. */
    static String ofAnyText(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder kept = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); ) {
            int c = lower.codePointAt(i);
            i += Character.charCount(c);
            if (isAlphaNumeric(c) || c == '_' || c == '-' || c == '.' || isHaskellSpace(c)) {
                kept.appendCodePoint(c);
            }
        }
        // Text.words then intercalate "-": runs of white space become one hyphen.
        StringBuilder joined = new StringBuilder(kept.length());
        boolean gap = false;
        for (int i = 0; i < kept.length(); ) {
            int c = kept.codePointAt(i);
            i += Character.charCount(c);
            if (isHaskellSpace(c)) {
                gap = joined.length() > 0;
            } else {
                if (gap) {
                    joined.append('-');
                    gap = false;
                }
                joined.appendCodePoint(c);
            }
        }
        int start = 0;
        while (start < joined.length()) {
            int c = joined.codePointAt(start);
            if (Character.isLetter(c)) {
                break;
            }
            start += Character.charCount(c);
        }
        String identifier = joined.substring(start);
        return identifier.isEmpty() ? "section" : identifier;
    }

    /** The same for plain ASCII text (nearly every heading), without Unicode look-ups. */
    static String ofAscii(String text) {
        StringBuilder identifier = new StringBuilder(text.length());
        boolean gap = false;
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if ((c >= '\t' && c <= '\r') || c == ' ') {
                gap = identifier.length() > 0;
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.') {
                if (identifier.length() == 0 && !(c >= 'a' && c <= 'z')) {
                    continue; // nothing before the first letter
                }
                if (gap) {
                    identifier.append('-');
                    gap = false;
                }
                identifier.append(c);
            }
        }
        return identifier.length() == 0 ? "section" : identifier.toString();
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** {@code identifier}, or, if the document already has it, the first free {@code identifier-N}. */
    String unique(String identifier) {
        if (used.add(identifier)) {
            return identifier;
        }
        int n = nextSuffix.getOrDefault(identifier, 1);
        while (used.contains(identifier + "-" + n)) {
            n++;
        }
        nextSuffix.put(identifier, n + 1);
        String candidate = identifier + "-" + n;
        used.add(candidate);
        return candidate;
    }

    /** Claims an identifier given explicitly ({@code {#id}}), so that automatic ones avoid it. */
    void claim(String identifier) {
        used.add(identifier);
    }

    /** Haskell's {@code isAlphaNum}: letters and every kind of Unicode number. */
    private static boolean isAlphaNumeric(int c) {
        if (Character.isLetter(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /** Haskell's {@code isSpace}: tab, line feed, vertical tab, form feed, carriage return, and space separators (Zs). */
    private static boolean isHaskellSpace(int c) {
        return (c >= '\t' && c <= '\r') || Character.getType(c) == Character.SPACE_SEPARATOR;
    }
}
