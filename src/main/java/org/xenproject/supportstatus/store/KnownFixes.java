package org.xenproject.supportstatus.store;

import java.util.Set;

/**
 * What is stored of a branch's fixes: the tip and the release's tags (a digest) they were read
 * at, null when never, and the fix commits its release has.
 */
public record KnownFixes(String tip, String tags, Set<String> commits) {

    public KnownFixes {
        commits = Set.copyOf(commits);
    }
}
