package org.xenproject.supportstatus.advisory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trailer lines the reader takes: {@code Fixes:}, {@code (cherry picked from commit ...)} and
 * {@code master commit:} (docs/advisories.md, "Trailers"). Only lines that start in the first
 * column: an indented one is quoted text, such as a Linux commit message carried over in a port.
 */
final class Trailers {

    private static final Pattern FIXES_KEY = Pattern.compile("(?i)fixes:\\s*");

    /** An optional {@code commit}, the id, then the subject; an id has a digit, so that "added" is no id. */
    private static final Pattern FIXES_COMMIT =
            Pattern.compile("(?:(?i:commit)\\s+)?(?=[a-zA-Z]*\\d)([0-9a-fA-F]{4,40})(?![\\p{L}\\p{N}_])\\s*");

    private static final Pattern CHERRY_PICK =
            Pattern.compile("\\(cherry picked from commit(:?)\\s*([0-9a-fA-F]{4,40})\\)\\s*");
    private static final String CHERRY_PICK_START = "(cherry picked from commit";

    private static final Pattern MASTER_COMMIT = Pattern.compile("master commit:\\s*([0-9a-fA-F]{4,40})\\s*");
    private static final String MASTER_COMMIT_START = "master commit:";

    /** How many following lines a {@code Fixes:} subject may be wrapped onto. */
    static final int SUBJECT_CONTINUATION_LINES = 3;

    private final List<IntroducedBy> introducedBy;
    private final String pickedFrom;
    private final boolean[] trailerLines;

    private Trailers(List<IntroducedBy> introducedBy, String pickedFrom, boolean[] trailerLines) {
        this.introducedBy = introducedBy;
        this.pickedFrom = pickedFrom;
        this.trailerLines = trailerLines;
    }

    List<IntroducedBy> introducedBy() {
        return introducedBy;
    }

    String pickedFrom() {
        return pickedFrom;
    }

    /** Whether the line at a 0-based index is a trailer, or the continuation of a wrapped one. */
    boolean isTrailer(int index) {
        return trailerLines[index];
    }

    static Trailers of(MessageLines lines, Warnings warnings) {
        boolean[] trailer = new boolean[lines.size()];
        Map<String, IntroducedBy> fixes = new LinkedHashMap<>();
        List<String> masterCommits = new ArrayList<>();
        List<String> cherryPicks = new ArrayList<>();
        int firstPickLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.line(i);
            int number = i + 1;
            trailer[i] = trailer[i] || MessageLines.isTrailer(line);
            if (!trailer[i]) {
                continue;
            }
            Matcher fixesKey = FIXES_KEY.matcher(line);
            if (fixesKey.lookingAt()) {
                if (!line.startsWith("Fixes:")) {
                    warnings.add(
                            number,
                            "trailer written " + Warnings.quote(line.substring(0, line.indexOf(':') + 1))
                                    + "; read as \"Fixes:\"");
                }
                IntroducedBy named = fixesLine(lines, i, fixesKey.end(), trailer, warnings);
                if (named != null) {
                    fixes.putIfAbsent(named.commit(), named);
                }
            } else if (line.startsWith(MASTER_COMMIT_START)) {
                Matcher master = MASTER_COMMIT.matcher(line);
                if (master.matches()) {
                    masterCommits.add(master.group(1).toLowerCase(Locale.ROOT));
                    firstPickLine = firstPickLine == 0 ? number : firstPickLine;
                } else {
                    warnings.add(number, Warnings.quote(line) + " names no commit id; left out");
                }
            } else if (line.startsWith(CHERRY_PICK_START)) {
                Matcher pick = CHERRY_PICK.matcher(line);
                if (pick.matches()) {
                    if (!pick.group(1).isEmpty()) {
                        warnings.add(number, "\"(cherry picked from commit:\" with a colon; read as without");
                    }
                    cherryPicks.add(pick.group(2).toLowerCase(Locale.ROOT));
                    firstPickLine = firstPickLine == 0 ? number : firstPickLine;
                } else {
                    warnings.add(number, Warnings.quote(line) + " names no commit id; left out");
                }
            }
        }
        String pickedFrom = pickedFrom(masterCommits, cherryPicks, firstPickLine, warnings);
        return new Trailers(List.copyOf(fixes.values()), pickedFrom, trailer);
    }

    /**
     * {@code master commit:} names master's commit on a stable branch's backport; a cherry-pick note
     * beside it names the commit of another branch it came through. So master's wins, and the
     * first of several.
     */
    private static String pickedFrom(
            List<String> masterCommits, List<String> cherryPicks, int line, Warnings warnings) {
        List<String> all = new ArrayList<>(masterCommits);
        all.addAll(cherryPicks);
        List<String> distinct = all.stream().distinct().toList();
        if (distinct.isEmpty()) {
            return null;
        }
        if (distinct.size() > 1) {
            warnings.add(
                    line,
                    "picked from " + distinct.size() + " commits (" + String.join(", ", distinct)
                            + "); read as picked from " + distinct.get(0));
        }
        return distinct.get(0);
    }

    private static IntroducedBy fixesLine(
            MessageLines lines, int index, int valueStart, boolean[] trailer, Warnings warnings) {
        String line = lines.line(index);
        int number = index + 1;
        Matcher commit = FIXES_COMMIT.matcher(line).region(valueStart, line.length());
        if (!commit.lookingAt()) {
            warnings.add(number, Warnings.quote(line) + " names no commit id; left out");
            return null;
        }
        String id = commit.group(1).toLowerCase(Locale.ROOT);
        String rest = line.substring(commit.end()).strip();
        return new IntroducedBy(id, subject(rest, lines, index, trailer, warnings));
    }

    /**
     * The subject after the id: {@code ("...")} as git's own pretty format writes it, or
     * {@code ('...')}, {@code "..."}, {@code (...)}; wrapped onto the next lines when its closing
     * quote is there; bare text (warned); none at all ({@code null}).
     */
    private static String subject(String rest, MessageLines lines, int index, boolean[] trailer, Warnings warnings) {
        int number = index + 1;
        if (rest.isEmpty()) {
            return null;
        }
        String opener = rest.startsWith("(\"") ? "(\"" : rest.startsWith("('") ? "('" : rest.substring(0, 1);
        String closer = switch (opener) {
            case "(\"" -> "\")";
            case "('" -> "')";
            case "\"" -> "\"";
            case "(" -> ")";
            default -> null;
        };
        if (closer == null) {
            String bare = rest.startsWith("- ") ? rest.substring(2).strip() : rest;
            warnings.add(number, "Fixes: subject not quoted, " + Warnings.quote(bare) + "; taken as it stands");
            return bare;
        }
        StringBuilder text = new StringBuilder(rest);
        int last = index;
        int close = text.lastIndexOf(closer);
        while (close < opener.length()
                && last + 1 < lines.size()
                && last - index < SUBJECT_CONTINUATION_LINES
                && !MessageLines.isBlank(lines.line(last + 1))
                && !MessageLines.isTrailer(lines.line(last + 1))) {
            last++;
            text.append(' ').append(lines.line(last).strip());
            close = text.lastIndexOf(closer);
        }
        if (close >= opener.length()) {
            for (int i = index + 1; i <= last; i++) {
                trailer[i] = true;
            }
            return emptyToNull(text.substring(opener.length(), close).strip());
        }
        String subject = withoutClosing(rest.substring(opener.length()), opener.startsWith("("));
        warnings.add(
                number,
                "Fixes: subject's quotes do not match, " + Warnings.quote(rest) + "; read as "
                        + Warnings.quote(subject));
        return emptyToNull(subject);
    }

    private static final String QUOTES = "\"'\u201c\u201d\u2018\u2019";

    /**
     * What is left of a subject whose closing quote is missing or misplaced: trailing quotes, one
     * closing bracket when it opened with one, trailing quotes again. So {@code ...flags())} (the
     * quote missing) keeps the subject's own {@code ()}, and {@code ...region)"} loses both.
     */
    private static String withoutClosing(String text, boolean bracketed) {
        String subject = stripTrailing(text.strip(), QUOTES);
        if (bracketed && subject.endsWith(")")) {
            subject = subject.substring(0, subject.length() - 1);
        }
        return stripTrailing(subject, QUOTES).strip();
    }

    private static String stripTrailing(String text, String characters) {
        int end = text.length();
        while (end > 0 && characters.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(0, end);
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
