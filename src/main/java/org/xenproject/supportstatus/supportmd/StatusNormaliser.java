package org.xenproject.supportstatus.supportmd;

import static org.xenproject.supportstatus.supportmd.SecuritySupport.CONDITIONAL;
import static org.xenproject.supportstatus.supportmd.SecuritySupport.EXTERNAL;
import static org.xenproject.supportstatus.supportmd.SecuritySupport.NO;
import static org.xenproject.supportstatus.supportmd.SecuritySupport.UNKNOWN;
import static org.xenproject.supportstatus.supportmd.SecuritySupport.YES;
import static org.xenproject.supportstatus.supportmd.SupportLevel.DEPRECATED;
import static org.xenproject.supportstatus.supportmd.SupportLevel.EXPERIMENTAL;
import static org.xenproject.supportstatus.supportmd.SupportLevel.NOT_FUNCTIONAL;
import static org.xenproject.supportstatus.supportmd.SupportLevel.NOT_IMPLEMENTED;
import static org.xenproject.supportstatus.supportmd.SupportLevel.NOT_SUPPORTED;
import static org.xenproject.supportstatus.supportmd.SupportLevel.OTHER;
import static org.xenproject.supportstatus.supportmd.SupportLevel.SUPPORTED;
import static org.xenproject.supportstatus.supportmd.SupportLevel.TECH_PREVIEW;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Status text to level and security support: the table in docs/support-md.md, which follows the label
 * definitions at the bottom of SUPPORT.md. Matching ignores case, runs of white space and a
 * trailing full stop. The first row that matches wins.
 */
final class StatusNormaliser {

    /** What a status text means. {@code typoOf} is the label a misspelt text was read as, else null. */
    record Normalised(SupportLevel level, SecuritySupport security, String limit, String typoOf) {}

    /** How a row compares the normalised text with its labels. */
    enum Match {
        EXACT,
        PREFIX,
        LIMIT
    }

    record Row(Match match, SupportLevel level, SecuritySupport security, List<String> labels) {}

    static final List<Row> TABLE = List.of(
            new Row(Match.LIMIT, SUPPORTED, YES, List.of("supported up to ")),
            new Row(Match.EXACT, SUPPORTED, YES, List.of("supported", "security supported")),
            new Row(
                    Match.EXACT,
                    SUPPORTED,
                    CONDITIONAL,
                    List.of("supported, with caveats", "support scope restricted")),
            new Row(
                    Match.PREFIX,
                    SUPPORTED,
                    CONDITIONAL,
                    List.of("supported, security supported only when", "supported (outside of")),
            new Row(Match.EXACT, SUPPORTED, NO, List.of("supported, not security supported")),
            new Row(Match.EXACT, SUPPORTED, EXTERNAL, List.of("supported, security support external")),
            new Row(Match.EXACT, DEPRECATED, YES, List.of("deprecated")),
            new Row(
                    Match.EXACT,
                    TECH_PREVIEW,
                    NO,
                    List.of("tech preview", "preview", "tech preview, with limited support")),
            new Row(Match.EXACT, EXPERIMENTAL, NO, List.of("experimental")),
            new Row(Match.PREFIX, EXPERIMENTAL, NO, List.of("experimental (")),
            new Row(Match.EXACT, SUPPORTED, NO, List.of("no security support, not recommended")),
            new Row(Match.EXACT, NOT_SUPPORTED, NO, List.of("not supported")),
            new Row(Match.EXACT, NOT_FUNCTIONAL, NO, List.of("not functional")),
            new Row(Match.EXACT, NOT_IMPLEMENTED, NO, List.of("not implemented")));

    static final Normalised UNRECOGNISED = new Normalised(OTHER, UNKNOWN, null, null);

    /** {@code <limit>} runs to the first full stop that ends a sentence (so {@code 1.5 TiB} stays whole). */
    private static final Pattern LIMIT =
            Pattern.compile("(?i)^\\s*supported\\s+up\\s+to\\s+(.+?)\\s*(?:\\.(?:\\s+.*)?)?$", Pattern.DOTALL);

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private StatusNormaliser() {}

    static Normalised normalise(String text) {
        String simple = simplify(text);
        Normalised exact = lookUp(simple, text);
        if (exact != null) {
            return exact;
        }
        return typo(simple, text);
    }

    /** The index in {@link #TABLE} of the row that reads {@code text}, or -1: lets tests prove every row is reachable. */
    static int rowOf(String text) {
        String simple = simplify(text);
        for (int i = 0; i < TABLE.size(); i++) {
            if (matches(TABLE.get(i), simple)) {
                return i;
            }
        }
        return -1;
    }

    private static Normalised lookUp(String simple, String text) {
        for (Row row : TABLE) {
            if (matches(row, simple)) {
                return new Normalised(
                        row.level(), row.security(), row.match() == Match.LIMIT ? limit(text) : null, null);
            }
        }
        return null;
    }

    private static boolean matches(Row row, String simple) {
        for (String label : row.labels()) {
            boolean hit = switch (row.match()) {
                case EXACT -> simple.equals(label);
                case PREFIX, LIMIT -> simple.startsWith(label) && simple.length() > label.length();
            };
            if (hit) {
                return true;
            }
        }
        return false;
    }

    /**
     * A text that matches no row may be a misspelt label: {@code Experimenal}, {@code Expermental},
     * or one with a parenthetical tail, {@code Experimenal (in ...)}. Only exact labels are candidates,
     * and only a single closest one.
     */
    private static Normalised typo(String simple, String text) {
        int paren = simple.indexOf(" (");
        String head = paren > 0 ? simple.substring(0, paren) : simple;
        Row found = null;
        String foundLabel = null;
        for (Row row : TABLE) {
            if (row.match() != Match.EXACT) {
                continue;
            }
            for (String label : row.labels()) {
                if (Spelling.isTypoOf(head, label)) {
                    if (found != null && found != row) {
                        return UNRECOGNISED;
                    }
                    found = row;
                    foundLabel = label;
                }
            }
        }
        if (found == null) {
            return UNRECOGNISED;
        }
        return new Normalised(found.level(), found.security(), null, capitalised(foundLabel));
    }

    private static String limit(String text) {
        Matcher m = LIMIT.matcher(text);
        return m.matches() ? m.group(1) : null;
    }

    static String simplify(String text) {
        String stripped = text.strip();
        String simple = (isSimplySpaced(stripped)
                        ? stripped
                        : WHITE_SPACE.matcher(stripped).replaceAll(" "))
                .toLowerCase(Locale.ROOT);
        while (simple.endsWith(".")) {
            simple = simple.substring(0, simple.length() - 1).stripTrailing();
        }
        return simple;
    }

    /** No white space but single spaces: nothing for the regex to do (the usual case). */
    private static boolean isSimplySpaced(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) && (c != ' ' || (i + 1 < text.length() && text.charAt(i + 1) == ' '))) {
                return false;
            }
        }
        return true;
    }

    private static String capitalised(String label) {
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }
}
