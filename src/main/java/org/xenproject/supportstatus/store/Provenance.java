package org.xenproject.supportstatus.store;

import java.time.Instant;

/**
 * Where the served SUPPORT.md of a release came from.
 *
 * @param commit      the last commit on the branch that changed SUPPORT.md; null for the http source
 * @param committedAt that commit's committer time
 * @param sha256      of the file's bytes
 * @param importedAt  when the service stored it
 * @param branchTip   http source only: the branch's commit when the file was fetched
 */
public record Provenance(String commit, Instant committedAt, String sha256, Instant importedAt, String branchTip) {}
