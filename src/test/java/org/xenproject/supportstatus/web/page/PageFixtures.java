package org.xenproject.supportstatus.web.page;

import static org.xenproject.supportstatus.testing.SupportFiles.supportMd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xenproject.supportstatus.imports.ImportJob;
import org.xenproject.supportstatus.imports.ImportRunView;
import org.xenproject.supportstatus.store.ImportRun;
import org.xenproject.supportstatus.testing.ImportedData;
import org.xenproject.supportstatus.testing.XenRepository;

/**
 * The releases the page tests look at, in a repository shaped like xen.git, imported by the real
 * importer: {@code unstable}, 4.20 (supported on {@link #DAY}), 4.19 (security fixes only, with a
 * second revision that moved its security support date; point releases 4.19.0 to 4.19.2) and 4.17
 * (unsupported; point release 4.17.0). 4.20 has no RELEASE tag yet. 4.19 has XSA-500's fix since
 * 4.19.1 and XSA-501's on the branch only. Features are
 * x86-only, Arm-only and for every architecture; one status text is hostile HTML.
 */
final class PageFixtures {

    /** The day the tests' clock says it is. */
    static final Instant DAY = Instant.parse("2026-06-01T12:00:00Z");

    static final String XSA_500 = """
            x86: check a guest's frame before mapping it

            This is XSA-500 / CVE-2026-10000.
            """;

    static final String XSA_501 = """
            xen/gnttab: bound the grant before use

            This is XSA-501.
            """;

    static final String HOSTILE = "<script>alert(\"owned\")</script> & <b>bold</b>";

    private PageFixtures() {}

    static Clock fixedClock() {
        return Clock.fixed(DAY, ZoneOffset.UTC);
    }

    /** Builds the repository in {@code dir}, replacing whatever an earlier run left there. */
    static Path buildRepository(Path dir) {
        delete(dir);
        try (XenRepository repo = XenRepository.create(dir)) {
            repo.commitSupport("master", "Add SUPPORT.md", file("4.17-unstable", "n/a", "n/a", "n/a", false));
            repo.branch("stable-4.17", "master");
            repo.commitSupport(
                    "stable-4.17", "Release 4.17.0", file("4.17", "2022-12-12", "2024-06-12", "2025-12-12", false));
            repo.tag("RELEASE-4.17.0", "stable-4.17");
            repo.commitSupport("master", "SUPPORT.md: start 4.19", file("4.19-unstable", "n/a", "n/a", "n/a", false));
            repo.branch("stable-4.19", "master");
            repo.commitSupport(
                    "stable-4.19", "Release 4.19.0", file("4.19", "2024-07-29", "2026-01-29", "2027-07-29", false));
            // Point releases of 4.19 on days of their own (the tag's day is the point release's).
            repo.clockAt(Instant.parse("2024-07-29T10:00:00Z"));
            repo.tag("RELEASE-4.19.0", "stable-4.19");
            repo.clockAt(Instant.parse("2024-11-20T10:00:00Z"));
            // XSA-500 fixed on master, then on 4.19 before its point release 4.19.1.
            String fix = repo.commitWithMessage("master", XSA_500, "xen/arch/x86/fix.c", "int fixed;\n")
                    .getName();
            repo.commitWithMessage(
                    "stable-4.19",
                    XSA_500 + "(cherry picked from commit " + fix + ")\n",
                    "xen/arch/x86/fix.c",
                    "int fixed;\n");
            repo.tag("RELEASE-4.19.1", "stable-4.19");
            repo.commitSupport(
                    "stable-4.19",
                    "SUPPORT.md: extend security support of 4.19",
                    file("4.19", "2024-07-29", "2026-01-29", "2027-12-12", false));
            repo.clockAt(Instant.parse("2025-04-09T10:00:00Z"));
            repo.tag("RELEASE-4.19.2", "stable-4.19");
            // XSA-501 on 4.19 after its latest point release: pending there.
            repo.commitWithMessage("stable-4.19", XSA_501, "xen/common/grant_table.c", "int bounded;\n");
            repo.commitSupport("master", "SUPPORT.md: start 4.20", file("4.20-unstable", "n/a", "n/a", "n/a", false));
            repo.branch("stable-4.20", "master");
            repo.commitSupport(
                    "stable-4.20", "Release 4.20.0", file("4.20", "2025-03-05", "2026-09-05", "2028-03-05", false));
            repo.commitSupport(
                    "master", "SUPPORT.md: vTPM for unstable", file("4.21-unstable", "n/a", "n/a", "n/a", true));
        }
        return dir;
    }

    /** Empties the import tables and imports everything from the configured source. */
    static ImportRunView importAll(JdbcClient jdbc, ImportJob job) {
        ImportedData.clear(jdbc);
        ImportRunView run = job.run(ImportRun.Trigger.ADMIN);
        if (!"succeeded".equals(run.outcome())) {
            throw new AssertionError("import did not succeed: " + run);
        }
        return run;
    }

    /**
     * SupportFiles' file (x86-64, ARM v8, x86/PV) and a toolstack section with a status for every
     * architecture, one per security kind, and a live-patching status per architecture.
     */
    private static String file(String version, String initial, String supported, String security, boolean vtpm) {
        StringBuilder text = new StringBuilder(supportMd(version, initial, supported, security));
        text.append("""
                ## Toolstack

                ### xl

                The xl command line tool.

                    Status: Supported

                ### Live Patching

                    Status, x86: Supported
                    Status, ARM: Experimental

                Compiled in only when asked for.

                ### Nested Virtualization

                    Status, x86 HVM: Tech Preview

                ### Grant Tables

                    Status: Supported, with caveats

                ### PV Console

                    Status: Supported, Security support external

                """);
        if (vtpm) {
            text.append("""
                    ### Virtual TPM

                    A hostile description: `<img src=x onerror=alert(1)>` &amp; more

                        Status, Linux: {hostile}

                    """.replace("{hostile}", HOSTILE));
        }
        return text.toString();
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
