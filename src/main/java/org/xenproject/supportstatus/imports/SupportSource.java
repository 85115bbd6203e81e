package org.xenproject.supportstatus.imports;

import org.xenproject.supportstatus.release.PointRelease;
import org.xenproject.supportstatus.store.Checkpoint;
import org.xenproject.supportstatus.store.FileRevision;
import org.xenproject.supportstatus.store.KnownBranch;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Where SUPPORT.md comes from: a git repository ({@link GitSupportSource}) or a web server
 * ({@link HttpSupportSource}). One instance serves one import run.
 */
public interface SupportSource extends AutoCloseable {

    /** The file every branch carries. */
    String PATH = "SUPPORT.md";

    /** What the run records as its source, credentials hidden. */
    String describe();

    /**
     * Brings the source up to date (clone or fetch) and lists its branches and release tags.
     *
     * @throws IOException when the source cannot be reached at all: the whole run fails
     */
    SourceRefs refs() throws IOException;

    /**
     * What is new on one branch since {@code known}.
     *
     * @throws BranchFailure for a reason that fails this branch alone
     */
    BranchRead read(SourceBranch branch, KnownBranch known) throws BranchFailure;

    @Override
    void close();

    /** A branch as the source shows it now. */
    record SourceBranch(String name, String tip) {
    }


    record SourceRefs(List<SourceBranch> branches, List<PointRelease> tags) {
    }




    sealed interface BranchRead {
    }

    /** The branch has no SUPPORT.md (releases before 4.10). */
    record NoSupportFile() implements BranchRead {
    }

    /**
     * The branch's SUPPORT.md.
     *
     * @param newRevisions  revisions not stored yet, oldest first; empty when nothing changed
     * @param currentCommit the commit whose file the branch tip holds; null when the source has no
     *                      commits (http: the last of {@code newRevisions} is current)
     * @param checkpoint    to remember once the branch is stored
     * @param leftOut       older revisions the source would not load (over the size limit), each
     *                      with its reason, for the run's record
     */
    record SupportFile(List<FileRevision> newRevisions, String currentCommit, Checkpoint checkpoint,
            List<String> leftOut) implements BranchRead {

        public SupportFile(List<FileRevision> newRevisions, String currentCommit, Checkpoint checkpoint) {
            this(newRevisions, currentCommit, checkpoint, List.of());
        }
    }

    /** A reason that fails one branch and leaves what is served for it as it was. */
    final class BranchFailure extends Exception {
        public BranchFailure(String message) {
            super(message);
        }

        public BranchFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
