package org.xenproject.supportstatus.store;

/**
 * A fix commit a release's branch reaches.
 *
 * @param pointRelease the earliest point release of the release that contains it ({@code 4.17.3}),
 *                     or null while it is on the branch only
 */
public record StoredFix(String release, FixCommit fix, String pointRelease) {}
