package org.xenproject.supportstatus.store;

import java.util.Set;

/**
 * What the store holds for a branch, so that a source can skip work it has done before.
 *
 * @param checkpoint    what the source said at the branch's last clean import, or null
 * @param storedCommits the commits whose file is stored for the branch's release
 * @param hasData       whether the release is served now
 */
public record KnownBranch(Checkpoint checkpoint, Set<String> storedCommits, boolean hasData) {}
