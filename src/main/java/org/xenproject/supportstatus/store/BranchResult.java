package org.xenproject.supportstatus.store;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What one import run did with one branch.
 *
 * @param releaseVersion     the release the branch carries, null when it carries none
 * @param revisionsImported  revisions stored in this run
 * @param detail             why it failed or was skipped, or what was left out
 * @param fixesImported      fix commits the run stored for the branch, new to the service; null
 *                           when its fixes were not read (no release stored, a source without
 *                           commits, or they could not be read)
 * @param fixCommitsRead     commits whose message the run read for the branch, each once a run
 *                           (a commit several branches reach counts on the first); null as above
 * @param fixWarnings        the reader's warnings on the messages of {@code fixesImported}
 * @param fixesFailure       why the branch's fixes could not be read; what was stored stays
 */
@Embeddable
public record BranchResult(
        @Column(nullable = false) String branch,
        @Column(name = "release_version") String releaseVersion,

        @Convert(converter = Ids.BranchOutcomeColumn.class) @Column(nullable = false)
        Outcome outcome,

        @Column(name = "revisions_imported", nullable = false)
        int revisionsImported,

        String detail,
        @Column(name = "fixes_imported") Integer fixesImported,
        @Column(name = "fix_commits_read") Integer fixCommitsRead,

        @JdbcTypeCode(SqlTypes.ARRAY) @Column(name = "fix_warnings")
        List<String> fixWarnings,

        @Column(name = "fixes_failure") String fixesFailure) {

    public BranchResult(String branch, String releaseVersion, Outcome outcome, int revisionsImported, String detail) {
        this(branch, releaseVersion, outcome, revisionsImported, detail, null, null, null, null);
    }

    /** This result with what the run did with the branch's security fixes. */
    public BranchResult withFixes(int imported, int commitsRead, List<String> warnings) {
        return new BranchResult(
                branch, releaseVersion, outcome, revisionsImported, detail, imported, commitsRead, warnings, null);
    }

    /** This result with why the branch's security fixes could not be read. */
    public BranchResult withFixesFailed(String failure) {
        return new BranchResult(branch, releaseVersion, outcome, revisionsImported, detail, null, null, null, failure);
    }

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
