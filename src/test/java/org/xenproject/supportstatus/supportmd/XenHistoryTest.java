package org.xenproject.supportstatus.supportmd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The first draft of SUPPORT.md (the RFC patch of August 2017 in the xen-devel thread in shared/seeds),
 * which Xen's own tooling could not read (its {@code Limit} blocks and {@code States} typo make
 * docs/parse-support-md die). The reader must take it as it is. Skipped, visibly, without shared/.
 */
class XenHistoryTest {

    private static Path seed;
    private static SupportDocument draft;

    @BeforeAll
    static void readTheDraft() throws IOException, SupportMdRejected {
        Path corpus = Path.of(System.getProperty("xen.corpus.dir", "../shared/corpus/xen"));
        seed = corpus.resolve("../../seeds/000_74f530a59bae83c8.txt").normalize();
        if (Files.isRegularFile(seed)) {
            draft = new SupportMdReader().read(patchedFile(Files.readAllLines(seed, StandardCharsets.UTF_8)));
        }
    }

    /** Each test, not the class, is skipped without the thread, so that surefire counts and shows the skips. */
    @BeforeEach
    void needsTheThread() {
        assumeTrue(draft != null, "xen-devel thread not found at " + seed.toAbsolutePath() + ": history not checked");
    }

    /** The added lines of the quoted patch ("> +..."), from its hunk header on. */
    private static byte[] patchedFile(List<String> mail) {
        List<String> lines = new ArrayList<>();
        boolean inHunk = false;
        for (String line : mail) {
            if (line.startsWith("> @@")) {
                inHunk = true;
            } else if (inHunk && line.startsWith("> +")) {
                lines.add(line.substring(3));
            }
        }
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static FeatureStatus status(String key) {
        return draft.statuses().stream()
                .filter(s -> s.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no status " + key));
    }

    private static List<String> warnings(String fragment) {
        return draft.warnings().stream()
                .map(ParseWarning::message)
                .filter(m -> m.contains(fragment))
                .toList();
    }

    @Test
    void itsTitleWasAHeadingThen() {
        assertThat(draft.sections().get(0).key()).isEqualTo("support-statement-for-this-release");
    }

    @Test
    void releaseSupportIsAllText() {
        assertThat(draft.release().xenVersion()).isEqualTo("4.10-unstable");
        assertThat(draft.release().initialRelease()).isNull();
        assertThat(draft.release().supportedUntil()).isNull();
        assertThat(draft.release().raw())
                .containsEntry("supportedUntil", "TBD")
                .containsEntry("securitySupportUntil", "Unreleased - not yet security-supported");
        assertThat(draft.release().releaseNotes()).isNull();
    }

    @Test
    void limitBlocksAreNotedNotRead() {
        assertThat(warnings("first key 'Limit'")).hasSize(5);
        assertThat(draft.statuses()).noneMatch(s -> s.text().equals("4095"));
    }

    @Test
    void theStatesTypoIsReadAsStatus() {
        assertThat(warnings("isspelt key 'States' read as 'Status'")).hasSize(1);
    }

    @Test
    void theExperimenalTypoIsExperimental() {
        FeatureStatus paging = status("memory-paging--x86-hvm");
        assertThat(paging.text()).isEqualTo("Experimenal");
        assertThat(paging.level()).isEqualTo(SupportLevel.EXPERIMENTAL);
        assertThat(warnings("'Experimenal' read as 'Experimental'")).hasSize(1);
    }

    @Test
    void keysAreThoseXensMatrixStillUses() {
        assertThat(draft.statuses())
                .extracting(FeatureStatus::key)
                .contains(
                        "x86-64",
                        "arm-v7-virtualization-extensions",
                        "arm-v8",
                        "x86pv",
                        "xl",
                        "direct-boot-kernel-image-format--x86",
                        "libvirt-driver-for-xl");
        assertThat(status("arm-v7-virtualization-extensions").arches()).containsExactly(Arch.ARM32);
    }
}
