package org.xenproject.supportstatus.supportmd;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One code block of SUPPORT.md read as docs/parse-support-md reads it: a block whose first line is
 * {@code Xen-Version:} holds release-support lines ({@code Key: value}); a block of label definitions
 * ({@code Functional completeness:} ...) is not data; any other block holds status lines,
 * {@code Status[, qualifier]: value} or {@code Supported[, qualifier]: value}.
 *
 * <p>Where the Perl script would die, this reads on: a misspelt or mis-cased key, a missing space
 * after the colon, an indented line are read as meant, with a warning; a line that continues the
 * previous value is reported and left out of the text, since the script reads one status per line;
 * anything else is reported and skipped.
 */
final class StatusBlock {

    enum Kind {
        RELEASE,
        STATUS,
        LABEL_DEFINITIONS,
        OTHER
    }

    /**
     * One {@code Key: value} line.
     *
     * @param qualifier    the qualifier as shown (trimmed), or null for a plain {@code Status:} line;
     *                     for a release-support line, its key ({@code Xen-Version})
     * @param rawQualifier the qualifier as the Perl regex captures it, which the status key is made from
     * @param value        the value, trailing white space removed
     * @param line         1-based line number
     */
    record Entry(String qualifier, String rawQualifier, String value, int line) {}

    record Reading(Kind kind, List<Entry> entries, List<ParseWarning> warnings) {}

    // The Perl regexes, with Perl's idea of \s (Unicode white space) and of '.' (anything but \n).
    private static final int PERL = Pattern.UNICODE_CHARACTER_CLASS | Pattern.DOTALL;
    private static final Pattern STATUS_LINE =
            Pattern.compile("^(?:Status|Supported)(?:,\\s*([^:]+))?:\\s+(\\S.*)$", PERL);
    private static final Pattern RELEASE_LINE = Pattern.compile("^([A-Z][-A-Z0-9a-z]+):\\s+(\\S.*)$", PERL);
    private static final Pattern LABELS = Pattern.compile(
            "^(?:Functional completeness|Functional stability|Interface stability|Security supported):", PERL);
    private static final Pattern RELEASE_START = Pattern.compile("^Xen-Version:", PERL);

    // Looser shapes, to recognise what was meant when the strict ones fail.
    private static final Pattern LOOSE_STATUS =
            Pattern.compile("^\\s*([A-Za-z][A-Za-z-]*)\\s*(?:,\\s*([^:]*))?:\\s*(.*)$", PERL);
    private static final Pattern LOOSE_RELEASE = Pattern.compile("^\\s*([A-Za-z][-A-Za-z0-9]*)\\s*:\\s*(.*)$", PERL);

    private static final String[] STATUS_KEYS = {"Status", "Supported"};

    private StatusBlock() {}

    static Kind kind(String literal) {
        return kind(lines(literal));
    }

    private static Kind kind(List<String> lines) {
        String first = lines.isEmpty() ? "" : lines.get(0);
        if (LABELS.matcher(first).find()) {
            return Kind.LABEL_DEFINITIONS;
        }
        if (RELEASE_START.matcher(first).find()) {
            return Kind.RELEASE;
        }
        if (STATUS_LINE.matcher(first).matches()) {
            return Kind.STATUS; // the usual case: no need to look further
        }
        for (String line : lines) {
            if (STATUS_LINE.matcher(WhiteSpace.strip(line)).matches()) {
                return Kind.STATUS;
            }
        }
        String firstText = firstNonBlank(lines);
        if (firstText != null) {
            Matcher loose = LOOSE_STATUS.matcher(firstText);
            if (loose.matches() && intendedStatusKey(loose.group(1)) != null) {
                return Kind.STATUS;
            }
            Matcher release = LOOSE_RELEASE.matcher(firstText);
            if (release.matches() && looksLike(release.group(1), "Xen-Version")) {
                return Kind.RELEASE;
            }
        }
        return Kind.OTHER;
    }

    /** Whether a block that is not read as statuses still looks like {@code Key: value} data someone meant to be read. */
    static boolean looksLikeData(String literal) {
        String first = firstNonBlank(lines(literal));
        if (first == null || WhiteSpace.startsWithSpace(first)) {
            return false;
        }
        Matcher loose = LOOSE_STATUS.matcher(first);
        return loose.matches() && !loose.group(3).isBlank();
    }

    /** The key of the first line, for messages about blocks that are not read. */
    static String firstKey(String literal) {
        String first = firstNonBlank(lines(literal));
        if (first == null) {
            return "";
        }
        Matcher loose = LOOSE_STATUS.matcher(first);
        return loose.matches() ? loose.group(1) : first;
    }

    /**
     * @param firstLine the 1-based line number of the literal's first line
     */
    static Reading read(String literal, int firstLine) {
        List<String> lines = lines(literal);
        Kind kind = kind(lines);
        List<Entry> entries = new ArrayList<>();
        List<ParseWarning> warnings = new ArrayList<>();
        if (kind == Kind.STATUS || kind == Kind.RELEASE) {
            Entry previous = null;
            for (int i = 0; i < lines.size(); i++) {
                String line = WhiteSpace.stripTrailing(lines.get(i));
                if (line.isEmpty()) {
                    continue;
                }
                int number = firstLine + i;
                Entry entry = kind == Kind.STATUS
                        ? statusLine(line, number, previous, warnings)
                        : releaseLine(line, number, previous, warnings);
                if (entry != null) {
                    entries.add(entry);
                    previous = entry;
                }
            }
        }
        return new Reading(kind, entries, warnings);
    }

    private static Entry statusLine(String line, int number, Entry previous, List<ParseWarning> warnings) {
        Matcher strict = STATUS_LINE.matcher(line);
        if (strict.matches()) {
            return entry(strict.group(1), strict.group(2), number);
        }
        Matcher indented = STATUS_LINE.matcher(WhiteSpace.strip(line));
        if (indented.matches()) {
            warnings.add(new ParseWarning(number, "Status line indented deeper than the block; read all the same"));
            return entry(indented.group(1), indented.group(2), number);
        }
        if (WhiteSpace.startsWithSpace(line) && previous != null) {
            return continuation(line, number, previous, warnings);
        }
        Matcher loose = LOOSE_STATUS.matcher(line);
        if (loose.matches()) {
            String intended = intendedStatusKey(loose.group(1));
            if (intended != null) {
                return looseStatus(loose, intended, line, number, warnings);
            }
        }
        if (previous != null && !loose.matches()) {
            return continuation(line, number, previous, warnings);
        }
        warnings.add(new ParseWarning(
                number,
                "Not a status line (expected 'Status[, qualifier]: value'), ignored: '" + abbreviated(line) + "'"));
        return null;
    }

    private static Entry looseStatus(
            Matcher loose, String intended, String line, int number, List<ParseWarning> warnings) {
        String key = loose.group(1);
        String qualifier = loose.group(2);
        String value = WhiteSpace.strip(loose.group(3));
        if (value.isEmpty()) {
            warnings.add(new ParseWarning(number, "Status line without a value, ignored: '" + abbreviated(line) + "'"));
            return null;
        }
        List<String> problems = new ArrayList<>();
        if (!key.equals(intended)) {
            problems.add((key.equalsIgnoreCase(intended) ? "key '" : "misspelt key '") + key + "' read as '" + intended
                    + "'");
        }
        if (WhiteSpace.startsWithSpace(line)) {
            problems.add("indented deeper than the block");
        }
        if (qualifier != null && WhiteSpace.strip(qualifier).isEmpty()) {
            problems.add("empty qualifier after the comma");
            qualifier = null;
        }
        int colon = line.indexOf(':', line.indexOf(key) + key.length());
        if (colon >= 0 && colon + 1 < line.length() && !WhiteSpace.is(line.charAt(colon + 1))) {
            problems.add("no space after ':'");
        }
        if (problems.isEmpty()) {
            problems.add("irregular status line");
        }
        warnings.add(
                new ParseWarning(number, capitalised(String.join("; ", problems)) + ": '" + abbreviated(line) + "'"));
        return entry(qualifier, value, number);
    }

    private static Entry releaseLine(String line, int number, Entry previous, List<ParseWarning> warnings) {
        Matcher strict = RELEASE_LINE.matcher(line);
        if (strict.matches()) {
            return new Entry(strict.group(1), strict.group(1), strict.group(2), number);
        }
        Matcher indented = RELEASE_LINE.matcher(WhiteSpace.strip(line));
        if (indented.matches()) {
            warnings.add(
                    new ParseWarning(number, "Release-support line indented deeper than the block; read all the same"));
            return new Entry(indented.group(1), indented.group(1), indented.group(2), number);
        }
        if (WhiteSpace.startsWithSpace(line) && previous != null) {
            return continuation(line, number, previous, warnings);
        }
        Matcher loose = LOOSE_RELEASE.matcher(line);
        if (loose.matches()) {
            String value = WhiteSpace.strip(loose.group(2));
            if (value.isEmpty()) {
                warnings.add(new ParseWarning(
                        number, "Release-support line without a value, ignored: '" + abbreviated(line) + "'"));
                return null;
            }
            warnings.add(new ParseWarning(
                    number,
                    "Irregular release-support line (expected 'Key: value'), read as key '" + loose.group(1) + "': '"
                            + abbreviated(line) + "'"));
            return new Entry(loose.group(1), loose.group(1), value, number);
        }
        if (previous != null) {
            return continuation(line, number, previous, warnings);
        }
        warnings.add(new ParseWarning(
                number, "Not a release-support line (expected 'Key: value'), ignored: '" + abbreviated(line) + "'"));
        return null;
    }

    /** A wrapped value: Xen's matrix reads one line per status, so the text stays that of the first line. */
    private static Entry continuation(String line, int number, Entry previous, List<ParseWarning> warnings) {
        warnings.add(new ParseWarning(
                number,
                "Value of line " + previous.line() + " wrapped onto this line ('"
                        + abbreviated(WhiteSpace.strip(line)) + "'); the status text is that of line " + previous.line()
                        + " alone, as in Xen's support matrix"));
        return null;
    }

    private static Entry entry(String rawQualifier, String value, int number) {
        String qualifier = rawQualifier == null ? null : WhiteSpace.strip(rawQualifier);
        return new Entry(qualifier, rawQualifier, WhiteSpace.stripTrailing(value), number);
    }

    /** {@code Status} or {@code Supported} if {@code key} is one of them mis-cased or misspelt, else null. */
    static String intendedStatusKey(String key) {
        for (String intended : STATUS_KEYS) {
            if (looksLike(key, intended)) {
                return intended;
            }
        }
        return null;
    }

    private static boolean looksLike(String key, String intended) {
        String lower = key.toLowerCase(java.util.Locale.ROOT);
        String target = intended.toLowerCase(java.util.Locale.ROOT);
        return lower.equals(target) || Spelling.isTypoOf(lower, target);
    }

    static List<String> lines(String literal) {
        List<String> lines = new ArrayList<>(List.of(literal.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static String firstNonBlank(List<String> lines) {
        for (String line : lines) {
            if (!WhiteSpace.strip(line).isEmpty()) {
                return WhiteSpace.stripTrailing(line);
            }
        }
        return null;
    }

    static String abbreviated(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
