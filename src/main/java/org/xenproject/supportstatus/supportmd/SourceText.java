package org.xenproject.supportstatus.supportmd;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes of a SUPPORT.md turned into lines of text, or refused.
 * Only three things refuse a file: nothing in it, too much of it, or bytes that are not UTF-8.
 * Everything else that is odd about the bytes (BOM, CRLF, trailing white space) is a warning; a NUL byte marks a binary file, which is rejected.
 *
 * @param lines the lines, line ends removed; index 0 is line 1
 */
record SourceText(List<String> lines, List<ParseWarning> warnings) {

    private static final char BOM = '\uFEFF';
    /** Individual trailing-white-space warnings past this many are summed up in one. */
    private static final int TRAILING_SPACE_DETAIL = 20;

    SourceText {
        lines = List.copyOf(lines);
        warnings = List.copyOf(warnings);
    }

    static SourceText decode(byte[] content, int maxBytes) throws SupportMdRejected {
        if (content == null || content.length == 0) {
            throw new SupportMdRejected(SupportMdRejected.Reason.EMPTY, "The file is empty (0 bytes)");
        }
        if (content.length > maxBytes) {
            throw new SupportMdRejected(
                    SupportMdRejected.Reason.TOO_LARGE,
                    "The file has " + content.length + " bytes, more than the limit of " + maxBytes);
        }
        rejectBinary(content);
        String text = utf8(content);
        List<ParseWarning> warnings = new ArrayList<>();
        if (text.charAt(0) == BOM) {
            text = text.substring(1);
            warnings.add(new ParseWarning(1, "Byte order mark (BOM) at the start of the file, ignored"));
        }
        if (text.isBlank()) {
            throw new SupportMdRejected(
                    SupportMdRejected.Reason.EMPTY,
                    "The file holds nothing but white space (" + content.length + " bytes)");
        }
        List<String> lines = splitLines(text, warnings);
        noteTrailingWhiteSpace(lines, warnings);
        return new SourceText(lines, warnings);
    }

    private static String utf8(byte[] content) throws SupportMdRejected {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(content.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            throw new SupportMdRejected(
                    SupportMdRejected.Reason.NOT_UTF8,
                    String.format(
                            "The file is not UTF-8: invalid byte 0x%02X at byte offset %d (line %d)",
                            content[offset] & 0xFF, offset, lineOf(content, offset)));
        }
        out.flip();
        return out.toString();
    }

    private static int lineOf(byte[] content, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (content[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Splits on LF, CRLF and lone CR, as CommonMark does; one warning per kind of foreign line end. */
    private static List<String> splitLines(String text, List<ParseWarning> warnings) {
        if (text.indexOf('\r') < 0) {
            return splitOnLf(text);
        }
        List<String> lines = new ArrayList<>();
        int crlf = 0;
        int firstCrlf = 0;
        int cr = 0;
        int firstCr = 0;
        int start = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r') {
                    if (i + 1 < length && text.charAt(i + 1) == '\n') {
                        i++;
                        if (crlf++ == 0) {
                            firstCrlf = lines.size();
                        }
                    } else if (cr++ == 0) {
                        firstCr = lines.size();
                    }
                }
                start = i + 1;
            }
        }
        // A final line end does not open another line.
        if (start < length) {
            lines.add(text.substring(start));
        }
        if (crlf > 0) {
            warnings.add(new ParseWarning(firstCrlf, "CRLF line ends (" + crlf + " lines), read as LF"));
        }
        if (cr > 0) {
            warnings.add(new ParseWarning(firstCr, "Bare CR line ends (" + cr + " lines), read as LF"));
        }
        return lines;
    }

    /** The usual case, and the fast one: LF only. */
    private static List<String> splitOnLf(String text) {
        List<String> lines = new ArrayList<>(text.length() / 32 + 1);
        int start = 0;
        for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
            lines.add(text.substring(start, end));
            start = end + 1;
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    private static void noteTrailingWhiteSpace(List<String> lines, List<ParseWarning> warnings) {
        int count = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isEmpty() && Character.isWhitespace(line.charAt(line.length() - 1))) {
                if (++count <= TRAILING_SPACE_DETAIL) {
                    warnings.add(new ParseWarning(
                            i + 1,
                            line.isBlank() ? "Line of nothing but white space" : "Trailing white space, ignored"));
                }
            }
        }
        if (count > TRAILING_SPACE_DETAIL) {
            warnings.add(new ParseWarning(
                    lines.size(), "Trailing white space on " + (count - TRAILING_SPACE_DETAIL) + " further lines"));
        }
    }

    /** Text never holds a NUL byte; git takes one as the mark of a binary file, and so do we. */
    private static void rejectBinary(byte[] content) throws SupportMdRejected {
        for (int i = 0; i < content.length; i++) {
            if (content[i] == 0) {
                throw new SupportMdRejected(
                        SupportMdRejected.Reason.BINARY, "The file is binary, not text: a NUL byte at offset " + i);
            }
        }
    }
}
