package org.xenproject.supportstatus.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The trailers of a fix: the commit it was picked from, and the commits its {@code Fixes:} lines
 * name (docs/advisories.md, "Trailers").
 */
class FixMessageTrailersTest {

    private static FixMessage fix(String trailers) {
        String message = """
                x86/pod: keep the count right when a decrease fails

                The count was lowered before the pages were freed.

                This is XSA-507 / CVE-2026-62434.

                %s""".formatted(trailers);
        return FixMessageReader.read(message).orElseThrow(() -> new AssertionError("not read as a fix:\n" + message));
    }

    @Nested
    class PickedFrom {

        @Test
        void cherryPicked() {
            FixMessage fix = fix("""
                    Signed-off-by: Ada Lovelace <ada@example.org>
                    (cherry picked from commit 372497ce42bdd56f8f7052c9154e9201d7ecf8fd)
                    """);
            assertThat(fix.pickedFrom()).isEqualTo("372497ce42bdd56f8f7052c9154e9201d7ecf8fd");
            assertThat(fix.warnings()).isEmpty();
        }

        @Test
        void masterCommit() {
            FixMessage fix = fix("""
                    Signed-off-by: Ada Lovelace <ada@example.org>
                    master commit: 1cc1f4d7a0471f3bf9126ee7b1956db66ee28b58
                    master date: 2026-07-14 17:31:08 +0100
                    """);
            assertThat(fix.pickedFrom()).isEqualTo("1cc1f4d7a0471f3bf9126ee7b1956db66ee28b58");
            assertThat(fix.warnings()).isEmpty();
        }

        @Test
        void abbreviatedAndUpperCaseAsWrittenInLowerCase() {
            assertThat(fix("(cherry picked from commit 372497CE42BD)\n").pickedFrom())
                    .isEqualTo("372497ce42bd");
        }

        @Test
        void noneIsNull() {
            assertThat(fix("Signed-off-by: Ada Lovelace <ada@example.org>\n").pickedFrom())
                    .isNull();
        }

        @Test
        void theMasterCommitWinsOverACherryPick() {
            FixMessage fix = fix("""
                    master commit: 5d90ff79542ab9c6eebe5c315c68c196bcf353b9
                    master date: 2019-12-09 14:02:35 +0100

                    (cherry picked from commit 14b62ab3e5a79816edfc6dd3afce1bb68c106ac5)
                    """);
            assertThat(fix.pickedFrom()).isEqualTo("5d90ff79542ab9c6eebe5c315c68c196bcf353b9");
            assertThat(fix.warnings())
                    .containsExactly("line 7: picked from 2 commits (5d90ff79542ab9c6eebe5c315c68c196bcf353b9,"
                            + " 14b62ab3e5a79816edfc6dd3afce1bb68c106ac5); read as picked from"
                            + " 5d90ff79542ab9c6eebe5c315c68c196bcf353b9");
        }

        @Test
        void aSquashOfTwoMasterCommitsIsPickedFromTheFirst() {
            FixMessage fix = fix("""
                    master commit: 880e40b187aa7c50cb32b20498aeed622f0062c7
                    master date: 2026-05-28 16:19:16 +0100
                    master commit: 7e11543c53396ea2e59320127573bf4151fae008
                    master date: 2026-06-03 08:17:56 +0200
                    """);
            assertThat(fix.pickedFrom()).isEqualTo("880e40b187aa7c50cb32b20498aeed622f0062c7");
            assertThat(fix.warnings()).hasSize(1).first().asString().contains("picked from 2 commits");
        }

        @Test
        void theSameCommitTwiceIsNoWarning() {
            FixMessage fix = fix("""
                    (cherry picked from commit 372497ce42bd)
                    (cherry picked from commit 372497ce42bd)
                    """);
            assertThat(fix.pickedFrom()).isEqualTo("372497ce42bd");
            assertThat(fix.warnings()).isEmpty();
        }

        @Test
        void aColonAfterCommitIsTakenWithAWarning() {
            FixMessage fix = fix("(cherry picked from commit: c7cff1188802646eaa38e918e5738da0e84949be)\n");
            assertThat(fix.pickedFrom()).isEqualTo("c7cff1188802646eaa38e918e5738da0e84949be");
            assertThat(fix.warnings())
                    .containsExactly("line 7: \"(cherry picked from commit:\" with a colon; read as without");
        }

        @Test
        void anIndentedNoteIsQuotedTextNotTheCommitsOwn() {
            FixMessage fix = fix("""
                    Also the remnants of:

                      x86: expose more bits to the hardware domain
                      (cherry picked from commit e83cd54611fec5b7a539fa1281a14319143490e6)
                    """);
            assertThat(fix.pickedFrom()).isNull();
        }

        @Test
        void aNoteWithoutACommitIsLeftOutWithAWarning() {
            FixMessage fix = fix("(cherry picked from commit )\n");
            assertThat(fix.pickedFrom()).isNull();
            assertThat(fix.warnings())
                    .containsExactly("line 7: \"(cherry picked from commit )\" names no commit id; left out");
        }
    }

    @Nested
    class IntroducedByLines {

        @Test
        void quotedSubjectAsGitWritesIt() {
            FixMessage fix = fix("Fixes: 41aa0b62699e (\"PoD memory 4/9: Decrease reservation\")\n");
            assertThat(fix.introducedBy())
                    .containsExactly(new IntroducedBy("41aa0b62699e", "PoD memory 4/9: Decrease reservation"));
            assertThat(fix.warnings()).isEmpty();
        }

        @Test
        void severalInOrder() {
            FixMessage fix = fix("""
                    Fixes: a98dc13703e0 ("Introduce a grant_entry_v2 structure")
                    Fixes: 005c2723972f ("Finished virtualisation of x86 LDT")
                    Signed-off-by: Ada Lovelace <ada@example.org>
                    """);
            assertThat(fix.introducedBy())
                    .containsExactly(
                            new IntroducedBy("a98dc13703e0", "Introduce a grant_entry_v2 structure"),
                            new IntroducedBy("005c2723972f", "Finished virtualisation of x86 LDT"));
        }

        @Test
        void theSameCommitTwiceOnce() {
            FixMessage fix = fix("""
                    Fixes: a98dc13703e0 ("Introduce a grant_entry_v2 structure")
                    Fixes: a98dc13703e0 ("Introduce a grant_entry_v2 structure")
                    """);
            assertThat(fix.introducedBy()).hasSize(1);
        }

        @Test
        void singleQuotes() {
            assertThat(fix("Fixes: 65f82d4ce1ea ('x86: introduce ioremap_wc()')\n")
                            .introducedBy())
                    .containsExactly(new IntroducedBy("65f82d4ce1ea", "x86: introduce ioremap_wc()"));
        }

        @Test
        void doubleQuotesWithoutBrackets() {
            assertThat(fix("Fixes: 65f82d4ce1ea \"xen/pvh: Fix segment selector ABI\"\n")
                            .introducedBy())
                    .containsExactly(new IntroducedBy("65f82d4ce1ea", "xen/pvh: Fix segment selector ABI"));
        }

        @Test
        void bracketsWithoutQuotesKeepBracketsOfTheSubject() {
            assertThat(fix("Fixes: 65f82d4ce1ea (automation: update test scripts (tty))\n")
                            .introducedBy())
                    .containsExactly(new IntroducedBy("65f82d4ce1ea", "automation: update test scripts (tty)"));
        }

        @Test
        void noSpaceBeforeTheBracket() {
            assertThat(fix("Fixes: 65f82d4ce1ea(\"x86: introduce ioremap_wc()\")\n")
                            .introducedBy())
                    .containsExactly(new IntroducedBy("65f82d4ce1ea", "x86: introduce ioremap_wc()"));
        }

        @Test
        void commitBeforeTheId() {
            assertThat(fix("Fixes: commit 65f82d4ce1ea (\"x86: introduce ioremap_wc()\")\n")
                            .introducedBy())
                    .containsExactly(new IntroducedBy("65f82d4ce1ea", "x86: introduce ioremap_wc()"));
        }

        @Test
        void aFullIdWithoutSubject() {
            FixMessage fix = fix("Fixes: 485AB1B5DB0F358625FAFE2DF4E41E3EF008AED8\n");
            assertThat(fix.introducedBy())
                    .containsExactly(new IntroducedBy("485ab1b5db0f358625fafe2df4e41e3ef008aed8", null));
            assertThat(fix.warnings()).isEmpty();
        }

        @Test
        void aSubjectWrappedOntoTheNextLine() {
            FixMessage fix = fix("""
                    Fixes: 0fdb48ffe7a1 ("libxl: Make sure devices added by pci-attach are
                    reflected in the config")
                    Signed-off-by: Ada Lovelace <ada@example.org>
                    """);
            assertThat(fix.introducedBy())
                    .containsExactly(new IntroducedBy(
                            "0fdb48ffe7a1",
                            "libxl: Make sure devices added by pci-attach are reflected in the config"));
            assertThat(fix.warnings()).isEmpty();
        }

        @Test
        void aMissingClosingQuoteKeepsTheSubjectsOwnBrackets() {
            FixMessage fix = fix("Fixes: 65f82d4ce1ea (\"IOMMU: also pass p2m_access_t to p2m_get_iommu_flags())\n");
            assertThat(fix.introducedBy())
                    .containsExactly(
                            new IntroducedBy("65f82d4ce1ea", "IOMMU: also pass p2m_access_t to p2m_get_iommu_flags()"));
            assertThat(fix.warnings()).hasSize(1).first().asString().contains("quotes do not match");
        }

        @Test
        void aTypographicClosingQuote() {
            FixMessage fix = fix("Fixes: 65f82d4ce1ea (\"xen/arm: smmuv1: Intelligent SMR allocation\u201d)\n");
            assertThat(fix.introducedBy())
                    .containsExactly(new IntroducedBy("65f82d4ce1ea", "xen/arm: smmuv1: Intelligent SMR allocation"));
            assertThat(fix.warnings()).hasSize(1).first().asString().contains("quotes do not match");
        }

        @Test
        void aBareSubjectIsTakenWithAWarning() {
            FixMessage fix = fix("Fixes: 65f82d4ce1ea sched: fix locking in free_vdata()\n");
            assertThat(fix.introducedBy())
                    .containsExactly(new IntroducedBy("65f82d4ce1ea", "sched: fix locking in free_vdata()"));
            assertThat(fix.warnings())
                    .containsExactly("line 7: Fixes: subject not quoted, \"sched: fix locking in free_vdata()\";"
                            + " taken as it stands");
        }

        @Test
        void aLineWithoutACommitIdIsLeftOutWithAWarning() {
            FixMessage fix = fix("""
                    Fixes: Yet another hardware quirk
                    Fixes: https://example.org/logs/66454/
                    Fixes: added checks
                    """);
            assertThat(fix.introducedBy()).isEmpty();
            assertThat(fix.warnings())
                    .containsExactly(
                            "line 7: \"Fixes: Yet another hardware quirk\" names no commit id; left out",
                            "line 8: \"Fixes: https://example.org/logs/66454/\" names no commit id; left out",
                            "line 9: \"Fixes: added checks\" names no commit id; left out");
        }

        @Test
        void aLowerCaseKeyIsTakenWithAWarning() {
            FixMessage fix = fix("fixes: 65f82d4ce1ea (\"x86: introduce ioremap_wc()\")\n");
            assertThat(fix.introducedBy()).hasSize(1);
            assertThat(fix.warnings()).containsExactly("line 7: trailer written \"fixes:\"; read as \"Fixes:\"");
        }

        @Test
        void anIndentedLineIsQuotedText() {
            FixMessage fix = fix("""
                    Ported from Linux, whose commit said:

                        Fixes: aeb823bbacc2 ("ACPICA: ACPI 6.0: Add changes for FADT table.")
                    """);
            assertThat(fix.introducedBy()).isEmpty();
        }
    }
}
