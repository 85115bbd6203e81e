package org.xenproject.supportstatus.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xenproject.supportstatus.testing.SupportFiles.supportMd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xenproject.supportstatus.store.ImportRun.Trigger;
import org.xenproject.supportstatus.store.KnownBranch;
import org.xenproject.supportstatus.testing.XenRepository;

/**
 * The git source's copy holds only what the service reads where the upstream allows it (commits,
 * top-level trees, the SUPPORT.md blobs), else all of it; either way every branch gets the
 * revisions {@code git log <branch> -- SUPPORT.md} shows, oldest first.
 */
class PartialCloneTest extends ImportTestSupport {

    /** What the upstream serves, as git hosts are set up. */
    enum Upstream {
        /** git's default: no filters. */
        FULL,
        /** Filters, but no object by id. */
        FILTERS_ONLY,
        /** Filters and any object by id, as a host serving partial clones is. */
        PARTIAL_CLONES,
        /**
         * The same, packed with reachability bitmaps, as such hosts keep their repositories: a
         * server that counts with them leaves out what the commits a client says it has reach.
         */
        PARTIAL_CLONES_WITH_BITMAPS
    }

    XenRepository repo;
    RevCommit add;
    RevCommit feature;
    RevCommit master;
    RevCommit merged;
    RevCommit masterAfterMerge;
    RevCommit side;
    RevCommit stableRelease;
    RevCommit stableTip;
    RevCommit unrelated;

    /**
     * master: SUPPORT.md added (add); a feature branch edits it (feature) while master does too
     * (master); they merge into a file of both (merged, which differs from either parent);
     * master edits it again (masterAfterMerge), stable-4.20 branches there and releases
     * (stableRelease); a side branch from the merge edits it (side) and merges into master
     * taking the side's file (so master's history follows the side alone, as git simplifies it:
     * masterAfterMerge is no longer master's); a merge changing nothing of SUPPORT.md and an
     * unrelated commit (unrelated) end master.
     */
    @BeforeEach
    void buildRepository() {
        repo = XenRepository.create(temp.resolve("xen"));
        add = repo.commitSupport("master", "Add SUPPORT.md", supportMd("4.20-unstable", "n/a", "n/a", "n/a"));
        repo.branch("feature", "master");
        feature = repo.commitSupport(
                "feature",
                "SUPPORT.md: vPMU",
                supportMd("4.20-unstable", "n/a", "n/a", "n/a", "Status, x86: Experimental"));
        master = repo.commitSupport(
                "master",
                "SUPPORT.md: Arm",
                supportMd("4.20-unstable", "n/a", "n/a", "n/a", "Status, Arm: Tech Preview"));
        merged = repo.merge(
                "master",
                "feature",
                "Merge branch 'feature'",
                supportMd(
                        "4.20-unstable",
                        "n/a",
                        "n/a",
                        "n/a",
                        "Status, x86: Experimental",
                        "Status, Arm: Tech Preview"));
        repo.branch("side", "master");
        masterAfterMerge = repo.commitSupport(
                "master",
                "SUPPORT.md: 4.20",
                supportMd("4.20", "n/a", "n/a", "n/a", "Status, x86: Experimental", "Status, Arm: Tech Preview"));
        repo.branch("stable-4.20", "master");
        stableRelease = repo.commitSupport(
                "stable-4.20",
                "Release 4.20.0",
                supportMd("4.20", "2025-03-05", "2026-09-05", "2028-03-05", "Status, x86: Experimental"));
        stableTip = repo.commit("stable-4.20", "x86: backport", "xen/arch/x86/traps.c", "int traps;\n");
        side = repo.commitSupport(
                "side", "SUPPORT.md: 4.21", supportMd("4.21-unstable", "n/a", "n/a", "n/a", "Status, x86: Supported"));
        repo.merge(
                "master",
                "side",
                "Merge branch 'side'",
                supportMd("4.21-unstable", "n/a", "n/a", "n/a", "Status, x86: Supported"));
        repo.branch("docs", "master");
        repo.commit("docs", "docs: a page", "docs/page.md", "page\n");
        repo.merge("master", "docs", "Merge branch 'docs'", null);
        unrelated = repo.commit("master", "xen: unrelated", "xen/common/unrelated.c", "int unrelated;\n");
    }

    @AfterEach
    void closeRepository() {
        repo.close();
    }

    @ParameterizedTest
    @EnumSource(Upstream.class)
    void everyBranchGetsWhatGitLogShowsOldestFirstWhateverTheUpstreamServes(Upstream upstream) throws IOException {
        serve(upstream);

        ImportRunView run = job(git(repo, true), "stable-*", "master").run(Trigger.ADMIN);

        assertThat(run.outcome()).isEqualTo("succeeded");
        // git log master -- SUPPORT.md: the last merge took the side's file, so master's history
        // follows the side and leaves masterAfterMerge out; the merge of both files is in, the
        // merges that changed nothing are not.
        assertThat(revisions())
                .isEqualTo(Map.of(
                        "unstable",
                        List.of(add.name(), feature.name(), master.name(), merged.name(), side.name()),
                        "4.20",
                        List.of(
                                add.name(),
                                feature.name(),
                                master.name(),
                                merged.name(),
                                masterAfterMerge.name(),
                                stableRelease.name())))
                .as("JGit's own walk of each branch on the upstream")
                .isEqualTo(Map.of("unstable", walk("master"), "4.20", walk("stable-4.20")));
        assertThat(currentCommit("unstable")).isEqualTo(side.name());
        assertThat(currentCommit("4.20")).isEqualTo(stableRelease.name());

        try (Repository cache = cache()) {
            if (upstream == Upstream.PARTIAL_CLONES || upstream == Upstream.PARTIAL_CLONES_WITH_BITMAPS) {
                assertThat(GitTransfer.filterOf(cache)).contains("tree:1");
                assertThat(cache.getObjectDatabase().has(blob(cache, unrelated, "xen/common/unrelated.c")))
                        .as("no file but SUPPORT.md is fetched")
                        .isFalse();
            } else {
                assertThat(GitTransfer.filterOf(cache))
                        .as("a server that refuses filters or objects by id is cloned in full")
                        .isEmpty();
                assertThat(cache.getObjectDatabase().has(blob(cache, unrelated, "xen/common/unrelated.c")))
                        .isTrue();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Upstream.class,
            names = {"PARTIAL_CLONES", "PARTIAL_CLONES_WITH_BITMAPS"})
    void laterImportsFetchWhatIsNewIntoTheFilteredCopyAndItsNewFilesById(Upstream upstream) throws IOException {
        serve(upstream);
        ImportJob job = job(git(repo, true), "stable-*", "master");
        job.run(Trigger.STARTUP);

        RevCommit extended = extendSecuritySupport();
        RevCommit later = repo.commit("master", "xen: later", "xen/common/later.c", "int later;\n");
        ImportRunView run = job.run(Trigger.SCHEDULE);

        assertThat(run.outcome()).isEqualTo("succeeded");
        assertThat(branch(run, "stable-4.20"))
                .extracting(ImportRunView.Branch::outcome, ImportRunView.Branch::revisionsImported)
                .containsExactly("imported", 1);
        assertThat(branch(run, "master").outcome()).isEqualTo("unchanged");
        assertThat(currentCommit("4.20")).isEqualTo(extended.name());
        try (Repository cache = cache()) {
            assertThat(GitTransfer.filterOf(cache)).contains("tree:1");
            assertThat(cache.resolve("refs/heads/master")).isEqualTo(later);
            assertThat(cache.getObjectDatabase().has(blob(cache, later, "xen/common/later.c")))
                    .isFalse();
        }
    }

    @Test
    void aServerThatStopsServingObjectsByIdFailsTheBranchOnceThenTheCopyIsClonedInFull() throws IOException {
        serve(Upstream.PARTIAL_CLONES);
        ImportJob job = job(git(repo, true), "stable-*", "master");
        job.run(Trigger.STARTUP);
        String served = currentCommit("4.20");
        long revisions = count("revision");
        repo.servePartialClones(false);
        RevCommit extended = extendSecuritySupport();
        // Then another: JGit's server, as it is set up here, still serves by id a blob of a tip's tree.
        RevCommit supported = repo.commitSupport(
                "stable-4.20",
                "SUPPORT.md: x86 supported",
                supportMd("4.20", "2025-03-05", "2026-09-05", "2029-03-05", "Status, x86: Supported"));

        ImportRunView refused = job.run(Trigger.SCHEDULE);

        assertThat(refused.outcome()).isEqualTo("partial");
        assertThat(branch(refused, "stable-4.20").outcome()).isEqualTo("failed");
        assertThat(branch(refused, "stable-4.20").detail())
                .startsWith("could not fetch SUPPORT.md of stable-4.20 from git " + repo.url())
                .endsWith("; the next import clones it anew");
        assertThat(branch(refused, "master").outcome()).isEqualTo("unchanged");
        assertThat(currentCommit("4.20")).as("what is served stays").isEqualTo(served);
        assertThat(count("revision")).isEqualTo(revisions);
        assertThat(cacheDirectory()).doesNotExist();

        ImportRunView next = job.run(Trigger.SCHEDULE);

        assertThat(next.outcome()).isEqualTo("succeeded");
        assertThat(branch(next, "stable-4.20").revisionsImported()).isEqualTo(2);
        assertThat(currentCommit("4.20")).isEqualTo(supported.name());
        assertThat(revisions().get("4.20")).endsWith(extended.name(), supported.name());
        assertThat(count("revision")).isEqualTo(revisions + 2);
        try (Repository cache = cache()) {
            assertThat(GitTransfer.filterOf(cache)).as("cloned in full").isEmpty();
            assertThat(cache.getObjectDatabase().has(blob(cache, unrelated, "xen/common/unrelated.c")))
                    .isTrue();
        }
    }

    @Test
    void aFilteredCopyWithTooManyPacksIsClonedAnewAndImportsGoOn() throws IOException {
        serve(Upstream.PARTIAL_CLONES);
        ImportJob job = job(git(repo, true), "stable-*", "master");
        job.run(Trigger.STARTUP);
        for (int i = 1; i <= 3; i++) {
            repo.commit("master", "xen: change " + i, "xen/common/change.c", "int change" + i + ";\n");
            assertThat(job.run(Trigger.SCHEDULE).outcome()).isEqualTo("succeeded");
        }
        assertThat(packs()).isEqualTo(5); // the clone, SUPPORT.md's blobs, three fetches
        try (Repository cache = cache()) {
            cache.getConfig().setInt("gc", null, "autoPackLimit", 4);
            cache.getConfig().save();
        }
        RevCommit extended = extendSecuritySupport();

        ImportRunView run = job.run(Trigger.SCHEDULE);

        assertThat(run.outcome()).isEqualTo("succeeded");
        assertThat(packs()).as("cloned anew: the clone and SUPPORT.md's blobs").isEqualTo(2);
        assertThat(branch(run, "stable-4.20").revisionsImported()).isEqualTo(1);
        assertThat(currentCommit("4.20")).isEqualTo(extended.name());
        assertThat(count("revision")).isEqualTo(12);
        try (Repository cache = cache()) {
            assertThat(GitTransfer.filterOf(cache)).contains("tree:1");
        }
    }

    @Test
    void theBranchTipsComeWithTheirSupportMdAloneToo() throws Exception {
        serve(Upstream.PARTIAL_CLONES);
        Path scratch = temp.resolve("tips");

        try (GitTipsSource tips =
                new GitTipsSource(repo.url(), scratch, 1024 * 1024, Duration.ofSeconds(30), p -> {})) {
            SupportSource.SourceBranch stable = tips.refs().branches().stream()
                    .filter(b -> b.name().equals("stable-4.20"))
                    .findFirst()
                    .orElseThrow();
            SupportSource.BranchRead read = tips.read(stable, new KnownBranch(null, Set.of(), false));

            assertThat(read)
                    .isInstanceOfSatisfying(
                            SupportSource.SupportFile.class,
                            file -> assertThat(new String(
                                            file.newRevisions().get(0).content(), StandardCharsets.UTF_8))
                                    .contains("2028-03-05"));
            try (Repository copy = new FileRepositoryBuilder()
                    .setGitDir(scratch.toFile())
                    .setMustExist(true)
                    .build()) {
                assertThat(copy.getObjectDatabase().has(blob(copy, stableTip, "xen/arch/x86/traps.c")))
                        .as("no file but SUPPORT.md at the tips")
                        .isFalse();
            }
        }
    }

    /** A new revision of SUPPORT.md on stable-4.20. */
    private RevCommit extendSecuritySupport() {
        return repo.commitSupport(
                "stable-4.20",
                "SUPPORT.md: extend security support",
                supportMd("4.20", "2025-03-05", "2026-09-05", "2029-03-05", "Status, x86: Experimental"));
    }

    private void serve(Upstream upstream) {
        switch (upstream) {
            case FULL -> {}
            case FILTERS_ONLY -> repo.servePartialClones(false);
            case PARTIAL_CLONES -> repo.servePartialClones(true);
            case PARTIAL_CLONES_WITH_BITMAPS -> {
                repo.servePartialClones(true);
                repo.packWithBitmaps();
            }
        }
    }

    /** Each release's revisions as stored, oldest first. */
    private Map<String, List<String>> revisions() {
        Map<String, List<String>> revisions = new LinkedHashMap<>();
        for (String version : jdbc.sql("select version from release order by major nulls first, minor")
                .query(String.class)
                .list()) {
            revisions.put(
                    version, jdbc.sql("""
                            select v.commit_id from revision v join release r on r.id = v.release_id
                            where r.version = ? order by v.id""").param(version).query(String.class).list());
        }
        return revisions;
    }

    /** {@code git log --topo-order --reverse <branch> -- SUPPORT.md}, as JGit walks it on the upstream itself. */
    private List<String> walk(String branch) throws IOException {
        try (Repository upstream = new FileRepositoryBuilder()
                        .setGitDir(repo.directory().resolve(".git").toFile())
                        .setMustExist(true)
                        .build();
                RevWalk walk = new RevWalk(upstream)) {
            walk.markStart(walk.parseCommit(upstream.resolve("refs/heads/" + branch)));
            walk.setTreeFilter(AndTreeFilter.create(PathFilter.create(SupportSource.PATH), TreeFilter.ANY_DIFF));
            walk.sort(RevSort.TOPO, true);
            walk.sort(RevSort.REVERSE, true);
            List<String> commits = new ArrayList<>();
            walk.forEach(c -> commits.add(c.name()));
            return commits;
        }
    }

    private Path cacheDirectory() {
        return temp.resolve("cache").resolve(GitSupportSource.cacheName(repo.url()));
    }

    private Repository cache() throws IOException {
        return new FileRepositoryBuilder()
                .setGitDir(cacheDirectory().toFile())
                .setMustExist(true)
                .build();
    }

    private long packs() throws IOException {
        try (Stream<Path> files = Files.list(cacheDirectory().resolve("objects/pack"))) {
            return files.filter(f -> f.toString().endsWith(".pack")).count();
        }
    }

    /** The blob of {@code path} at {@code commit}, read from the upstream. */
    private ObjectId blob(Repository cache, RevCommit commit, String path) throws IOException {
        try (Repository upstream = new FileRepositoryBuilder()
                        .setGitDir(repo.directory().resolve(".git").toFile())
                        .setMustExist(true)
                        .build();
                TreeWalk walk = TreeWalk.forPath(upstream, path, commit.getTree())) {
            assertThat(cache.getObjectDatabase().has(commit)).isTrue();
            return walk.getObjectId(0);
        }
    }
}
