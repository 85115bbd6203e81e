package org.xenproject.supportstatus.supportmd;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * CommonMark's block structure, bent to what pandoc's markdown sees, since Xen's keys come from pandoc:
 * <ul>
 * <li>a title block ({@code % title} lines at the very start) is metadata, not text;</li>
 * <li>a line right after a paragraph line continues the paragraph even when it starts with
 *     {@code #}, {@code >}, a list marker or a rule (pandoc's {@code blank_before_header} and
 *     {@code blank_before_blockquote}, and its lists need a blank line before them), where CommonMark
 *     would start a new block. Such lines are escaped and the text parsed again.</li>
 * </ul>
 * Line numbers are kept: a dropped or escaped line stays a line.
 */
final class PandocMarkdown {

    /** Parsed document and the lines it was parsed from (title blanked, escapes added). */
    record Parsed(Node document, List<String> lines) {}

    // Deep nesting is cut off (further markers become text), which also bounds any recursion over the tree.
    private static final Parser PARSER = Parser.builder()
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .maxOpenBlockParsers(32)
            .maxInlineNesting(32)
            .build();

    /** Each pass escapes every interruption it finds; chains of them need one pass per link. */
    private static final int MAX_PASSES = 8;

    private PandocMarkdown() {}

    static Parsed parse(List<String> sourceLines, WarningLog log) {
        List<String> lines = new ArrayList<>(sourceLines);
        blankTitleBlock(lines);
        Set<Integer> escaped = new HashSet<>();
        Node document = PARSER.parse(String.join("\n", lines));
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            List<SourceSpan> interruptions = new ArrayList<>();
            collectInterruptions(document, interruptions);
            boolean changed = false;
            for (SourceSpan at : interruptions) {
                int index = at.getLineIndex();
                if (index < lines.size() && escaped.add(index)) {
                    String line = lines.get(index);
                    lines.set(index, escape(line, at.getColumnIndex()));
                    log.add(
                            index + 1,
                            "No blank line before '" + StatusBlock.abbreviated(line.strip())
                                    + "': pandoc reads it as part of the paragraph above, and so does this reader");
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
            document = PARSER.parse(String.join("\n", lines));
        }
        return new Parsed(document, List.copyOf(lines));
    }

    /** pandoc's title block: up to three {@code %} lines (with indented continuation lines) at the very start. */
    private static void blankTitleBlock(List<String> lines) {
        int percentLines = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("%") && percentLines < 3) {
                percentLines++;
            } else if (percentLines == 0 || line.isBlank() || !WhiteSpace.startsWithSpace(line)) {
                return;
            }
            lines.set(i, "");
        }
    }

    private static void collectInterruptions(Node parent, List<SourceSpan> into) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Paragraph paragraph) {
                SourceSpan at = interruptionAfter(paragraph);
                if (at != null) {
                    into.add(at);
                }
            } else {
                collectInterruptions(node, into);
            }
        }
    }

    /** Where the block that CommonMark started on the line after {@code paragraph} begins, if pandoc would not start one. */
    private static SourceSpan interruptionAfter(Paragraph paragraph) {
        List<SourceSpan> spans = paragraph.getSourceSpans();
        if (spans.isEmpty()) {
            return null;
        }
        int lastLine = spans.get(spans.size() - 1).getLineIndex();
        Node next = paragraph;
        while (next != null && next.getNext() == null) {
            next = next.getParent();
        }
        if (next == null) {
            return null;
        }
        next = next.getNext();
        boolean interrupts = next instanceof Heading
                || next instanceof BlockQuote
                || next instanceof ThematicBreak
                // inside a list, pandoc does let a list marker end the paragraph (a nested list)
                || ((next instanceof BulletList || next instanceof OrderedList) && !inList(paragraph));
        if (!interrupts || next.getSourceSpans().isEmpty()) {
            return null;
        }
        SourceSpan start = next.getSourceSpans().get(0);
        return start.getLineIndex() == lastLine + 1 ? start : null;
    }

    private static boolean inList(Node node) {
        for (Node up = node.getParent(); up != null; up = up.getParent()) {
            if (up instanceof ListItem) {
                return true;
            }
        }
        return false;
    }

    /** Backslash-escapes the block marker at {@code column} so that the line reads as text. */
    private static String escape(String line, int column) {
        int at = Math.min(Math.max(column, 0), line.length());
        while (at < line.length() && (line.charAt(at) == ' ' || line.charAt(at) == '\t')) {
            at++;
        }
        // "1. item": a backslash before a digit escapes nothing; it has to go before the delimiter
        int digits = at;
        while (digits < line.length() && Character.isDigit(line.charAt(digits))) {
            digits++;
        }
        if (digits > at && digits < line.length()) {
            at = digits;
        }
        return line.substring(0, at) + "\\" + line.substring(at);
    }
}
