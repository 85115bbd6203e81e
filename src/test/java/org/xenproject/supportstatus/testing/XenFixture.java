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
 * and RELEASE tags.
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

    private final Path repository;
    private final Commits commits;

    private XenFixture(Path repository, Commits commits) {
        this.repository = repository;
        this.commits = commits;
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
            repo.close();
            return new XenFixture(dir, new Commits(released, extension, last422, last421, series421));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
