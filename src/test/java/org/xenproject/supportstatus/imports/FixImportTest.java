package org.xenproject.supportstatus.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.xenproject.supportstatus.testing.SupportFiles.supportMd;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xenproject.supportstatus.advisory.AdvisoryMention;
import org.xenproject.supportstatus.imports.SupportSource.BranchFailure;
import org.xenproject.supportstatus.imports.SupportSource.SourceBranch;
import org.xenproject.supportstatus.release.PointRelease;
import org.xenproject.supportstatus.store.FixCommit;
import org.xenproject.supportstatus.store.ImportRun.Trigger;
import org.xenproject.supportstatus.store.KnownFixes;
import org.xenproject.supportstatus.store.SecurityFixes;
import org.xenproject.supportstatus.store.StoredFix;
import org.xenproject.supportstatus.testing.XenRepository;

/**
 * Each branch's security fixes (docs/advisories.md) as an import reads and stores them from a git
 * repository built here: fixes on master before and after stable-4.19 branches off, backports
 * naming master's commit in full ("cherry picked from commit") and abbreviated ("master commit:"),
 * {@code Fixes:} lines naming a commit of the repository and one of no repository, a series each
 * "part of" one advisory, an odd spelling, a message that only mentions an advisory, and RELEASE
 * tags before and after a fix.
 */
class FixImportTest extends ImportTestSupport {

    @Autowired
    SecurityFixes securityFixes;

    XenRepository repo;
    RevCommit bug;
    RevCommit xsa500;
    RevCommit part1;
    RevCommit part2;
    RevCommit xsa502;
    RevCommit followUp;
    RevCommit release4190;
    RevCommit part1On419;
    RevCommit part2On419;

    @BeforeEach
    void buildRepository() {
        repo = XenRepository.create(temp.resolve("xen"));
        repo.branch("stable-4.9", "master");
        repo.commit("stable-4.9", "Old fix", "xen/common/old.c", "int old;\n");
        repo.commitSupport("master", "Add SUPPORT.md", supportMd("4.19-unstable", "n/a", "n/a", "n/a"));
        bug = repo.commit("master", "x86/pv: map guest frames lazily", "xen/arch/x86/pv.c", "map;\n");
        xsa500 = repo.commitWithMessage(
                "master", """
                x86/pv: check a guest's frame before mapping it

                A guest could name a frame it does not own.

                This is XSA-500 / CVE-2026-10000.

                Fixes: %s ("x86/pv: map guest frames lazily")
                Signed-off-by: Ada Author <ada@example.org>
                """.formatted(bug.name().substring(0, 12)), "xen/arch/x86/pv.c", "check; map;\n");
        repo.branch("stable-4.19", "master");
        release4190 = repo.commitSupport(
                "stable-4.19", "Release 4.19.0", supportMd("4.19", "2024-07-29", "2026-01-29", "2027-07-29"));
        repo.tag("RELEASE-4.19.0", "stable-4.19");
        part1 = repo.commitWithMessage("master", """
                xen/evtchn: bound the port before use

                This is part of XSA-501.

                Fixes: deadbeef0123 ("an old change of another tree")
                """, "xen/common/event_channel.c", "bound;\n");
        part2 = repo.commitWithMessage("master", """
                xen/evtchn: drop the unbounded lookup

                This is part of XSA-501.
                """, "xen/common/event_channel.c", "bound; lookup;\n");
        xsa502 = repo.commitWithMessage(
                "master", """
                tools/xenstore: limit a transaction's nodes

                This is XSA502.

                Fixes: %s ("x86/pv: map guest frames lazily")
                """.formatted(bug.name().substring(0, 6)), "tools/xenstore/transaction.c", "limit;\n");
        followUp = repo.commitWithMessage("master", """
                x86/pv: tidy the frame check

                This is a followup to XSA-500.
                """, "xen/arch/x86/pv.c", "check; map; tidy;\n");
        part1On419 = backport("stable-4.19", part1, "(cherry picked from commit " + part1.name() + ")");
        repo.tag("RELEASE-4.19.1", "stable-4.19");
        part2On419 = backport(
                "stable-4.19",
                part2,
                "master commit: " + part2.name().substring(0, 10) + "\nmaster date: 2024-01-01 09:00:00 +0000");
    }

    @AfterEach
    void closeRepository() {
        repo.close();
    }

    /** {@code commit}'s change made again on {@code branch}, its message naming where it came from. */
    private RevCommit backport(String branch, RevCommit commit, String trailer) {
        return repo.commitWithMessage(
                branch,
                commit.getFullMessage().strip() + "\n" + trailer + "\n",
                "backports/" + commit.name(),
                commit.name() + "\n");
    }

    @Test
    void aFirstImportStoresEveryBranchsFixesWithTheirPointReleases() {
        long before = dataVersion();

        ImportRunView run = job(git(repo, true), "stable-*", "master").run(Trigger.STARTUP);

        assertThat(run.outcome()).isEqualTo("succeeded");
        assertThat(run.branches())
                .extracting(
                        ImportRunView.Branch::branch,
                        ImportRunView.Branch::fixesImported,
                        ImportRunView.Branch::fixCommitsRead,
                        ImportRunView.Branch::fixesFailure)
                .containsExactly(
                        // every commit of master: the initial one, SUPPORT.md, the bug, 4 fixes, the follow-up
                        tuple("master", 4, 8, null),
                        // its own three only: master's commits before the branch point were read once, for master
                        tuple("stable-4.19", 2, 3, null),
                        // no SUPPORT.md, so no release, so no fixes: not read
                        tuple("stable-4.9", null, null, null));
        assertThat(dataVersion()).isGreaterThan(before);

        // A fix before the branch point is the branch's too, in its first point release; a fix after
        // the latest tag is on the branch only.
        assertThat(fixesOf("4.19"))
                .containsExactly(
                        Map.entry(xsa500.name(), Optional.of("4.19.0")),
                        Map.entry(part1On419.name(), Optional.of("4.19.1")),
                        Map.entry(part2On419.name(), Optional.empty()));
        assertThat(fixesOf("unstable"))
                .as("master has no point releases; a message that only mentions an advisory is no fix")
                .containsOnlyKeys(xsa500.name(), part1.name(), part2.name(), xsa502.name())
                .allSatisfy((commit, point) -> assertThat(point).isEmpty());

        FixCommit fix500 = fix(xsa500);
        assertThat(fix500.advisories()).containsExactly(new AdvisoryMention(500, false));
        assertThat(fix500.cves()).containsExactly("CVE-2026-10000");
        assertThat(fix500.subject()).isEqualTo("x86/pv: check a guest's frame before mapping it");
        assertThat(fix500.committedAt()).isEqualTo(xsa500.getCommitterIdent().getWhenAsInstant());
        assertThat(fix500.pickedFrom()).isNull();
        assertThat(fix500.introducedBy())
                .as("a Fixes: line naming a commit of the repository is resolved to its full id")
                .containsExactly(new FixCommit.Introduced(
                        bug.name().substring(0, 12), bug.name(), "x86/pv: map guest frames lazily"));
        assertThat(fix500.warnings()).isEmpty();

        assertThat(fix(part1).advisories()).containsExactly(new AdvisoryMention(501, true));
        assertThat(fix(part2).advisories()).containsExactly(new AdvisoryMention(501, true));
        assertThat(fix(part1).introducedBy())
                .as("an id no commit of the repository has is kept as written, unresolved")
                .containsExactly(new FixCommit.Introduced("deadbeef0123", null, "an old change of another tree"));

        FixCommit picked = fix(part1On419);
        assertThat(picked.pickedFrom()).isEqualTo(part1.name());
        assertThat(picked.pickedFromResolved()).isEqualTo(part1.name());
        assertThat(picked.introducedBy())
                .containsExactly(new FixCommit.Introduced("deadbeef0123", null, "an old change of another tree"));
        FixCommit abbreviated = fix(part2On419);
        assertThat(abbreviated.pickedFrom()).isEqualTo(part2.name().substring(0, 10));
        assertThat(abbreviated.pickedFromResolved()).isEqualTo(part2.name());

        // An odd spelling is read as the reader reads it, and said in the run: the branch does not fail.
        assertThat(fix(xsa502).advisories()).containsExactly(new AdvisoryMention(502, false));
        assertThat(fix(xsa502).warnings()).singleElement().asString().contains("XSA502");
        assertThat(fix(xsa502).introducedBy())
                .as("six digits are too few to name a commit, even one that is alone to start so here")
                .containsExactly(
                        new FixCommit.Introduced(bug.name().substring(0, 6), null, "x86/pv: map guest frames lazily"));
        assertThat(branch(run, "master").fixWarnings())
                .singleElement()
                .asString()
                .startsWith(xsa502.name().substring(0, 12) + ": line 3: ")
                .contains("XSA502");
        assertThat(branch(run, "master").outcome()).isEqualTo("imported");
        assertThat(branch(run, "stable-4.19").fixWarnings()).isEmpty();

        assertThat(count("fix_commit")).isEqualTo(6);
        assertThat(jdbc.sql("select fixes_tip from source_branch where branch = 'stable-4.19'")
                        .query(String.class)
                        .single())
                .isEqualTo(part2On419.name());
    }

    @Test
    void anUnchangedReimportReadsNoCommitAndWritesNothing() {
        ImportJob job = job(git(repo, true), "stable-*", "master");
        job.run(Trigger.STARTUP);
        long version = dataVersion();
        List<String> rows = rowVersions();

        ImportRunView again = job.run(Trigger.SCHEDULE);

        assertThat(again.outcome()).isEqualTo("succeeded");
        assertThat(again.branches())
                .extracting(
                        ImportRunView.Branch::branch,
                        ImportRunView.Branch::fixesImported,
                        ImportRunView.Branch::fixCommitsRead)
                .containsExactly(tuple("master", 0, 0), tuple("stable-4.19", 0, 0), tuple("stable-4.9", null, null));
        assertThat(dataVersion()).isEqualTo(version);
        assertThat(rowVersions())
                .as("no row of the fixes, nor where they were read, was written")
                .isEqualTo(rows);
    }

    @Test
    void aNewCommitIsReadAloneAndANewTagPlacesTheFixesBeforeIt() {
        ImportJob job = job(git(repo, true), "stable-*", "master");
        job.run(Trigger.STARTUP);
        RevCommit xsa502On419 = backport("stable-4.19", xsa502, "(cherry picked from commit " + xsa502.name() + ")");
        long version = dataVersion();

        ImportRunView grown = job.run(Trigger.SCHEDULE);

        assertThat(grown.branches())
                .extracting(
                        ImportRunView.Branch::branch,
                        ImportRunView.Branch::fixesImported,
                        ImportRunView.Branch::fixCommitsRead)
                .containsExactly(tuple("master", 0, 0), tuple("stable-4.19", 1, 1), tuple("stable-4.9", null, null));
        assertThat(branch(grown, "stable-4.19").fixWarnings())
                .as("the backport's message carries master's odd spelling")
                .singleElement()
                .asString()
                .startsWith(xsa502On419.name().substring(0, 12) + ": ");
        assertThat(fixesOf("4.19"))
                .containsExactly(
                        Map.entry(xsa500.name(), Optional.of("4.19.0")),
                        Map.entry(part1On419.name(), Optional.of("4.19.1")),
                        Map.entry(part2On419.name(), Optional.empty()),
                        Map.entry(xsa502On419.name(), Optional.empty()));
        assertThat(dataVersion()).isGreaterThan(version);

        repo.tag("RELEASE-4.19.2", "stable-4.19");
        long beforeTag = dataVersion();

        ImportRunView tagged = job.run(Trigger.SCHEDULE);

        assertThat(branch(tagged, "stable-4.19"))
                .as("the tip is as before: no message is read again")
                .extracting(ImportRunView.Branch::fixesImported, ImportRunView.Branch::fixCommitsRead)
                .containsExactly(0, 0);
        assertThat(fixesOf("4.19"))
                .containsExactly(
                        Map.entry(xsa500.name(), Optional.of("4.19.0")),
                        Map.entry(part1On419.name(), Optional.of("4.19.1")),
                        Map.entry(part2On419.name(), Optional.of("4.19.2")),
                        Map.entry(xsa502On419.name(), Optional.of("4.19.2")));
        assertThat(dataVersion()).isGreaterThan(beforeTag);
        assertThat(servedFixes("4.19"))
                .extracting(f -> f.fix().commit(), StoredFix::pointRelease)
                .contains(tuple(part2On419.name(), "4.19.2"));
    }

    @Test
    void aForcedPushThatDropsAFixDropsItFromTheRelease() {
        ImportJob job = job(git(repo, true), "stable-*", "master");
        job.run(Trigger.STARTUP);
        repo.forceBranch("stable-4.19", part1On419);
        long version = dataVersion();

        ImportRunView forced = job.run(Trigger.SCHEDULE);

        assertThat(forced.outcome()).isEqualTo("succeeded");
        assertThat(branch(forced, "stable-4.19"))
                .as("the tip no longer grows from the one read: the whole branch is read again")
                .extracting(ImportRunView.Branch::fixesImported, ImportRunView.Branch::fixCommitsRead)
                .containsExactly(0, 6);
        assertThat(fixesOf("4.19"))
                .containsExactly(
                        Map.entry(xsa500.name(), Optional.of("4.19.0")),
                        Map.entry(part1On419.name(), Optional.of("4.19.1")));
        assertThat(servedFixes("4.19")).extracting(f -> f.fix().commit()).doesNotContain(part2On419.name());
        assertThat(dataVersion()).isGreaterThan(version);
        assertThat(fixesOf("unstable")).containsKey(part2.name());
    }

    @Test
    void aBranchWhoseFixesCannotBeReadFailsThemAloneAndKeepsWhatWasStored() {
        job(git(repo, true), "stable-*", "master").run(Trigger.STARTUP);
        Map<String, Optional<String>> stored419 = fixesOf("4.19");
        RevCommit xsa503 = repo.commitWithMessage("master", "x86: one more\n\nThis is XSA-503.\n", "xen/x.c", "x;\n");
        backport("stable-4.19", xsa503, "(cherry picked from commit " + xsa503.name() + ")");
        SupportSourceFactory failing4_19 = () -> new FixesFailOn(git(repo, true).open(), "stable-4.19");

        ImportRunView run = job(failing4_19, "stable-*", "master").run(Trigger.SCHEDULE);

        assertThat(run.outcome())
                .as("some branch failed, the others were imported")
                .isEqualTo("partial");
        assertThat(branch(run, "stable-4.19"))
                .extracting(
                        ImportRunView.Branch::outcome,
                        ImportRunView.Branch::fixesImported,
                        ImportRunView.Branch::fixesFailure)
                .containsExactly(
                        "unchanged",
                        null,
                        "could not read the security fixes on stable-4.19: Missing commit 0123456789abcdef");
        assertThat(branch(run, "master").fixesImported()).isEqualTo(1);
        assertThat(fixesOf("unstable")).containsKey(xsa503.name());
        assertThat(fixesOf("4.19")).isEqualTo(stored419);

        ImportRunView next = job(git(repo, true), "stable-*", "master").run(Trigger.SCHEDULE);

        assertThat(next.outcome()).isEqualTo("succeeded");
        assertThat(branch(next, "stable-4.19"))
                .as("read from where they were last read")
                .extracting(ImportRunView.Branch::fixesImported, ImportRunView.Branch::fixCommitsRead)
                .containsExactly(1, 1);
    }

    @Test
    void aTipTheRepositoryDoesNotHaveFailsTheBranchsFixes() throws Exception {
        job(git(repo, true), "stable-*", "master").run(Trigger.STARTUP);
        try (Repository cache = cache();
                GitFixes fixes = new GitFixes(cache)) {
            SourceBranch missing = new SourceBranch("stable-4.19", "0123456789abcdef0123456789abcdef01234567");

            assertThatThrownBy(
                            () -> fixes.read(missing, List.of(), true, new KnownFixes(null, null, Set.of(), Map.of())))
                    .isInstanceOf(BranchFailure.class)
                    .hasMessageStartingWith("could not read the security fixes on stable-4.19: ")
                    .hasCauseInstanceOf(org.eclipse.jgit.errors.MissingObjectException.class);
            // The same reader goes on with the next branch.
            SourceBranch master = new SourceBranch("master", followUp.name());
            assertThat(fixes.read(master, List.of(), true, new KnownFixes(null, null, Set.of(), Map.of()))
                            .reached())
                    .containsOnlyKeys(xsa500.name(), part1.name(), part2.name(), xsa502.name());
        }
    }

    @Test
    void aTagNamingNoCommitOfTheRepositoryIsPassedOver() throws Exception {
        job(git(repo, true), "stable-*", "master").run(Trigger.STARTUP);
        try (Repository cache = cache();
                GitFixes fixes = new GitFixes(cache)) {
            List<PointRelease> tags = List.of(
                    PointRelease.ofTag("RELEASE-4.19.0", "0123456789abcdef0123456789abcdef01234567", null)
                            .orElseThrow(),
                    PointRelease.ofTag("RELEASE-4.19.1", part1On419.name(), null)
                            .orElseThrow());

            Map<String, String> reached = fixes.read(
                            new SourceBranch("stable-4.19", part2On419.name()),
                            tags,
                            true,
                            new KnownFixes(null, null, Set.of(), Map.of()))
                    .reached();

            assertThat(reached)
                    .as("a tag naming no commit of the repository is passed over; the next contains the earlier fixes")
                    .containsEntry(xsa500.name(), "4.19.1")
                    .containsEntry(part1On419.name(), "4.19.1")
                    .containsEntry(part2On419.name(), null);
        }
    }

    /** The import's own copy of the repository. */
    private Repository cache() throws IOException {
        return new FileRepositoryBuilder()
                .setGitDir(temp.resolve("cache")
                        .resolve(GitSupportSource.cacheName(repo.url()))
                        .toFile())
                .setMustExist(true)
                .build();
    }

    /** A release's fix commits, oldest first, each with its point release. */
    private Map<String, Optional<String>> fixesOf(String version) {
        Map<String, Optional<String>> fixes = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                        select f.commit_id, f.point_release from release_fix f join release r on r.id = f.release_id
                        join fix_commit c on c.commit_id = f.commit_id
                        where r.version = ? order by c.committed_at, f.commit_id""").param(version).query(rs -> {
            fixes.put(rs.getString(1), Optional.ofNullable(rs.getString(2)));
        });
        return fixes;
    }

    /** What the store serves of a release's fixes. */
    private List<StoredFix> servedFixes(String version) {
        return securityFixes.all().stream()
                .filter(f -> f.release().equals(version))
                .toList();
    }

    private FixCommit fix(RevCommit commit) {
        return securityFixes.all().stream()
                .map(StoredFix::fix)
                .filter(f -> f.commit().equals(commit.name()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no fix " + commit.name()));
    }

    /** Each stored row of the fixes and of where they were read, with the transaction that last wrote it. */
    private List<String> rowVersions() {
        return jdbc.sql("""
                        select 'fix_commit ' || commit_id || ' ' || xmin from fix_commit
                        union all select 'release_fix ' || commit_id || ' ' || xmin from release_fix
                        union all select 'source_branch ' || branch || ' ' || xmin from source_branch
                        order by 1""").query(String.class).list();
    }

    /** The git source, whose fixes of one branch cannot be read, as a damaged pack would make them. */
    private record FixesFailOn(SupportSource delegate, String branch) implements ForwardingSource {
        @Override
        public Optional<FixSource> fixes() {
            FixSource fixes = delegate.fixes().orElseThrow();
            return Optional.of(new FixSource() {
                @Override
                public BranchFixes read(
                        SourceBranch read, List<PointRelease> tags, boolean tagsAsKnown, KnownFixes known)
                        throws BranchFailure {
                    if (read.name().equals(branch)) {
                        throw new BranchFailure(
                                "could not read the security fixes on " + branch + ": Missing commit 0123456789abcdef",
                                new org.eclipse.jgit.errors.MissingObjectException(
                                        org.eclipse.jgit.lib.ObjectId.zeroId(), "commit"));
                    }
                    return fixes.read(read, tags, tagsAsKnown, known);
                }

                @Override
                public void close() {
                    fixes.close();
                }
            });
        }
    }
}
