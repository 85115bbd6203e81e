package org.xenproject.supportstatus.advisory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the fix sentences of a paragraph, {@code This is part of XSA-400 / CVE-2022-23034.} and its
 * spellings, and reads their lists of ids (docs/advisories.md, "Fix sentences").
 */
final class FixSentences {

    /**
     * What one fix sentence names: XSAs with whether "part of" preceded each, and CVE ids.
     * {@code listEnd} is the offset in the paragraph just past its last id.
     */
    record FixSentence(List<Advisory> advisories, List<String> cves, int listEnd) {}

    record Advisory(int number, boolean partOf) {}

    /**
     * The openings: {@code This is}, {@code This patch is}, {@code Everything together is}; and
     * {@code This} directly followed by an id, a slip of the pen that xen.git has (warned).
     */
    private static final Pattern OPENING = Pattern.compile("(?<![\\p{L}\\p{N}_-])"
            + "(?:(?:This(?: patch)? is|Everything together is)\\s+|(This)\\s+(?=(?i:xsa|cve)[- ]?\\d))");

    /** {@code a security problem, } and {@code part of the fix to a security issue, } before the ids. */
    private static final Pattern PREAMBLE =
            Pattern.compile("(?i)(part of the fix (?:to|for) )?an? security \\p{L}+\\s*,\\s*");

    /** How far after its list of ids a fix sentence is searched for ids it leaves out. */
    static final int REMARK_LIMIT = 300;

    private static final Pattern PART_OF = Pattern.compile("(?i)part of\\s+");

    /** Between two ids: {@code /}, {@code ,}, {@code +}, {@code and}, {@code , and}. */
    private static final Pattern SEPARATOR = Pattern.compile("\\s*[/,+]\\s*(?:and\\s+)?|\\s+and\\s+");

    private FixSentences() {}

    static List<FixSentence> in(Paragraph paragraph, Warnings warnings) {
        String text = paragraph.text();
        List<FixSentence> found = new ArrayList<>();
        if (!text.contains("This") && !text.contains("Everything together")) {
            return found;
        }
        Matcher opening = OPENING.matcher(text);
        int from = 0;
        while (from < text.length() && opening.find(from)) {
            from = opening.end();
            if (!startsSentence(paragraph, opening.start())) {
                continue;
            }
            List<String> own = new ArrayList<>();
            FixSentence sentence = read(paragraph, opening.end(), own);
            if (sentence == null) {
                continue;
            }
            int line = paragraph.lineOf(opening.start());
            if (opening.group(1) != null) {
                warnings.add(
                        line,
                        "fix sentence without \"is\", "
                                + Warnings.quote(text.substring(opening.start(), sentence.listEnd()))
                                + "; read as \"This is ...\"");
            }
            for (String warning : own) {
                warnings.add(line, warning);
            }
            found.add(sentence);
        }
        return found;
    }

    /**
     * A sentence starts a paragraph or a line, or follows the end of another ({@code .}, {@code !}
     * or {@code ?}, maybe a closing quote or bracket, then white space); an opening bracket may
     * stand before it: {@code (This is XSA-137.)}.
     */
    private static boolean startsSentence(Paragraph paragraph, int start) {
        String text = paragraph.text();
        int at = start > 0 && text.charAt(start - 1) == '(' ? start - 1 : start;
        if (at == 0 || paragraph.startsLine(at)) {
            return true;
        }
        int i = at;
        while (i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        if (i == at) {
            return false;
        }
        while (i > 0 && "\"')]".indexOf(text.charAt(i - 1)) >= 0) {
            i--;
        }
        return i > 0 && ".!?".indexOf(text.charAt(i - 1)) >= 0;
    }

    /** The ids after an opening, or {@code null} when the sentence does not go on with one. */
    private static FixSentence read(Paragraph paragraph, int from, List<String> warnings) {
        String text = paragraph.text();
        List<Advisory> advisories = new ArrayList<>();
        List<String> cves = new ArrayList<>();
        boolean partOf = false;
        int at = from;
        Matcher preamble = PREAMBLE.matcher(text).region(at, text.length());
        if (preamble.lookingAt()) {
            partOf = preamble.group(1) != null;
            at = preamble.end();
        }
        int ids = 0;
        int listEnd = at;
        while (true) {
            Matcher part = PART_OF.matcher(text).region(at, text.length());
            if (part.lookingAt()) {
                partOf = true;
                at = part.end();
            }
            AdvisoryIds.Id id = AdvisoryIds.at(text, at);
            if (id == null) {
                break;
            }
            ids++;
            listEnd = id.end();
            if (id.warning() != null) {
                warnings.add(id.warning());
            }
            switch (id.kind()) {
                case XSA -> advisories.add(new Advisory(id.number(), partOf));
                case CVE -> cves.add(id.value());
                case UNUSABLE -> {}
            }
            Matcher separator = SEPARATOR.matcher(text).region(listEnd, text.length());
            if (!separator.lookingAt()) {
                break;
            }
            at = separator.end();
        }
        if (ids == 0) {
            return null;
        }
        int remarkEnd = sentenceEnd(text, listEnd);
        String leftOut = AdvisoryIds.firstAnywhere(text, listEnd, remarkEnd);
        if (leftOut != null) {
            warnings.add(Warnings.quote(leftOut) + " stands after the list of fixes, in "
                    + Warnings.quote(text.substring(listEnd, remarkEnd)) + "; left out");
        }
        return new FixSentence(advisories, cves, listEnd);
    }

    /**
     * Just past the {@code .}, {@code !} or {@code ?} (and closing quotes or brackets) that ends the
     * sentence, the paragraph's end, or {@link #REMARK_LIMIT} characters on, whichever comes first:
     * the limit keeps a paragraph of a million unpunctuated sentences linear.
     */
    private static int sentenceEnd(String text, int from) {
        int limit = (int) Math.min(text.length(), (long) from + REMARK_LIMIT);
        for (int i = from; i < limit; i++) {
            if (".!?".indexOf(text.charAt(i)) >= 0) {
                int j = i + 1;
                while (j < limit && "\"')]".indexOf(text.charAt(j)) >= 0) {
                    j++;
                }
                if (j == text.length() || (j < limit && Character.isWhitespace(text.charAt(j)))) {
                    return j;
                }
            }
        }
        return limit;
    }
}
