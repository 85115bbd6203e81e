package org.xenproject.supportstatus.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.xenproject.supportstatus.testing.SupportFiles.supportMd;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xenproject.supportstatus.release.ReleaseVersion;
import org.xenproject.supportstatus.snapshot.Snapshot;
import org.xenproject.supportstatus.snapshot.Snapshots;
import org.xenproject.supportstatus.store.ImportRun.Trigger;
import org.xenproject.supportstatus.testing.XenRepository;

/**
 * The snapshot of new data is built where the new data version is read (the import's own thread,
 * or the poller's), never by a request: while it is being built, requests answer at once from the
 * snapshot before. The documents of files that did not change are carried over, not read again.
 */
class SnapshotAfterImportTest extends ImportTestSupport {

    /** A guard against a request that waits for the build: far longer than any answer from memory. */
    static final Duration HANG = Duration.ofSeconds(20);

    @Autowired
    Snapshots snapshots;

    XenRepository repo;
    ImportJob job;

    @BeforeEach
    void importTwoReleases() {
        repo = XenRepository.create(temp.resolve("xen"));
        repo.commitSupport("master", "Add SUPPORT.md", supportMd("4.20-unstable", "n/a", "n/a", "n/a"));
        repo.branch("stable-4.19", "master");
        repo.commitSupport(
                "stable-4.19",
                "Release 4.19.0",
                supportMd("4.19", "2024-07-29", "2026-01-29", "2027-07-29", "Status, x86: Experimental"));
        job = job(git(repo, true), "stable-*", "master");
        assertThat(job.run(Trigger.ADMIN).outcome()).isEqualTo("succeeded");
    }

    @AfterEach
    void closeRepository() {
        repo.close();
    }

    @Test
    void theImportsOwnThreadBuildsTheNewSnapshotAndUnchangedDocumentsAreCarriedOver() {
        Snapshot before = snapshots.current();
        repo.commitSupport(
                "stable-4.19",
                "SUPPORT.md: extend security support",
                supportMd("4.19", "2024-07-29", "2026-01-29", "2029-07-29", "Status, x86: Experimental"));

        assertThat(job.run(Trigger.ADMIN).outcome()).isEqualTo("succeeded");

        Snapshot after = snapshots.current();
        assertThat(after.version()).as("current as soon as the run returns").isEqualTo(dataVersion());
        assertThat(after.release(new ReleaseVersion("4.19"))
                        .document()
                        .release()
                        .securitySupportUntil())
                .hasToString("2029-07-29");
        assertThat(after.release(ReleaseVersion.UNSTABLE).document())
                .as("master's file did not change")
                .isSameAs(before.release(ReleaseVersion.UNSTABLE).document());
        assertThat(after.release(new ReleaseVersion("4.19")).document())
                .isNotSameAs(before.release(new ReleaseVersion("4.19")).document());
    }

    @Test
    void aFileIdThatNamesAnotherFileOnceTheDataIsMadeAnewIsReadAgain() {
        Snapshot before = snapshots.current();
        // The database emptied and its sequences started again, as when it is restored or made anew.
        // The data version stays, so that the import's snapshot is built on the one before.
        jdbc.sql("""
                truncate release, revision, support_file, section, feature_status, release_tag, source_branch,
                    import_run, import_branch_result restart identity cascade""").update();
        try (XenRepository other = XenRepository.create(temp.resolve("other"))) {
            other.commitSupport("master", "Add SUPPORT.md", supportMd("4.20-unstable", "n/a", "n/a", "n/a"));
            other.branch("stable-4.19", "master");
            other.commitSupport(
                    "stable-4.19",
                    "Release 4.19.0",
                    supportMd("4.19", "2024-07-29", "2026-01-29", "2030-01-01", "Status, x86: Experimental"));
            assertThat(job(git(other, true), "stable-*", "master")
                            .run(Trigger.ADMIN)
                            .outcome())
                    .isEqualTo("succeeded");
        }

        Snapshot after = snapshots.current();
        ReleaseVersion v419 = new ReleaseVersion("4.19");
        assertThat(after.release(v419).supportFileId())
                .as("the same id, for another file")
                .isEqualTo(before.release(v419).supportFileId());
        assertThat(after.release(v419).document().release().securitySupportUntil())
                .hasToString("2030-01-01");
        assertThat(after.release(ReleaseVersion.UNSTABLE).document())
                .as("master's file is the same file under the same id")
                .isSameAs(before.release(ReleaseVersion.UNSTABLE).document());
    }

    @Test
    void whileTheNewSnapshotIsBuiltRequestsAnswerFromTheOneBefore() throws Exception {
        Snapshot before = snapshots.current();
        CompletableFuture<Snapshot> built;
        try (Connection blocker = dataSource.getConnection()) {
            // The build reads the releases first: hold their table, so it stops there.
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                lock.execute("lock table release in access exclusive mode");
            }
            jdbc.sql("update data_version set version = version + 1, changed_at = now()")
                    .update();
            built = CompletableFuture.supplyAsync(() -> {
                dataVersions.refresh();
                return snapshots.current();
            });

            Snapshot meanwhile = assertTimeoutPreemptively(HANG, () -> {
                // A request after the new version is known, and while its snapshot cannot be built yet.
                while (dataVersions.current().orElseThrow().version() == before.version()) {
                    Thread.onSpinWait();
                }
                return snapshots.current();
            });
            assertThat(meanwhile).isSameAs(before);
            assertThat(built).isNotDone();
            blocker.rollback();
        }
        assertThat(built.get().version()).isEqualTo(before.version() + 1);
        assertThat(snapshots.current()).isSameAs(built.get());
    }
}
