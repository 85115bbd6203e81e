package org.xenproject.supportstatus.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xenproject.supportstatus.testing.SupportFiles.supportMd;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xenproject.supportstatus.release.PointRelease;
import org.xenproject.supportstatus.release.ReleaseVersion;
import org.xenproject.supportstatus.snapshot.Snapshot;
import org.xenproject.supportstatus.snapshot.Snapshots;
import org.xenproject.supportstatus.store.ImportRun.Trigger;
import org.xenproject.supportstatus.store.KnownBranch;
import org.xenproject.supportstatus.store.KnownFixes;
import org.xenproject.supportstatus.testing.XenRepository;

/**
 * A first import (no cache yet) serves every release's current file from the branch tips before
 * the clone that brings the history, and says meanwhile what it is doing and which histories are
 * not complete.
 */
class FirstImportInPhasesTest extends ImportTestSupport {

    @Autowired
    Snapshots snapshots;

    XenRepository repo;
    RevCommit master1;
    RevCommit master2;
    RevCommit masterTip;
    RevCommit stable419;
    RevCommit stable420;
    RevCommit stable420Tip;

    @BeforeEach
    void buildRepository() {
        repo = XenRepository.create(temp.resolve("xen"));
        master1 = repo.commitSupport("master", "Add SUPPORT.md", supportMd("4.19-unstable", "n/a", "n/a", "n/a"));
        repo.branch("stable-4.19", "master");
        stable419 = repo.commitSupport(
                "stable-4.19",
                "Release 4.19.0",
                supportMd("4.19", "2024-07-29", "2026-01-29", "2027-07-29", "Status, x86: Experimental"));
        master2 = repo.commitSupport(
                "master", "Start 4.20", supportMd("4.20-unstable", "n/a", "n/a", "n/a", "Status, x86: Supported"));
        repo.branch("stable-4.20", "master");
        stable420 = repo.commitSupport(
                "stable-4.20",
                "Release 4.20.0",
                supportMd("4.20", "2025-03-05", "2026-09-05", "2028-03-05", "Status, x86: Supported"));
        stable420Tip = repo.commitWithMessage(
                "stable-4.20", "x86: backport\n\nThis is XSA-450.\n", "xen/arch/x86/traps.c", "int traps;\n");
        masterTip = repo.commit("master", "docs: unrelated", "docs/README.md", "docs\n");
    }

    @AfterEach
    void closeRepository() {
        repo.close();
    }

    @Test
    void tipsAreServedBeforeTheHistoryAndTheRunShowsItsProgress() throws Exception {
        Hold clone = new Hold();
        Hold stable420Branch = new Hold();
        Hold fixes = new Hold();
        ImportJob job =
                job(() -> new Held(git(repo, true).open(), clone, stable420Branch, fixes), "stable-*", "master");

        ImportRunView started = job.start(Trigger.STARTUP);

        clone.awaitReached();
        ImportRunView cloning = job.find(started.id()).orElseThrow();
        assertThat(cloning.outcome()).isEqualTo("running");
        assertThat(cloning.phase()).isEqualTo("fetch");
        assertThat(cloning.branches())
                .as("results are the full import's, not the tips'")
                .isEmpty();
        // Every release is served, each from one provisional revision read at its branch tip.
        assertThat(provisional("unstable")).containsExactly(masterTip.name());
        assertThat(provisional("4.19")).containsExactly(stable419.name());
        assertThat(provisional("4.20")).containsExactly(stable420Tip.name());
        dataVersions.refresh();
        Snapshot tips = snapshots.current();
        assertThat(tips.releases()).extracting(r -> r.version()).containsExactly("unstable", "4.20", "4.19");
        assertThat(tips.releases()).noneMatch(r -> r.historyComplete());
        assertThat(tips.release(new ReleaseVersion("4.20")).document().release().securitySupportUntil())
                .isEqualTo(LocalDate.of(2028, 3, 5));
        assertThat(tips.history(tips.release(new ReleaseVersion("4.20"))))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.commit()).isNull();
                    assertThat(entry.branchTip()).isEqualTo(stable420Tip.name());
                });
        clone.release();

        stable420Branch.awaitReached();
        ImportRunView reading = job.find(started.id()).orElseThrow();
        assertThat(reading.phase()).isEqualTo("branches");
        assertThat(reading.progress()).isEqualTo("2 of 3 branches");
        assertThat(reading.branches())
                .extracting(ImportRunView.Branch::branch)
                .containsExactly("master", "stable-4.19");
        dataVersions.refresh();
        Snapshot halfway = snapshots.current();
        assertThat(halfway.release(new ReleaseVersion("4.19")).historyComplete())
                .isTrue();
        assertThat(halfway.release(new ReleaseVersion("4.20")).historyComplete())
                .isFalse();
        stable420Branch.release();

        // The security fixes come last, once every release's history is served.
        fixes.awaitReached();
        ImportRunView fixing = job.find(started.id()).orElseThrow();
        assertThat(fixing.phase()).isEqualTo("fixes");
        assertThat(fixing.progress()).isEqualTo("0 of 3 branches");
        dataVersions.refresh();
        assertThat(snapshots.current().releases()).allMatch(r -> r.historyComplete());
        assertThat(count("release_fix")).isZero();
        fixes.release();

        ImportRunView finished = awaitFinished(job, started.id());
        assertThat(finished.outcome()).isEqualTo("succeeded");
        assertThat(finished.phase()).isNull();
        assertThat(finished.branches())
                .extracting(ImportRunView.Branch::branch, ImportRunView.Branch::revisionsImported)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("master", 2),
                        org.assertj.core.groups.Tuple.tuple("stable-4.19", 2),
                        org.assertj.core.groups.Tuple.tuple("stable-4.20", 3));
        assertThat(finished.branches())
                .extracting(ImportRunView.Branch::fixesImported)
                .containsExactly(0, 0, 1);
        assertThat(jdbc.sql("select count(*) from revision where provisional")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(currentCommit("4.20")).isEqualTo(stable420.name());
        assertThat(currentCommit("unstable")).isEqualTo(master2.name());
        dataVersions.refresh();
        Snapshot complete = snapshots.current();
        assertThat(complete.releases()).allMatch(r -> r.historyComplete());
        // A release's history starts at its own development: "Add SUPPORT.md" (4.19-unstable) is 4.19's.
        assertThat(complete.history(complete.release(new ReleaseVersion("4.20"))))
                .extracting(entry -> entry.commit())
                .containsExactly(stable420.name(), master2.name());
    }

    @Test
    void laterImportsFetchWithoutReadingTipsAgain() throws Exception {
        job(git(repo, true), "stable-*", "master").run(Trigger.STARTUP);
        RevCommit stable420b = repo.commitSupport(
                "stable-4.20",
                "SUPPORT.md: extend",
                supportMd("4.20", "2025-03-05", "2026-09-05", "2029-03-05", "Status, x86: Supported"));
        Hold clone = new Hold();
        ImportJob job = job(() -> new Held(git(repo, true).open(), clone, null, null), "stable-*", "master");

        ImportRunView started = job.start(Trigger.SCHEDULE);

        clone.awaitReached();
        assertThat(provisional("4.20")).isEmpty();
        assertThat(currentCommit("4.20"))
                .as("nothing new is served before the fetch")
                .isEqualTo(stable420.name());
        clone.release();
        assertThat(awaitFinished(job, started.id()).outcome()).isEqualTo("succeeded");
        assertThat(currentCommit("4.20")).isEqualTo(stable420b.name());
        assertThat(jdbc.sql("select count(*) from revision where provisional")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void withoutHistoryTheTipsAreReplacedByTheCommitsThatMadeTheFiles() {
        ImportRunView run = job(git(repo, false), "stable-*", "master").run(Trigger.STARTUP);

        assertThat(run.outcome()).isEqualTo("succeeded");
        assertThat(currentCommit("4.20")).isEqualTo(stable420.name());
        assertThat(revisions("4.20")).isEqualTo(1);
        dataVersions.refresh();
        assertThat(snapshots.current().releases()).noneMatch(r -> r.historyComplete());
    }

    /** The branch tips of a release's provisional revisions. */
    private List<String> provisional(String version) {
        return jdbc.sql("""
                        select v.branch_tip from revision v join release r on r.id = v.release_id
                        where r.version = ? and v.provisional and v.commit_id is null""").param(version).query(String.class).list();
    }

    private ImportRunView awaitFinished(ImportJob job, long id) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            ImportRunView run = job.find(id).orElseThrow();
            if (run.finishedAt() != null) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + id + " did not finish");
    }

    /** A point where the import waits until the test lets it go on. */
    private static final class Hold {
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        void arrive() {
            reached.countDown();
            try {
                released.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void awaitReached() throws InterruptedException {
            assertThat(reached.await(30, TimeUnit.SECONDS))
                    .as("the import reached the hold")
                    .isTrue();
        }

        void release() {
            released.countDown();
        }
    }

    /** The git source, held before its clone or fetch, before reading stable-4.20, and before the first fixes. */
    private record Held(SupportSource delegate, Hold beforeFetch, Hold stable420, Hold beforeFixes)
            implements ForwardingSource {
        @Override
        public SourceRefs refs() throws IOException {
            beforeFetch.arrive();
            return delegate.refs();
        }

        @Override
        public BranchRead read(SourceBranch branch, KnownBranch known) throws BranchFailure {
            if (stable420 != null && branch.name().equals("stable-4.20")) {
                stable420.arrive();
            }
            return delegate.read(branch, known);
        }

        @Override
        public Optional<FixSource> fixes() {
            return delegate.fixes()
                    .map(fixes -> beforeFixes == null
                            ? fixes
                            : new FixSource() {
                                private boolean held;

                                @Override
                                public BranchFixes read(
                                        SourceBranch branch,
                                        List<PointRelease> tags,
                                        boolean tagsAsKnown,
                                        KnownFixes known)
                                        throws BranchFailure {
                                    if (!held) {
                                        held = true;
                                        beforeFixes.arrive();
                                    }
                                    return fixes.read(branch, tags, tagsAsKnown, known);
                                }

                                @Override
                                public void close() {
                                    fixes.close();
                                }
                            });
        }
    }
}
