package org.xenproject.supportstatus.imports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.xenproject.supportstatus.digest.Sha256;
import org.xenproject.supportstatus.imports.SupportSource.BranchFailure;
import org.xenproject.supportstatus.imports.SupportSource.BranchRead;
import org.xenproject.supportstatus.imports.SupportSource.NoSupportFile;
import org.xenproject.supportstatus.imports.SupportSource.SourceBranch;
import org.xenproject.supportstatus.imports.SupportSource.SourceRefs;
import org.xenproject.supportstatus.imports.SupportSource.SupportFile;
import org.xenproject.supportstatus.release.ReleaseBranch;
import org.xenproject.supportstatus.store.BranchResult;
import org.xenproject.supportstatus.store.FileRevision;
import org.xenproject.supportstatus.store.KnownBranch;
import org.xenproject.supportstatus.store.RevisionStore;
import org.xenproject.supportstatus.store.RevisionStore.ParsedRevision;
import org.xenproject.supportstatus.store.RevisionStore.Stored;
import org.xenproject.supportstatus.supportmd.SupportDocument;
import org.xenproject.supportstatus.supportmd.SupportMdReader;
import org.xenproject.supportstatus.supportmd.SupportMdRejected;

/**
 * Imports every selected branch of a source, each on its own: a branch that fails leaves what is
 * served for it as it was and does not stop the others.
 */
@Component
public class Importer {

    private static final Logger log = LoggerFactory.getLogger(Importer.class);

    private final SupportMdReader reader;
    private final RevisionStore store;
    private final ImportMetrics metrics;

    public Importer(SupportMdReader reader, RevisionStore store, ImportMetrics metrics) {
        this.reader = reader;
        this.store = store;
        this.metrics = metrics;
    }

    /** Hears an import as it goes on. */
    public interface Listener {
        /** The source is up to date, with {@code branches} branches to read. */
        default void fetched(int branches) {}

        /** A branch's result, as soon as it is known. */
        void branchDone(BranchResult result);
    }

    /**
     * @return the branches and tags the source showed
     * @throws IOException when the source cannot be reached at all
     */
    public SourceRefs importAll(SupportSource source, BranchPatterns patterns, Listener listener) throws IOException {
        return importAll(source, patterns, listener, false);
    }

    /**
     * Stores the current file of each release not served yet, from a source of branch tips (see
     * {@link SupportSource#tipsFirst()}); releases served already are left for the full import.
     *
     * @throws IOException when the source cannot be reached at all
     */
    public void importTips(SupportSource tips, BranchPatterns patterns, Listener listener) throws IOException {
        importAll(tips, patterns, listener, true);
    }

    private SourceRefs importAll(SupportSource source, BranchPatterns patterns, Listener listener, boolean onlyUnserved)
            throws IOException {
        SourceRefs refs = source.refs();
        if (store.storeTags(refs.tags())) {
            log.info(
                    "Recorded new or moved RELEASE tags ({} in the source)",
                    refs.tags().size());
        }
        // One branch per release: the first by name wins (master before staging).
        Map<String, String> branchOfRelease = new HashMap<>();
        List<SourceBranch> selected = refs.branches().stream()
                .filter(b -> patterns.matches(b.name()))
                .sorted(Comparator.comparing(SourceBranch::name))
                .toList();
        listener.fetched(selected.size());
        for (SourceBranch branch : selected) {
            BranchResult result = importBranch(source, branch, branchOfRelease, onlyUnserved);
            if (!onlyUnserved) {
                metrics.branchDone(
                        result,
                        result.outcome() == BranchResult.Outcome.FAILED || result.releaseVersion() == null
                                ? Optional.empty()
                                : store.currentWarnings(result.releaseVersion()));
            }
            listener.branchDone(result);
        }
        return refs;
    }

    private BranchResult importBranch(
            SupportSource source, SourceBranch branch, Map<String, String> branchOfRelease, boolean onlyUnserved) {
        Optional<ReleaseBranch> maybeRelease = ReleaseBranch.of(branch.name());
        if (maybeRelease.isEmpty()) {
            return new BranchResult(
                    branch.name(),
                    null,
                    BranchResult.Outcome.SKIPPED,
                    0,
                    "not a release branch (stable-X.Y, master or staging)");
        }
        ReleaseBranch release = maybeRelease.get();
        String other = branchOfRelease.putIfAbsent(release.version(), branch.name());
        if (other != null) {
            return new BranchResult(
                    branch.name(),
                    release.version(),
                    BranchResult.Outcome.SKIPPED,
                    0,
                    "release " + release.version() + " comes from branch " + other);
        }
        try {
            KnownBranch known = store.known(release);
            if (onlyUnserved && known.hasData()) {
                return new BranchResult(
                        branch.name(), release.version(), BranchResult.Outcome.SKIPPED, 0, "served already");
            }
            BranchRead read = source.read(branch, known);
            if (read instanceof NoSupportFile) {
                if (known.hasData()) {
                    throw new BranchFailure(SupportSource.PATH + " is no longer on the branch; "
                            + "still serving what was imported before");
                }
                log.debug("{} has no {}: skipped", branch.name(), SupportSource.PATH);
                return new BranchResult(
                        branch.name(), release.version(), BranchResult.Outcome.SKIPPED, 0, "no " + SupportSource.PATH);
            }
            SupportFile file = (SupportFile) read;
            if (file.newRevisions().isEmpty()
                    && file.currentCommit() == null
                    && file.checkpoint().equals(known.checkpoint())) {
                return new BranchResult(branch.name(), release.version(), BranchResult.Outcome.UNCHANGED, 0, null);
            }
            List<String> leftOut = new ArrayList<>(file.leftOut());
            List<ParsedRevision> parsed = parse(release, file, known, leftOut);
            Stored stored = store.store(release, parsed, file.currentCommit(), file.checkpoint(), file.provisional());
            String detail = leftOut.isEmpty()
                    ? null
                    : "left out " + leftOut.size() + " older revision(s) that cannot be read: "
                            + String.join("; ", leftOut);
            if (!stored.changedAnything()) {
                return new BranchResult(branch.name(), release.version(), BranchResult.Outcome.UNCHANGED, 0, detail);
            }
            log.info(
                    "{}: imported {} revision(s) of {} into release {}",
                    branch.name(),
                    stored.revisionsStored(),
                    SupportSource.PATH,
                    release.version());
            return new BranchResult(
                    branch.name(), release.version(), BranchResult.Outcome.IMPORTED, stored.revisionsStored(), detail);
        } catch (BranchFailure e) {
            log.warn("{}: import failed, what is served for it stays as it was: {}", branch.name(), e.getMessage());
            return new BranchResult(branch.name(), release.version(), BranchResult.Outcome.FAILED, 0, e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            // A bug met on one branch must not stop the others.
            log.error("{}: import failed unexpectedly", branch.name(), e);
            return new BranchResult(
                    branch.name(), release.version(), BranchResult.Outcome.FAILED, 0, "unexpected error: " + e);
        }
    }

    /**
     * Reads each new revision, once per distinct content. A file the reader rejects (empty, too large,
     * not UTF-8) fails the branch when it is the branch's current file; an older one is left out.
     */
    private List<ParsedRevision> parse(ReleaseBranch release, SupportFile file, KnownBranch known, List<String> leftOut)
            throws BranchFailure {
        List<FileRevision> revisions = file.newRevisions();
        // Without history a revision is only worth storing when its content differs from what is served.
        String servedSha = !file.checkpoint().withHistory() && known.hasData()
                ? store.currentSha256(release.version()).orElse(null)
                : null;
        Set<String> readable = new HashSet<>();
        Map<String, String> rejected = new HashMap<>();
        List<ParsedRevision> parsed = new ArrayList<>();
        for (int i = 0; i < revisions.size(); i++) {
            FileRevision revision = revisions.get(i);
            boolean current = file.currentCommit() == null
                    ? i == revisions.size() - 1
                    : file.currentCommit().equals(revision.commitId());
            String sha = Sha256.hex(revision.content());
            if (sha.equals(servedSha)) {
                continue;
            }
            SupportDocument document = null;
            if (!readable.contains(sha) && !rejected.containsKey(sha) && !store.hasSupportFile(sha)) {
                try {
                    document = reader.read(revision.content());
                } catch (SupportMdRejected e) {
                    rejected.put(sha, e.getMessage());
                }
            }
            if (rejected.containsKey(sha)) {
                String where = revision.commitId() == null
                        ? SupportSource.PATH
                        : SupportSource.PATH + " at " + revision.commitId();
                if (current) {
                    throw new BranchFailure(where + " cannot be read: " + rejected.get(sha));
                }
                leftOut.add(revision.commitId() + " (" + rejected.get(sha) + ")");
                continue;
            }
            readable.add(sha);
            parsed.add(new ParsedRevision(revision, sha, document));
        }
        return parsed;
    }
}
