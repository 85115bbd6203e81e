package org.xenproject.supportstatus.supportmd;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the warnings of one reading. Capped, so that a pathological input (a million lines,
 * each irregular) yields a readable list and a bounded amount of storage rather than a flood.
 */
final class WarningLog {

    static final int MAX_WARNINGS = 500;

    private final List<ParseWarning> warnings = new ArrayList<>();
    private int dropped;

    void add(int line, String message) {
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(new ParseWarning(line, message));
        } else {
            dropped++;
        }
    }

    void addAll(List<ParseWarning> more) {
        for (ParseWarning warning : more) {
            add(warning.line(), warning.message());
        }
    }

    /** In line order (stable: warnings about one line keep the order they were found in). */
    List<ParseWarning> sorted() {
        List<ParseWarning> all = new ArrayList<>(warnings);
        all.sort(Comparator.comparingInt(ParseWarning::line));
        if (dropped > 0) {
            int last = all.isEmpty() ? 0 : all.get(all.size() - 1).line();
            all.add(new ParseWarning(last, dropped + " further warnings not listed"));
        }
        return all;
    }
}
