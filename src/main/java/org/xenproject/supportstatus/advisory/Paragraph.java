package org.xenproject.supportstatus.advisory;

import java.util.Arrays;

/**
 * Consecutive prose lines of a message joined into one text, so that a sentence wrapped onto the
 * next line reads as one. Each line is stripped of its indentation and of a list marker
 * ({@code -}, {@code *}, {@code 2.}), and lines are joined by one space.
 */
final class Paragraph {

    private final String text;
    /** Offset in {@link #text} where each line's content starts, ascending. */
    private final int[] lineStarts;
    /** The 1-based message line of each entry of {@link #lineStarts}. */
    private final int[] lineNumbers;

    private Paragraph(String text, int[] lineStarts, int[] lineNumbers) {
        this.text = text;
        this.lineStarts = lineStarts;
        this.lineNumbers = lineNumbers;
    }

    static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private int[] starts = new int[4];
        private int[] numbers = new int[4];
        private int count;

        void add(int lineNumber, String line) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                numbers = Arrays.copyOf(numbers, count * 2);
            }
            if (count > 0) {
                text.append(' ');
            }
            starts[count] = text.length();
            numbers[count] = lineNumber;
            count++;
            text.append(withoutListMarker(line.strip()));
        }

        boolean isEmpty() {
            return count == 0;
        }

        Paragraph build() {
            return new Paragraph(text.toString(), Arrays.copyOf(starts, count), Arrays.copyOf(numbers, count));
        }
    }

    private static String withoutListMarker(String line) {
        int i = 0;
        if (i < line.length() && (line.charAt(i) == '-' || line.charAt(i) == '*' || line.charAt(i) == '+')) {
            i++;
        } else {
            while (i < line.length() && i < 3 && Character.isDigit(line.charAt(i))) {
                i++;
            }
            if (i == 0 || i == line.length() || (line.charAt(i) != '.' && line.charAt(i) != ')')) {
                return line;
            }
            i++;
        }
        if (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            return line.substring(i).stripLeading();
        }
        return line;
    }

    String text() {
        return text;
    }

    /** The 1-based message line that holds {@code offset}. */
    int lineOf(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        int index = found >= 0 ? found : -found - 2;
        return lineNumbers[Math.max(index, 0)];
    }

    /** Whether a line's content starts exactly at {@code offset}. */
    boolean startsLine(int offset) {
        return Arrays.binarySearch(lineStarts, offset) >= 0;
    }
}
