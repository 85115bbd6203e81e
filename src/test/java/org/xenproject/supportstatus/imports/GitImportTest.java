package org.xenproject.supportstatus.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xenproject.supportstatus.testing.SupportFiles.supportMd;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xenproject.supportstatus.digest.Sha256;
import org.xenproject.supportstatus.store.ImportLock;
import org.xenproject.supportstatus.store.ImportRun;
import org.xenproject.supportstatus.store.ImportRun.Trigger;
import org.xenproject.supportstatus.store.KnownBranch;
import org.xenproject.supportstatus.supportmd.SupportMdReader;
import org.xenproject.supportstatus.testing.XenRepository;

class GitImportTest extends ImportTestSupport {

    @Autowired
    SupportMdReader reader;

    @Autowired
    MeterRegistry registry;

    XenRepository repo;
    RevCommit master1;
    RevCommit master2;
    RevCommit master3;
    RevCommit master4;
    RevCommit stable419a;
    RevCommit stable419b;
    RevCommit stable420a;

    /**
     * master: SUPPORT.md 4.19-unstable, an unrelated commit, an edit, then 4.20-unstable, then 4.21-unstable.
     * stable-4.19 branches after the edit (release, a tag, an unrelated commit, an update, a tag);
     * stable-4.20 after 4.20-unstable; stable-4.9 predates SUPPORT.md.
     */
    @BeforeEach
    void buildRepository() {
        repo = XenRepository.create(temp.resolve("xen"));
        repo.branch("stable-4.9", "master");
        repo.commit("stable-4.9", "Old fix", "xen/common/old.c", "int old;\n");
        master1 = repo.commitSupport("master", "Add SUPPORT.md", supportMd("4.19-unstable", "n/a", "n/a", "n/a"));
        repo.commit("master", "x86: unrelated change", "xen/arch/x86/traps.c", "int traps;\n");
        master2 = repo.commitSupport(
                "master",
                "SUPPORT.md: vPMU",
                supportMd("4.19-unstable", "n/a", "n/a", "n/a", "Status, x86: Experimental"));
        repo.branch("stable-4.19", "master");
        stable419a = repo.commitSupport(
                "stable-4.19",
                "Release 4.19.0",
                supportMd("4.19", "2024-07-29", "2026-01-29", "2027-07-29", "Status, x86: Experimental"));
        repo.tag("RELEASE-4.19.0", "stable-4.19");
        repo.commit("stable-4.19", "x86: backport", "xen/arch/x86/traps.c", "int traps2;\n");
        stable419b = repo.commitSupport(
                "stable-4.19",
                "SUPPORT.md: extend security support",
                supportMd("4.19", "2024-07-29", "2026-01-29", "2029-07-29", "Status, x86: Experimental"));
        repo.tag("RELEASE-4.19.1", "stable-4.19");
        master3 = repo.commitSupport(
                "master", "Start 4.20", supportMd("4.20-unstable", "n/a", "n/a", "n/a", "Status, x86: Supported"));
        repo.branch("stable-4.20", "master");
        stable420a = repo.commitSupport(
                "stable-4.20",
                "Release 4.20.0",
                supportMd("4.20", "2025-03-05", "2026-09-05", "2028-03-05", "Status, x86: Supported"));
        repo.tag("RELEASE-4.20.0", "stable-4.20");
        master4 = repo.commitSupport(
                "master", "Start 4.21", supportMd("4.21-unstable", "n/a", "n/a", "n/a", "Status, x86: Supported"));
        repo.commit("master", "docs: unrelated", "docs/README.md", "docs\n");
    }

    @AfterEach
    void closeRepository() {
        repo.close();
    }

    @Test
    void firstImportStoresEveryReleaseBranchWithItsHistory() throws Exception {
        ImportRunView run = job(git(repo, true), "stable-*", "master").run(Trigger.ADMIN);

        assertThat(run.outcome()).isEqualTo("succeeded");
        assertThat(run.branches())
                .extracting(ImportRunView.Branch::branch)
                .containsExactly("master", "stable-4.19", "stable-4.20", "stable-4.9");
        assertThat(branch(run, "stable-4.9"))
                .extracting(ImportRunView.Branch::outcome, ImportRunView.Branch::detail)
                .containsExactly("skipped", "no SUPPORT.md");
        assertThat(branch(run, "master").revisionsImported()).isEqualTo(4);
        assertThat(branch(run, "stable-4.19").revisionsImported()).isEqualTo(4);
        assertThat(branch(run, "stable-4.20").revisionsImported()).isEqualTo(4);

        assertThat(jdbc.sql("select version, branch, major, minor from release order by major nulls first, minor")
                        .query()
                        .listOfRows())
                .extracting(row -> row.get("version") + "@" + row.get("branch"))
                .containsExactly("unstable@master", "4.19@stable-4.19", "4.20@stable-4.20");
        // Each release's history is every commit reachable from its tip that changed the file, oldest first.
        assertThat(jdbc.sql("""
                        select v.commit_id from revision v join release r on r.id = v.release_id
                        where r.version = '4.19' order by v.id""").query(String.class).list())
                .containsExactly(master1.name(), master2.name(), stable419a.name(), stable419b.name());
        assertThat(currentCommit("4.19")).isEqualTo(stable419b.name());
        assertThat(currentCommit("4.20")).isEqualTo(stable420a.name());
        assertThat(currentCommit("unstable")).isEqualTo(master4.name());

        // Shared history is stored once: 7 distinct contents among 12 revisions.
        assertThat(count("revision")).isEqualTo(12);
        assertThat(count("support_file")).isEqualTo(7);
        List<byte[]> contents = jdbc.sql("select content from support_file").query(String.class).list().stream()
                .map(c -> c.getBytes(StandardCharsets.UTF_8))
                .toList();
        long expectedStatuses = 0;
        long expectedSections = 0;
        for (byte[] content : contents) {
            var document = reader.read(content);
            expectedStatuses += document.statuses().size();
            expectedSections += document.allSections().size();
        }
        assertThat(count("feature_status")).isEqualTo(expectedStatuses).isPositive();
        assertThat(count("section")).isEqualTo(expectedSections).isPositive();

        Map<String, Object> current = jdbc.sql("""
                        select v.author_name, v.subject, v.authored_at, v.committed_at, v.branch_tip,
                               f.xen_version, f.security_support_until, f.sha256
                        from release r join revision v on v.id = r.current_revision_id
                        join support_file f on f.id = v.support_file_id where r.version = '4.19'""").query().singleRow();
        assertThat(current.get("author_name")).isEqualTo("Ada Author");
        assertThat(current.get("subject")).isEqualTo("SUPPORT.md: extend security support");
        assertThat(((java.sql.Timestamp) current.get("committed_at")).toInstant())
                .isEqualTo(Instant.ofEpochSecond(stable419b.getCommitTime()));
        assertThat(current.get("branch_tip")).isNull();
        assertThat(current.get("xen_version")).isEqualTo("4.19");
        assertThat(current.get("security_support_until")).isEqualTo(java.sql.Date.valueOf(LocalDate.of(2029, 7, 29)));
        assertThat(current.get("sha256"))
                .isEqualTo(Sha256.hex(
                        supportMd("4.19", "2024-07-29", "2026-01-29", "2029-07-29", "Status, x86: Experimental")
                                .getBytes(StandardCharsets.UTF_8)));

        assertThat(dataVersion()).isPositive();
        assertThat(runs.findById(run.id())).get().extracting(ImportRun::outcome).isEqualTo(ImportRun.Outcome.SUCCEEDED);
    }

    @Test
    void releaseTagsAreRecordedWithTheirDates() {
        job(git(repo, true), "stable-*", "master").run(Trigger.ADMIN);

        assertThat(jdbc.sql("select name, version, release_version, patch from release_tag order by name")
                        .query()
                        .listOfRows())
                .extracting(row -> row.get("name") + " " + row.get("version") + " " + row.get("release_version") + " "
                        + row.get("patch"))
                .containsExactly(
                        "RELEASE-4.19.0 4.19.0 4.19 0", "RELEASE-4.19.1 4.19.1 4.19 1", "RELEASE-4.20.0 4.20.0 4.20 0");
        assertThat(jdbc.sql("select count(*) from release_tag where tagged_at is null")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void unchangedReimportStoresNothing() {
        ImportJob job = job(git(repo, true), "stable-*", "master");
        job.run(Trigger.STARTUP);
        long revisions = count("revision");
        long statuses = count("feature_status");
        long version = dataVersion();

        ImportRunView again = job.run(Trigger.SCHEDULE);

        assertThat(again.outcome()).isEqualTo("succeeded");
        assertThat(again.branches())
                .extracting(ImportRunView.Branch::outcome)
                .containsExactly("unchanged", "unchanged", "unchanged", "skipped");
        assertThat(count("revision")).isEqualTo(revisions);
        assertThat(count("feature_status")).isEqualTo(statuses);
        assertThat(dataVersion()).isEqualTo(version);

        // A commit that does not touch SUPPORT.md moves the tip but changes nothing served.
        repo.commit("stable-4.19", "x86: another backport", "xen/arch/x86/mm.c", "int mm;\n");
        ImportRunView afterUnrelated = job.run(Trigger.SCHEDULE);

        assertThat(branch(afterUnrelated, "stable-4.19").outcome()).isEqualTo("unchanged");
        assertThat(count("revision")).isEqualTo(revisions);
        assertThat(dataVersion()).isEqualTo(version);
    }

    @Test
    void aNewCommitAddsARevisionAndMovesTheCurrentOne() {
        ImportJob job = job(git(repo, true), "stable-*", "master");
        job.run(Trigger.STARTUP);
        Long before = currentRevisionId("4.19");
        long version = dataVersion();

        RevCommit update = repo.commitSupport(
                "stable-4.19",
                "SUPPORT.md: 4.19 no longer supported",
                supportMd("4.19", "2024-07-29", "2025-12-31", "2029-07-29", "Status, x86: Experimental"));
        ImportRunView run = job.run(Trigger.SCHEDULE);

        assertThat(branch(run, "stable-4.19"))
                .extracting(ImportRunView.Branch::outcome, ImportRunView.Branch::revisionsImported)
                .containsExactly("imported", 1);
        assertThat(branch(run, "stable-4.20").outcome()).isEqualTo("unchanged");
        assertThat(revisions("4.19")).isEqualTo(5);
        assertThat(currentCommit("4.19")).isEqualTo(update.name());
        assertThat(currentRevisionId("4.19")).isNotEqualTo(before);
        assertThat(jdbc.sql("select supported_until from support_file f join revision v on v.support_file_id = f.id "
                                + "where v.id = ?")
                        .param(currentRevisionId("4.19"))
                        .query(LocalDate.class)
                        .single())
                .isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(dataVersion()).isGreaterThan(version);
    }

    @Test
    void aNewBranchIsImportedOnTheNextRun() {
        ImportJob job = job(git(repo, true), "stable-*", "master");
        job.run(Trigger.STARTUP);

        repo.branch("stable-4.21", "master");
        RevCommit release = repo.commitSupport(
                "stable-4.21",
                "Release 4.21.0",
                supportMd("4.21", "2025-11-19", "2027-05-19", "2028-11-19", "Status, x86: Supported"));
        ImportRunView run = job.run(Trigger.SCHEDULE);

        assertThat(branch(run, "stable-4.21"))
                .extracting(
                        ImportRunView.Branch::outcome,
                        ImportRunView.Branch::release,
                        ImportRunView.Branch::revisionsImported)
                .containsExactly("imported", "4.21", 5);
        assertThat(currentCommit("4.21")).isEqualTo(release.name());
        assertThat(branch(run, "master").outcome()).isEqualTo("unchanged");
    }

    @Test
    void aBrokenBranchFailsAloneAndWhatIsServedForItStaysAsItWas() {
        ImportJob job = job(git(repo, true), "stable-*", "master");
        job.run(Trigger.STARTUP);
        Long served420 = currentRevisionId("4.20");
        long revisions420 = revisions("4.20");

        RevCommit garbage = repo.commit("stable-4.20", "Oops", SupportSource.PATH, new byte[] {
            '#', ' ', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '\n'
        });
        RevCommit good = repo.commitSupport(
                "stable-4.19",
                "SUPPORT.md: update",
                supportMd("4.19", "2024-07-29", "2026-01-29", "2029-07-29", "Status, x86: Supported"));
        ImportRunView run = job.run(Trigger.SCHEDULE);

        assertThat(run.outcome()).isEqualTo("partial");
        ImportRunView.Branch broken = branch(run, "stable-4.20");
        assertThat(broken.outcome()).isEqualTo("failed");
        assertThat(broken.detail()).contains(garbage.name()).containsIgnoringCase("UTF-8");
        assertThat(currentRevisionId("4.20")).isEqualTo(served420);
        assertThat(revisions("4.20")).isEqualTo(revisions420);
        assertThat(branch(run, "stable-4.19").outcome()).isEqualTo("imported");
        assertThat(currentCommit("4.19")).isEqualTo(good.name());

        // The failure is recorded on the run, as GET /api/v1/imports shows it.
        assertThat(job.recent(1).get(0).branches())
                .filteredOn(b -> b.branch().equals("stable-4.20"))
                .singleElement()
                .extracting(ImportRunView.Branch::outcome)
                .isEqualTo("failed");

        // A branch that is broken from the start is not served at all.
        repo.branch("stable-4.21", "master");
        repo.commit("stable-4.21", "Broken from the start", SupportSource.PATH, new byte[] {(byte) 0xFE, (byte) 0xFF});
        ImportRunView next = job.run(Trigger.SCHEDULE);
        assertThat(branch(next, "stable-4.21").outcome()).isEqualTo("failed");
        assertThat(currentRevisionId("4.21")).isNull();
        assertThat(branch(next, "stable-4.20").outcome()).isEqualTo("failed");
    }

    @Test
    void eachUpstreamFaultFailsItsBranchAloneAndLosesNothingServed() {
        Map<String, String> faults = Map.of(
                "stable-4.21", "garbage bytes",
                "stable-4.22", "3 MiB",
                "stable-4.23", "empty",
                "stable-4.24", "deleted");
        int minor = 21;
        for (String branch : faults.keySet().stream().sorted().toList()) {
            repo.branch(branch, "master");
            repo.commitSupport(
                    branch,
                    "Release 4." + minor + ".0",
                    supportMd("4." + minor, "2025-11-19", "2027-05-19", "2028-11-19", "Status, x86: Supported"));
            minor++;
        }
        ImportJob job = job(git(repo, true), "stable-*", "master");
        assertThat(job.run(Trigger.STARTUP).outcome()).isEqualTo("succeeded");
        Map<String, Long> served = new HashMap<>();
        for (String version : List.of("4.21", "4.22", "4.23", "4.24")) {
            served.put(version, currentRevisionId(version));
        }
        long revisions = count("revision");

        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        repo.commit("stable-4.21", "Garbage", SupportSource.PATH, garbage);
        byte[] large = (supportMd("4.22", "2025-11-19", "2027-05-19", "2028-11-19") + "x".repeat(3 * 1024 * 1024))
                .getBytes(StandardCharsets.UTF_8);
        RevCommit oversize = repo.commit("stable-4.22", "3 MiB", SupportSource.PATH, large);
        repo.commit("stable-4.23", "Empty", SupportSource.PATH, new byte[0]);
        repo.delete("stable-4.24", "Remove SUPPORT.md", SupportSource.PATH);
        RevCommit good = repo.commitSupport(
                "stable-4.19",
                "SUPPORT.md: update",
                supportMd("4.19", "2024-07-29", "2026-01-29", "2030-07-29", "Status, x86: Supported"));
        ImportRunView run = job.run(Trigger.SCHEDULE);

        assertThat(run.outcome()).isEqualTo("partial");
        // Recorded on the run as GET /api/v1/imports shows it, each with its reason.
        ImportRunView recorded = job.find(run.id()).orElseThrow();
        assertThat(branch(recorded, "stable-4.21").detail()).contains("cannot be read");
        assertThat(branch(recorded, "stable-4.22").detail()).contains(oversize.name(), "over the limit of 1048576");
        assertThat(branch(recorded, "stable-4.23").detail()).containsIgnoringCase("empty");
        assertThat(branch(recorded, "stable-4.24").detail()).contains("no longer on the branch");
        for (String branch : faults.keySet()) {
            assertThat(branch(recorded, branch).outcome())
                    .as(faults.get(branch))
                    .isEqualTo("failed");
        }
        served.forEach((version, revision) ->
                assertThat(currentRevisionId(version)).as(version).isEqualTo(revision));
        assertThat(count("revision")).isEqualTo(revisions + 1);
        // The other branches of the same run import normally.
        assertThat(branch(recorded, "stable-4.19").outcome()).isEqualTo("imported");
        assertThat(currentCommit("4.19")).isEqualTo(good.name());
        assertThat(branch(recorded, "stable-4.20").outcome()).isEqualTo("unchanged");

        // Once the 3 MiB file is fixed, the branch imports again; the oversize revision stays out of its history.
        RevCommit fixed = repo.commitSupport(
                "stable-4.22",
                "Fix SUPPORT.md",
                supportMd("4.22", "2025-11-19", "2027-05-19", "2029-11-19", "Status, x86: Supported"));
        ImportRunView afterFix = job.run(Trigger.SCHEDULE);
        assertThat(branch(afterFix, "stable-4.22"))
                .extracting(ImportRunView.Branch::outcome)
                .isEqualTo("imported");
        assertThat(branch(afterFix, "stable-4.22").detail()).contains("left out", oversize.name());
        assertThat(currentCommit("4.22")).isEqualTo(fixed.name());
    }

    @Test
    void aRemoteThatDisappearsFailsTheRunKeepsWhatIsServedAndIsReadAgainOnceBack() throws Exception {
        ImportJob job = job(git(repo, true), "stable-*", "master");
        job.run(Trigger.STARTUP);
        Long served = currentRevisionId("4.19");
        long version = dataVersion();
        Path moved = temp.resolve("xen-moved");

        // Gone between two runs (deleted or renamed on the server).
        Files.move(repo.directory(), moved);
        ImportRunView gone = job.run(Trigger.SCHEDULE);
        Files.move(moved, repo.directory());

        assertThat(gone.outcome()).isEqualTo("failed");
        assertThat(gone.detail()).contains("Could not fetch");
        assertThat(currentRevisionId("4.19")).isEqualTo(served);
        assertThat(dataVersion()).isEqualTo(version);

        // Gone in the middle of a fetch: the branches are advertised, then an object they need is missing.
        RevCommit update = repo.commitSupport(
                "stable-4.19",
                "SUPPORT.md: update",
                supportMd("4.19", "2024-07-29", "2026-01-29", "2030-07-29", "Status, x86: Supported"));
        Path object = repo.directory()
                .resolve(".git/objects")
                .resolve(update.getTree().name().substring(0, 2))
                .resolve(update.getTree().name().substring(2));
        byte[] kept = Files.readAllBytes(object);
        Files.delete(object);
        ImportRunView broken = job.run(Trigger.SCHEDULE);
        Files.write(object, kept);

        assertThat(broken.outcome()).isEqualTo("failed");
        assertThat(broken.detail()).contains("Could not fetch");
        assertThat(currentRevisionId("4.19")).isEqualTo(served);
        assertThat(dataVersion()).isEqualTo(version);

        ImportRunView back = job.run(Trigger.SCHEDULE);
        assertThat(back.outcome()).isEqualTo("succeeded");
        assertThat(currentCommit("4.19")).isEqualTo(update.name());
    }

    @Test
    void aBranchForcePushedBackwardsServesTheFileAtItsNewTip() {
        ImportJob job = job(git(repo, true), "stable-*", "master");
        job.run(Trigger.STARTUP);
        RevCommit mistake = repo.commitSupport(
                "stable-4.19",
                "SUPPORT.md: mistaken edit",
                supportMd("4.19", "2024-07-29", "2024-08-01", "2024-08-01", "Status, x86: Not supported"));
        job.run(Trigger.SCHEDULE);
        assertThat(currentCommit("4.19")).isEqualTo(mistake.name());
        long version = dataVersion();

        repo.forceBranch("stable-4.19", stable419b);
        ImportRunView run = job.run(Trigger.SCHEDULE);

        assertThat(run.outcome()).isEqualTo("succeeded");
        assertThat(branch(run, "stable-4.19").outcome()).isEqualTo("imported");
        assertThat(currentCommit("4.19")).isEqualTo(stable419b.name());
        assertThat(jdbc.sql("""
                        select f.security_support_until from release r join revision v on v.id = r.current_revision_id
                        join support_file f on f.id = v.support_file_id where r.version = '4.19'""").query(LocalDate.class).single()).isEqualTo(LocalDate.of(2029, 7, 29));
        assertThat(dataVersion()).as("readers' caches see the change").isGreaterThan(version);
        assertThat(branch(run, "stable-4.20").outcome()).isEqualTo("unchanged");
    }

    @Test
    void withoutHistoryOnlyTheFileAtEachTipIsImportedThenHistoryCanBeTurnedOn() {
        ImportRunView run = job(git(repo, false), "stable-*", "master").run(Trigger.STARTUP);

        assertThat(run.outcome()).isEqualTo("succeeded");
        assertThat(revisions("4.19")).isEqualTo(1);
        assertThat(revisions("unstable")).isEqualTo(1);
        // The revision is the last commit that changed the file, not the branch tip.
        assertThat(currentCommit("4.19")).isEqualTo(stable419b.name());
        assertThat(currentCommit("unstable")).isEqualTo(master4.name());

        ImportRunView withHistory = job(git(repo, true), "stable-*", "master").run(Trigger.SCHEDULE);

        assertThat(branch(withHistory, "stable-4.19").revisionsImported()).isEqualTo(3);
        assertThat(revisions("4.19")).isEqualTo(4);
        assertThat(currentCommit("4.19")).isEqualTo(stable419b.name());
    }

    @Test
    void branchPatternsSelectTheBranches() {
        ImportRunView run = job(git(repo, true), "stable-4.2?").run(Trigger.ADMIN);

        assertThat(run.branches()).extracting(ImportRunView.Branch::branch).containsExactly("stable-4.20");
        assertThat(count("release")).isEqualTo(1);
    }

    @Test
    void anUpstreamThatStopsAnsweringFailsTheRunOnceTheTimeoutPasses() throws IOException {
        // Accepts connections (the kernel does, into the backlog) and never answers a byte.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + silent.getLocalPort() + "/xen.git";
            ImportRunView run = job(
                            () -> new GitSupportSource(
                                    url, temp.resolve("cache"), true, 1024 * 1024, Duration.ofSeconds(2)),
                            "stable-*",
                            "master")
                    .run(Trigger.SCHEDULE);

            assertThat(run.outcome()).isEqualTo("failed");
            assertThat(run.detail())
                    .contains("127.0.0.1:" + silent.getLocalPort())
                    .containsIgnoringCase("time out");
            assertThat(Duration.between(run.startedAt(), run.finishedAt())).isLessThan(Duration.ofSeconds(60));
            assertThat(count("release")).isZero();
        }
    }

    @Test
    void anUnreachableSourceFailsTheRunAndStoresNothing() {
        XenRepository missing = null;
        ImportRunView run = job(
                        () -> new GitSupportSource(
                                temp.resolve("no-such-repository").toString(),
                                temp.resolve("cache"),
                                true,
                                1024 * 1024,
                                Duration.ofSeconds(30)),
                        "stable-*",
                        "master")
                .run(Trigger.SCHEDULE);

        assertThat(run.outcome()).isEqualTo("failed");
        assertThat(run.detail()).contains("no-such-repository");
        assertThat(run.finishedAt()).isNotNull();
        assertThat(count("release")).isZero();
        assertThat(missing).isNull();
    }

    @Test
    void onlyOneImporterAtATimeAndNoDuplicateRows() throws Exception {
        CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
        CountDownLatch secondHasTried = new CountDownLatch(1);
        SupportSourceFactory slow = () -> new BlockingSource(git(repo, true).open(), firstHoldsTheLock, secondHasTried);
        ImportJob first = job(slow, "stable-*", "master");
        ImportJob second = job(git(repo, true), "stable-*", "master");

        ImportRunView started = first.start(Trigger.SCHEDULE);
        assertThat(firstHoldsTheLock.await(30, TimeUnit.SECONDS)).isTrue();
        ImportRunView skipped = second.run(Trigger.SCHEDULE);
        secondHasTried.countDown();

        assertThat(started.outcome()).isEqualTo("running");
        assertThat(skipped.outcome()).isEqualTo("skipped");
        assertThat(skipped.branches()).isEmpty();
        ImportRunView finished = awaitFinished(first, started.id());
        assertThat(finished.outcome()).isEqualTo("succeeded");
        assertThat(count("revision")).isEqualTo(12);

        // Both at once, without help: one imports, the other skips or finds nothing new; never duplicates.
        clear(jdbc);
        Thread other = new Thread(() -> second.run(Trigger.SCHEDULE));
        other.start();
        first.run(Trigger.SCHEDULE);
        other.join(30_000);
        assertThat(count("revision")).isEqualTo(12);
        assertThat(jdbc.sql("select count(*) from import_run where outcome = 'succeeded'")
                        .query(Long.class)
                        .single())
                .isBetween(1L, 2L);
        assertThat(jdbc.sql("select coalesce(sum(revisions_imported), 0) from import_branch_result")
                        .query(Long.class)
                        .single())
                .isEqualTo(12);
    }

    @Test
    void aLockHeldElsewhereSkipsTheRunAndAStoppedRunIsMarkedAbandoned() throws Exception {
        jdbc.sql(
                        "insert into import_run (trigger, outcome, source, started_at) values ('schedule', 'running', 'x', now())")
                .update();
        try (Connection other = dataSource.getConnection();
                PreparedStatement lock = other.prepareStatement("select pg_advisory_lock(?)")) {
            lock.setLong(1, ImportLock.KEY);
            lock.execute();
            ImportRunView skipped = job(git(repo, true), "stable-*").run(Trigger.ADMIN);
            assertThat(skipped.outcome()).isEqualTo("skipped");
            assertThat(skipped.detail()).isEqualTo("another instance was importing");
            try (PreparedStatement unlock = other.prepareStatement("select pg_advisory_unlock(?)")) {
                unlock.setLong(1, ImportLock.KEY);
                unlock.execute();
            }
        }
        assertThat(count("release")).isZero();

        ImportRunView run = job(git(repo, true), "stable-*").run(Trigger.ADMIN);

        assertThat(run.outcome()).isEqualTo("succeeded");
        assertThat(jdbc.sql("select outcome from import_run where source = 'x'")
                        .query(String.class)
                        .single())
                .isEqualTo("abandoned");
    }

    @Test
    void metricsTellDurationRevisionsAndLastSuccessPerBranch() {
        job(git(repo, true), "stable-*", "master").run(Trigger.ADMIN);

        assertThat(registry.find("xen.support.import.duration")
                        .tag("outcome", "succeeded")
                        .timer())
                .isNotNull()
                .extracting(t -> t.count())
                .isNotEqualTo(0L);
        assertThat(registry.find("xen.support.import.revisions")
                        .tag("branch", "stable-4.19")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(4.0);
        assertThat(registry.find("xen.support.import.last.success.timestamp")
                        .tag("branch", "stable-4.19")
                        .gauge()
                        .value())
                .isGreaterThan(Instant.now().minusSeconds(60).getEpochSecond());
        assertThat(registry.find("xen.support.import.parse.warnings")
                        .tag("branch", "stable-4.19")
                        .gauge())
                .isNotNull();
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

    /** Holds the first run inside the lock until the second has tried to take it. */
    private record BlockingSource(SupportSource delegate, CountDownLatch holding, CountDownLatch release)
            implements SupportSource {
        @Override
        public String describe() {
            return delegate.describe();
        }

        @Override
        public SourceRefs refs() throws java.io.IOException {
            holding.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return delegate.refs();
        }

        @Override
        public BranchRead read(SourceBranch branch, KnownBranch known) throws BranchFailure {
            return delegate.read(branch, known);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
