package org.xenproject.supportstatus.imports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.xenproject.supportstatus.digest.Sha256;
import org.xenproject.supportstatus.imports.FixSource.BranchFixes;
import org.xenproject.supportstatus.imports.SupportSource.BranchFailure;
import org.xenproject.supportstatus.imports.SupportSource.SourceBranch;
import org.xenproject.supportstatus.imports.SupportSource.SourceRefs;
import org.xenproject.supportstatus.release.PointRelease;
import org.xenproject.supportstatus.release.ReleaseBranch;
import org.xenproject.supportstatus.store.BranchResult;
import org.xenproject.supportstatus.store.FixCommit;
import org.xenproject.supportstatus.store.KnownFixes;
import org.xenproject.supportstatus.store.SecurityFixes;

/**
 * Imports the security fixes of every branch a run imported (docs/architecture.md, "Security
 * fixes"), one branch at a time, each stored in its own transaction as soon as it is read. A branch
 * whose tip and release tags are those its fixes were last read at costs nothing: nothing is read
 * and nothing written. A branch whose fixes cannot be read fails its fixes alone.
 */
@Component
public class FixImporter {

    private static final Logger log = LoggerFactory.getLogger(FixImporter.class);

    /** At most this many of a branch's warnings go in the run's record, then how many more there were. */
    static final int MAX_WARNINGS = 100;

    private final SecurityFixes store;

    public FixImporter(SecurityFixes store) {
        this.store = store;
    }

    /** Hears the branches' fixes as soon as they are stored. */
    interface Listener {
        /**
         * The branches whose fixes need no reading, all at once: their results as they were when
         * their release is not stored (then neither are its fixes), with no fix imported and no
         * commit read when their tip and tags are as at the last read.
         *
         * @param toRead how many branches are to be read after these
         */
        void settled(List<BranchResult> results, int toRead);

        /**
         * @param result  the branch's result of the run with what became of its fixes
         * @param changed whether anything served changed
         */
        void branchDone(BranchResult result, boolean changed);
    }

    /**
     * @param branches the run's results of the branches it imported, in order: the fixes of the
     *                 first branch of each release are read, as the release's file was
     */
    void importAll(FixSource source, SourceRefs refs, List<BranchResult> branches, Listener listener) {
        Map<String, SourceBranch> byName = refs.branches().stream()
                .collect(Collectors.toMap(SourceBranch::name, Function.identity(), (a, b) -> a));
        Map<String, SecurityFixes.ReadAt> readAt = store.readAt();
        Set<String> releases = new HashSet<>();
        List<BranchResult> settled = new ArrayList<>();
        List<BranchResult> reading = new ArrayList<>();
        for (BranchResult result : branches) {
            SourceBranch branch = byName.get(result.branch());
            Optional<ReleaseBranch> release = ReleaseBranch.of(result.branch());
            if (branch == null
                    || release.isEmpty()
                    || !releases.add(release.get().version())) {
                continue;
            }
            SecurityFixes.ReadAt at = readAt.get(release.get().version());
            if (at == null) {
                settled.add(result); // not stored: no fixes to read
            } else if (branch.tip().equals(at.tip())
                    && digest(tagsOf(release.get(), refs)).equals(at.tags())) {
                settled.add(result.withFixes(0, 0, List.of()));
            } else {
                reading.add(result);
            }
        }
        listener.settled(settled, reading.size());
        for (BranchResult result : reading) {
            ReleaseBranch release = ReleaseBranch.of(result.branch()).orElseThrow();
            importBranch(source, byName.get(result.branch()), release, tagsOf(release, refs), result, listener);
        }
    }

    private static List<PointRelease> tagsOf(ReleaseBranch release, SourceRefs refs) {
        return refs.tags().stream()
                .filter(t -> t.release().equals(release.release()))
                .toList();
    }

    private void importBranch(
            FixSource source,
            SourceBranch branch,
            ReleaseBranch release,
            List<PointRelease> tags,
            BranchResult result,
            Listener listener) {
        try {
            Optional<KnownFixes> known = store.known(release);
            if (known.isEmpty()) {
                // Its release went since the run looked.
                listener.branchDone(result, false);
                return;
            }
            String tagsDigest = digest(tags);
            BranchFixes fixes =
                    source.read(branch, tags, tagsDigest.equals(known.get().tags()), known.get());
            Set<String> stored = new HashSet<>(store.storedCommits(
                    fixes.read().stream().map(FixCommit::commit).toList()));
            List<FixCommit> fresh = fixes.read().stream()
                    .filter(f -> !stored.contains(f.commit()))
                    .toList();
            boolean changed = store.store(release, branch.tip(), tagsDigest, fresh, fixes.reached());
            List<String> warnings = warnings(fresh);
            log.info(
                    "{}: {} fix commit(s) on the branch, {} new, {} warning(s); read {} commit message(s){}",
                    branch.name(),
                    fixes.reached().size(),
                    fresh.size(),
                    warnings.size(),
                    fixes.commitsRead(),
                    changed ? "" : "; nothing served changed");
            listener.branchDone(result.withFixes(fresh.size(), fixes.commitsRead(), warnings), changed);
        } catch (BranchFailure e) {
            log.warn("{}: security fixes not read, what is stored for them stays: {}", branch.name(), e.getMessage());
            listener.branchDone(result.withFixesFailed(e.getMessage()), false);
        } catch (RuntimeException | StackOverflowError e) {
            // A bug met on one branch, or the database gone, must not stop the others.
            log.error("{}: security fixes not read", branch.name(), e);
            listener.branchDone(result.withFixesFailed("unexpected error: " + e), false);
        }
    }

    /** The release's tags as they stand: a tag added, moved or removed changes it. */
    static String digest(List<PointRelease> tags) {
        StringBuilder text = new StringBuilder();
        tags.stream().map(t -> t.tag() + " " + t.commitId() + "\n").sorted().forEach(text::append);
        return Sha256.hex(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Each new fix commit's warnings, named by its commit. */
    private static List<String> warnings(List<FixCommit> fresh) {
        List<String> all = new ArrayList<>();
        for (FixCommit fix : fresh) {
            for (String warning : fix.warnings()) {
                all.add(fix.commit().substring(0, 12) + ": " + warning);
            }
        }
        if (all.size() <= MAX_WARNINGS) {
            return all;
        }
        List<String> listed = new ArrayList<>(all.subList(0, MAX_WARNINGS));
        listed.add((all.size() - MAX_WARNINGS) + " further warnings not listed");
        return listed;
    }
}
