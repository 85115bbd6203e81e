package org.xenproject.supportstatus.imports;

import java.util.List;
import java.util.Map;
import org.xenproject.supportstatus.imports.SupportSource.BranchFailure;
import org.xenproject.supportstatus.imports.SupportSource.SourceBranch;
import org.xenproject.supportstatus.release.PointRelease;
import org.xenproject.supportstatus.store.FixCommit;
import org.xenproject.supportstatus.store.KnownFixes;

/**
 * The security fixes on a source's branches, read from its commits' messages (docs/advisories.md):
 * a git source has them ({@link GitFixes}), one without commits has none. One instance serves one
 * import run, which closes it.
 */
public interface FixSource extends AutoCloseable {

    /**
     * The fix commits {@code branch}'s tip reaches and the point release of each, reading only
     * what {@code known} does not hold: the commits since the tip it was read at, when the branch
     * grew from there; the whole branch otherwise.
     *
     * @param tags        the branch's release's point releases
     * @param tagsAsKnown whether {@code tags} are those {@code known} was read with, so that the
     *                    point releases of the commits it holds stand
     * @throws BranchFailure when the branch's commits cannot be read: its fixes alone fail
     */
    BranchFixes read(SourceBranch branch, List<PointRelease> tags, boolean tagsAsKnown, KnownFixes known)
            throws BranchFailure;

    @Override
    void close();

    /**
     * A branch's fixes as they are now.
     *
     * @param read        the fix commits among the commits read (those of {@code known} that the tip
     *                    still reaches are not read again)
     * @param reached     every fix commit the tip reaches, with the version of the earliest point
     *                    release that contains it ({@code 4.17.3}), or null while on the branch only
     * @param commitsRead commits whose message was read for this branch, each once a run
     */
    record BranchFixes(List<FixCommit> read, Map<String, String> reached, int commitsRead) {}
}
