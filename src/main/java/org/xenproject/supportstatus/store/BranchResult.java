package org.xenproject.supportstatus.store;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;

/**
 * What one import run did with one branch.
 *
 * @param releaseVersion     the release the branch carries, null when it carries none
 * @param revisionsImported  revisions stored in this run
 * @param detail             why it failed or was skipped, or what was left out
 */
@Embeddable
public record BranchResult(
        @Column(nullable = false) String branch,
        @Column(name = "release_version") String releaseVersion,

        @Convert(converter = Ids.BranchOutcomeColumn.class) @Column(nullable = false)
        Outcome outcome,

        @Column(name = "revisions_imported", nullable = false)
        int revisionsImported,

        String detail) {

    public enum Outcome {
        /** new revisions stored, or the served revision moved */
        IMPORTED,
        UNCHANGED,
        /** not a release branch, or no SUPPORT.md (releases before 4.10) */
        SKIPPED,
        /** what is served for the branch stays as it was */
        FAILED
    }
}
