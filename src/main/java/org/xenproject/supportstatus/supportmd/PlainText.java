package org.xenproject.supportstatus.supportmd;

import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * Markdown nodes as plain, readable text: what a person sees in the rendered page, without the markup.
 * Inline code and links become their text; raw HTML tags disappear (their text stays).
 * A paragraph's soft line breaks become one space: SUPPORT.md is written with one sentence or
 * clause per line ("semantic newlines"), so the line breaks carry no meaning of their own.
 */
final class PlainText {

    private PlainText() {}

    /** The text of a node's inline content, e.g. a heading's or a paragraph's. */
    static String inline(Node parent) {
        StringBuilder out = new StringBuilder();
        appendInline(parent, out, false);
        return out.toString().strip();
    }

    /**
     * The text pandoc's {@code stringify} gives for a heading, with pandoc's "smart" punctuation
     * (on by default in pandoc's markdown): {@code --} is an en dash, {@code ...} an ellipsis.
     * It matters for identifiers, which drop those characters where they would keep {@code -} and {@code .}.
     */
    static String pandocStringify(Node parent) {
        StringBuilder out = new StringBuilder();
        appendInline(parent, out, true);
        return out.toString();
    }

    /** A block as text, or an empty string when it shows no text (a thematic break, an HTML block). */
    static String block(Node block) {
        StringBuilder out = new StringBuilder();
        appendBlock(block, out, "");
        return out.toString().strip();
    }

    private static void appendInline(Node parent, StringBuilder out, boolean smart) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Text text) {
                out.append(smart ? smartPunctuation(text.getLiteral()) : text.getLiteral());
            } else if (node instanceof Code code) {
                out.append(code.getLiteral());
            } else if (node instanceof SoftLineBreak) {
                out.append(' ');
            } else if (node instanceof HardLineBreak) {
                out.append(smart ? " " : "\n");
            } else if (node instanceof HtmlInline) {
                // a tag: no text of its own
            } else {
                // emphasis, strong emphasis, links, images: their content
                appendInline(node, out, smart);
            }
        }
    }

    private static String smartPunctuation(String text) {
        if (text.indexOf("--") < 0 && text.indexOf("...") < 0) {
            return text;
        }
        return text.replace("---", "\u2014").replace("--", "\u2013").replace("...", "\u2026");
    }

    private static void appendBlock(Node block, StringBuilder out, String indent) {
        if (block instanceof Paragraph || block instanceof Heading) {
            out.append(inline(block).replace("\n", "\n" + indent));
        } else if (block instanceof IndentedCodeBlock code) {
            out.append(stripFinalNewline(code.getLiteral()).replace("\n", "\n" + indent));
        } else if (block instanceof FencedCodeBlock code) {
            out.append(stripFinalNewline(code.getLiteral()).replace("\n", "\n" + indent));
        } else if (block instanceof BulletList || block instanceof OrderedList) {
            int number = block instanceof OrderedList ordered && ordered.getMarkerStartNumber() != null
                    ? ordered.getMarkerStartNumber()
                    : 1;
            boolean first = true;
            for (Node item = block.getFirstChild(); item != null; item = item.getNext()) {
                if (!first) {
                    out.append('\n').append(indent);
                }
                first = false;
                String marker = block instanceof OrderedList ? (number++) + ". " : "* ";
                out.append(marker);
                appendChildren(item, out, indent + " ".repeat(marker.length()), "\n");
            }
        } else if (block instanceof BlockQuote || block instanceof ListItem) {
            appendChildren(block, out, indent, "\n\n");
        } else if (block instanceof HtmlBlock) {
            // raw HTML: pandoc keeps it out of the text too
        }
        // thematic breaks, link reference definitions: no text
    }

    private static void appendChildren(Node parent, StringBuilder out, String indent, String separator) {
        boolean first = true;
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            int before = out.length();
            if (!first) {
                out.append(separator.replace("\n", "\n" + indent));
            }
            int mark = out.length();
            appendBlock(child, out, indent);
            if (out.length() == mark) {
                out.setLength(before);
            } else {
                first = false;
            }
        }
    }

    private static String stripFinalNewline(String literal) {
        return literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
    }
}
