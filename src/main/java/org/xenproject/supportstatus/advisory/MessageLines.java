package org.xenproject.supportstatus.advisory;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A commit message as lines: CRLF and lone CR read as line ends. Knows which lines are trailers
 * (docs/advisories.md, "Where the reader looks").
 */
final class MessageLines {

    private static final Pattern LINE_END = Pattern.compile("\r\n|\r|\n");

    /**
     * A trailer starts at the line's first column: a hyphenated key ({@code Signed-off-by:}), one of
     * the single-word keys xen.git uses, the stable branches' {@code master commit:} and
     * {@code master date:}, or git's cherry-pick note.
     */
    private static final Pattern TRAILER = Pattern.compile("(?:[A-Za-z]+(?:-[A-Za-z]+)+"
            + "|(?i:fixes|backport|link|cc|bug|closes)|master commit|master date):"
            + "|\\(cherry picked from commit");

    private final List<String> lines;

    private MessageLines(List<String> lines) {
        this.lines = lines;
    }

    static MessageLines of(String message) {
        return new MessageLines(List.of(LINE_END.split(message, -1)));
    }

    int size() {
        return lines.size();
    }

    /** The line at a 0-based index, as written. */
    String line(int index) {
        return lines.get(index);
    }

    static boolean isBlank(String line) {
        return line.isBlank();
    }

    static boolean isTrailer(String line) {
        // Most lines are prose: the test of the first character and the colon spares them the pattern.
        if (line.isEmpty() || !(Character.isLetter(line.charAt(0)) && line.indexOf(':') > 0 || line.charAt(0) == '(')) {
            return false;
        }
        return TRAILER.matcher(line).lookingAt();
    }
}
