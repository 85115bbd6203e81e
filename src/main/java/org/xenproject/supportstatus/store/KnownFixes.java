package org.xenproject.supportstatus.store;

import java.util.Map;
import java.util.Set;

/**
 * What is stored of a branch's fixes: the tip and the release's tags (a digest) they were read
 * at, null when never, and the fix commits its release has.
 *
 * @param pointReleases of {@code commits}, those in a point release, each with its version
 *                      ({@code 4.17.3}); a commit on the branch only is not in it
 */
public record KnownFixes(String tip, String tags, Set<String> commits, Map<String, String> pointReleases) {

    public KnownFixes {
        commits = Set.copyOf(commits);
        pointReleases = Map.copyOf(pointReleases);
    }
}
