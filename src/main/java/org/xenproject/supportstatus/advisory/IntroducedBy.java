package org.xenproject.supportstatus.advisory;

import java.util.Objects;

/**
 * A commit a {@code Fixes:} line names as the one that brought the bug in (docs/advisories.md).
 *
 * @param commit  the commit id as written, full or abbreviated, lower case
 * @param subject its subject as the line quotes it, without quotes and parentheses, or {@code null}
 */
public record IntroducedBy(String commit, String subject) {

    public IntroducedBy {
        Objects.requireNonNull(commit, "commit");
    }
}
