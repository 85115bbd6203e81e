package org.xenproject.supportstatus.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * One xen.git-like repository that the API tests query, built once per test JVM: master
 * (4.23-unstable), stable-4.17 whose Security-Support-Until was extended in a later commit,
 * stable-4.21 and stable-4.22 with vTPM changing between them (4.21 with a series of commits in one
 * second after its release), stable-4.9 without SUPPORT.md,
 * RELEASE tags, and security fixes on several branches ({@link Fixes}).
 */
public final class XenFixture {

    /** Commit ids the tests name. */
    /**
     * @param series421 a series of three commits on stable-4.21 after its release, in one second:
     *                  a caveat added, vTPM on x86 made Supported, both taken back (the file of
     *                  the release again)
     */
    public record Commits(
            String first417, String extension417, String last422, String last421, List<String> series421) {}

    /**
     * The security fixes, after every release's file:
     *
     * <ul>
     *   <li>XSA-500 (CVE-2026-10000), whose {@code Fixes:} line names {@code introduced}: on master,
     *       picked to stable-4.22 before RELEASE-4.22.1 ("cherry picked from commit"), to stable-4.21
     *       ("master commit:", abbreviated) and to stable-4.17 after its latest tag, RELEASE-4.17.3;
     *   <li>XSA-501, a series of two commits each "part of" it, the first with a {@code Fixes:} line
     *       naming no commit of the repository: on master, and on stable-4.22 one part before
     *       RELEASE-4.22.1 and one after; not on stable-4.21 nor stable-4.17, then security supported;
     *   <li>XSA-502 spelt {@code XSA502}, on master only.
     * </ul>
     */
    public record Fixes(
            String introduced,
            String xsa500,
            String xsa500On422,
            String xsa500On421,
            String xsa500On417,
            List<String> xsa501,
            List<String> xsa501On422,
            String xsa502) {}

    private final Path repository;
    private final Commits commits;
    private final Fixes fixes;

    private XenFixture(Path repository, Commits commits, Fixes fixes) {
        this.repository = repository;
        this.commits = commits;
        this.fixes = fixes;
    }

    public Fixes fixes() {
        return fixes;
    }

    private static Fixes securityFixes(XenRepository repo, String introduced) {
        String xsa500 = repo.commitWithMessage(
                        "master", """
                        x86/pv: check a guest's frame before mapping it

                        A guest could name a frame it does not own.

                        This is XSA-500 / CVE-2026-10000.

                        Fixes: %s ("x86/pv: map guest frames lazily")
                        Signed-off-by: Ada Author <ada@example.org>
                        """.formatted(introduced.substring(0, 12)), "xen/arch/x86/pv.c", "check; map;\n")
                .getName();
        String part1 = repo.commitWithMessage("master", """
                        xen/evtchn: bound the port before use

                        This is part of XSA-501.

                        Fixes: deadbeef0123 ("an old change of another tree")
                        """, "xen/common/event_channel.c", "bound;\n")
                .getName();
        String part2 = repo.commitWithMessage("master", """
                        xen/evtchn: drop the unbounded lookup

                        This is part of XSA-501.
                        """, "xen/common/event_channel.c", "bound; lookup;\n")
                .getName();
        String xsa502 = repo.commitWithMessage("master", """
                        tools/xenstore: limit a transaction's nodes

                        This is XSA502.
                        """, "tools/xenstore/transaction.c", "limit;\n")
                .getName();
        String on422 = backport(repo, "stable-4.22", xsa500, "(cherry picked from commit " + xsa500 + ")");
        String part1On422 = backport(repo, "stable-4.22", part1, "(cherry picked from commit " + part1 + ")");
        repo.tag("RELEASE-4.22.1", "stable-4.22");
        String part2On422 = backport(repo, "stable-4.22", part2, "(cherry picked from commit " + part2 + ")");
        String on421 = backport(
                repo,
                "stable-4.21",
                xsa500,
                "master commit: " + xsa500.substring(0, 10) + "\nmaster date: 2026-02-12 22:00:00 +0000");
        String on417 = backport(repo, "stable-4.17", xsa500, "(cherry picked from commit " + xsa500 + ")");
        return new Fixes(
                introduced,
                xsa500,
                on422,
                on421,
                on417,
                List.of(part1, part2),
                List.of(part1On422, part2On422),
                xsa502);
    }

    /** The commit's change made again on {@code branch}, its message naming where it came from. */
    private static String backport(XenRepository repo, String branch, String commit, String trailer) {
        String message = repo.message(commit);
        String file = repo.onlyFileOf(commit);
        return repo.commitWithMessage(branch, message.strip() + "\n" + trailer + "\n", file, repo.content(commit, file))
                .getName();
    }

    public static XenFixture get() {
        return Holder.FIXTURE;
    }

    private static final class Holder {
        static final XenFixture FIXTURE = build();
    }

    public String url() {
        return repository.toString();
    }

    public Commits commits() {
        return commits;
    }

    public static String supportMd(
            String version, String initial, String supported, String security, String toolstack) {
        return SupportFiles.withToolstack(version, initial, supported, security, toolstack);
    }

    private static XenFixture build() {
        try {
            Path dir = Files.createTempDirectory("xen-fixture-");
            XenRepository repo = XenRepository.create(dir);
            repo.branch("stable-4.9", "master");
            repo.commit("stable-4.9", "Old branch, no SUPPORT.md", "xen/Makefile", "all:\n");
            String first = repo.commitSupport(
                            "master", "Add SUPPORT.md", supportMd("4.17-unstable", "n/a", "TBD", "TBD", ""))
                    .getName();
            // The bug that XSA-500 fixes later, on master before any stable branch.
            String introduced = repo.commit("master", "x86/pv: map guest frames lazily", "xen/arch/x86/pv.c", "map;\n")
                    .getName();
            repo.branch("stable-4.17", "master");
            String released = repo.commitSupport(
                            "stable-4.17",
                            "Release 4.17",
                            supportMd("4.17", "2022-12-12", "2024-06-12", "2025-12-12", ""))
                    .getName();
            repo.tag("RELEASE-4.17.0", "stable-4.17");
            // The extension lands on a later day, so lifecycle as of a date before it keeps the old end.
            repo.clockAt(Instant.parse("2026-02-12T09:00:00Z"));
            String extension = repo.commitSupport(
                            "stable-4.17",
                            "SUPPORT.md: extend security support for 4.17",
                            supportMd("4.17", "2022-12-12", "2024-06-12", "2027-12-12", ""))
                    .getName();
            repo.tag("RELEASE-4.17.3", "stable-4.17");
            repo.commit("stable-4.17", "x86: unrelated fix", "xen/arch/x86/fix.c", "int x;\n");

            String vtpm421 = """
                    ### vTPM

                    Virtual Trusted Platform Module.

                        Status, x86: Tech Preview
                    """;
            String vtpm422 = """
                    ### vTPM

                    Virtual Trusted Platform Module.

                        Status, x86: Supported
                        Status, ARM: Experimental

                    ### Argo

                        Status: Experimental
                    """;
            repo.commitSupport("master", "Open 4.21", supportMd("4.21-unstable", "n/a", "TBD", "TBD", vtpm421));
            repo.branch("stable-4.21", "master");
            String released421 = supportMd("4.21", "2025-11-19", "2027-05-19", "2028-11-19", vtpm421);
            String last421 = repo.commitSupport("stable-4.21", "Release 4.21", released421)
                    .getName();
            String caveat = "\nOnly with a TPM emulator the toolstack starts.\n";
            List<String> series421 = repo
                    .seriesInOneSecond(
                            "stable-4.21",
                            "SUPPORT.md: vTPM on x86",
                            List.of(
                                    released421 + caveat,
                                    released421.replace("Status, x86: Tech Preview", "Status, x86: Supported") + caveat,
                                    released421))
                    .stream()
                    .map(RevCommit::getName)
                    .toList();
            repo.commitSupport("master", "Open 4.22", supportMd("4.22-unstable", "n/a", "TBD", "TBD", vtpm422));
            repo.branch("stable-4.22", "master");
            String last422 = repo.commitSupport(
                            "stable-4.22",
                            "Release 4.22",
                            supportMd("4.22", "2026-07-30", "2028-01-30", "2029-07-30", vtpm422))
                    .getName();
            repo.tag("RELEASE-4.22.0", "stable-4.22");
            repo.commitSupport(
                    "master",
                    "Open 4.23",
                    supportMd("4.23-unstable", "n/a", "TBD", "Unreleased - not yet security-supported", vtpm422));
            Fixes fixes = securityFixes(repo, introduced);
            repo.close();
            return new XenFixture(dir, new Commits(released, extension, last422, last421, series421), fixes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
