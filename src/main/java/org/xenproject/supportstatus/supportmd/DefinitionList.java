package org.xenproject.supportstatus.supportmd;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;

/**
 * pandoc's definition lists, which CommonMark does not have: a one-line term, then a line starting
 * with {@code :} (or {@code ~}), indented at most two spaces, with the definition. SUPPORT.md uses one
 * for its release notes link:
 * <pre>
 * Release Notes
 * : &lt;a href="https://wiki.xenproject.org/..."&gt;RN&lt;/a&gt;
 * </pre>
 * CommonMark reads those two lines as one paragraph (or as two, with a blank line between them,
 * which pandoc also allows); this class recognises both from the paragraphs' source lines.
 */
final class DefinitionList {

    /**
     * @param term       the term, trimmed
     * @param definition the first definition verbatim after the marker, trailing white space removed;
     *                   lines it continues onto are joined with a space
     * @param line       1-based line of the term
     * @param lastNode   the last paragraph the definition list took up
     */
    record Definition(String term, String definition, int line, Node lastNode) {}

    private static final Pattern MARKER = Pattern.compile("^ {0,2}[:~][ \\t]+(\\S.*)$", Pattern.DOTALL);

    private DefinitionList() {}

    /** The definition list starting at {@code paragraph}, or null if it is an ordinary paragraph. */
    static Definition at(Paragraph paragraph, List<String> lines, WarningLog log) {
        if (!mayBeTerm(paragraph, lines)) {
            return null;
        }
        List<String> own = sourceLines(paragraph, lines);
        if (own.isEmpty() || MARKER.matcher(own.get(0)).matches()) {
            return null;
        }
        int termLine = paragraph.getSourceSpans().get(0).getLineIndex() + 1;
        String term = WhiteSpace.strip(own.get(0));
        if (own.size() >= 2) {
            Matcher marker = MARKER.matcher(own.get(1));
            if (!marker.matches()) {
                return null;
            }
            return new Definition(
                    term,
                    definition(marker.group(1), own.subList(2, own.size()), termLine + 1, log),
                    termLine,
                    paragraph);
        }
        // The loose form: "Term", one blank line, ": definition".
        if (paragraph.getNext() instanceof Paragraph next
                && !next.getSourceSpans().isEmpty()) {
            List<String> nextLines = sourceLines(next, lines);
            int gap = next.getSourceSpans().get(0).getLineIndex() + 1 - termLine;
            Matcher marker = nextLines.isEmpty() ? null : MARKER.matcher(nextLines.get(0));
            if (gap == 2 && marker != null && marker.matches()) {
                return new Definition(
                        term,
                        definition(marker.group(1), nextLines.subList(1, nextLines.size()), termLine + 2, log),
                        termLine,
                        next);
            }
        }
        return null;
    }

    private static String definition(String first, List<String> rest, int firstLine, WarningLog log) {
        List<String> parts = new ArrayList<>();
        parts.add(WhiteSpace.stripTrailing(first));
        for (int i = 0; i < rest.size(); i++) {
            if (MARKER.matcher(rest.get(i)).matches()) {
                log.add(firstLine + 1 + i, "A second definition for one term; only the first is read");
                break;
            }
            parts.add(WhiteSpace.strip(rest.get(i)));
        }
        return String.join(" ", parts);
    }

    /** A cheap first look: is there a line starting with a marker right after (or one blank line after) the first? */
    private static boolean mayBeTerm(Paragraph paragraph, List<String> lines) {
        List<SourceSpan> spans = paragraph.getSourceSpans();
        if (spans.isEmpty()) {
            return false;
        }
        int first = spans.get(0).getLineIndex();
        return startsWithMarker(lines, first + 1) || (spans.size() == 1 && startsWithMarker(lines, first + 2));
    }

    private static boolean startsWithMarker(List<String> lines, int index) {
        if (index < 0 || index >= lines.size()) {
            return false;
        }
        String line = lines.get(index);
        int i = 0;
        while (i < line.length() && i < 2 && line.charAt(i) == ' ') {
            i++;
        }
        return i < line.length() && (line.charAt(i) == ':' || line.charAt(i) == '~');
    }

    /** The paragraph's lines as written, from where the paragraph's content starts on each. */
    private static List<String> sourceLines(Paragraph paragraph, List<String> lines) {
        List<String> own = new ArrayList<>();
        for (SourceSpan span : paragraph.getSourceSpans()) {
            int index = span.getLineIndex();
            if (index < 0 || index >= lines.size()) {
                continue;
            }
            String line = lines.get(index);
            int from = Math.min(span.getColumnIndex(), line.length());
            int to = Math.min(from + span.getLength(), line.length());
            own.add(line.substring(from, to));
        }
        return own;
    }
}
