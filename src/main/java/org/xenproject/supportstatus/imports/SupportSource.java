package org.xenproject.supportstatus.imports;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.xenproject.supportstatus.release.PointRelease;
import org.xenproject.supportstatus.store.Checkpoint;
import org.xenproject.supportstatus.store.FileRevision;
import org.xenproject.supportstatus.store.KnownBranch;

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

    /**
     * A quicker source of the branch tips' files alone, for when bringing this source up to date
     * would take long (a git source's first clone): a run serves every release's current file from
     * it first, then the history from this source. The caller closes it.
     */
    default Optional<SupportSource> tipsFirst() {
        return Optional.empty();
    }

    /**
     * The security fixes on the branches, read from their commits once {@link #refs()} brought the
     * source up to date; none from a source without commits. The caller closes it.
     */
    default Optional<FixSource> fixes() {
        return Optional.empty();
    }

    /** Where to report a long step's progress ("Receiving objects 45% (123456/274000)"). */
    default void reportProgressTo(Consumer<String> progress) {}

    @Override
    void close();

    /** A branch as the source shows it now. */
    record SourceBranch(String name, String tip) {}

    record SourceRefs(List<SourceBranch> branches, List<PointRelease> tags) {}

    sealed interface BranchRead {}

    /** The branch has no SUPPORT.md (releases before 4.10). */
    record NoSupportFile() implements BranchRead {}

    /**
     * The branch's SUPPORT.md.
     *
     * @param newRevisions  revisions not stored yet, oldest first; empty when nothing changed
     * @param currentCommit the commit whose file the branch tip holds; null when the source has no
     *                      commits (http: the last of {@code newRevisions} is current)
     * @param checkpoint    to remember once the branch is stored
     * @param leftOut       older revisions the source would not load (over the size limit), each
     *                      with its reason, for the run's record
     * @param provisional   the tip's file read without the branch's history, to be replaced when
     *                      the history is read
     */
    record SupportFile(
            List<FileRevision> newRevisions,
            String currentCommit,
            Checkpoint checkpoint,
            List<String> leftOut,
            boolean provisional)
            implements BranchRead {

        public SupportFile(List<FileRevision> newRevisions, String currentCommit, Checkpoint checkpoint) {
            this(newRevisions, currentCommit, checkpoint, List.of());
        }

        public SupportFile(
                List<FileRevision> newRevisions, String currentCommit, Checkpoint checkpoint, List<String> leftOut) {
            this(newRevisions, currentCommit, checkpoint, leftOut, false);
        }
    }

    /** A reason that fails one branch and leaves what is served for it as it was. */
    final class BranchFailure extends Exception {
        private static final long serialVersionUID = 1L;

        public BranchFailure(String message) {
            super(message);
        }

        public BranchFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
