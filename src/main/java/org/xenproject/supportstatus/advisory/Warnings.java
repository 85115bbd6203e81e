package org.xenproject.supportstatus.advisory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The warnings of one reading, each tied to its 1-based line. Capped, so that a message of a
 * million odd lines yields a readable list rather than a flood.
 */
final class Warnings {

    static final int MAX = 100;

    private record Warning(int line, String text) {}

    private final List<Warning> warnings = new ArrayList<>();
    private int dropped;

    void add(int line, String text) {
        if (warnings.size() < MAX) {
            warnings.add(new Warning(line, text));
        } else {
            dropped++;
        }
    }

    /** In line order; warnings about one line keep the order they were found in. */
    List<String> inLineOrder() {
        List<Warning> sorted = new ArrayList<>(warnings);
        sorted.sort(Comparator.comparingInt(Warning::line));
        List<String> texts = new ArrayList<>(sorted.size() + 1);
        for (Warning warning : sorted) {
            texts.add("line " + warning.line() + ": " + warning.text());
        }
        if (dropped > 0) {
            texts.add(dropped + " further warnings not listed");
        }
        return texts;
    }

    /** Upstream text quoted in a warning, cut short so that a warning stays one readable line. */
    static String quote(String text) {
        String oneLine = text.strip();
        return "\"" + (oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...") + "\"";
    }
}
