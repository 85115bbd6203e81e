package org.xenproject.supportstatus.snapshot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One order for keys that several releases list, each in its own document order: the newest
 * release's order, with each key only older releases have placed right after the key it follows
 * there. So a feature dropped from master still shows where it stood.
 */
public final class MergedOrder {

    private final List<String> keys = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    /** Adds one release's keys; call for the newest release first. */
    public void add(List<String> releaseOrder) {
        int insertAt = 0;
        for (String key : releaseOrder) {
            if (seen.add(key)) {
                keys.add(insertAt, key);
                insertAt++;
            } else {
                insertAt = keys.indexOf(key) + 1;
            }
        }
    }

    public List<String> keys() {
        return List.copyOf(keys);
    }
}
