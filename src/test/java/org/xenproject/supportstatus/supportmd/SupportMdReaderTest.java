package org.xenproject.supportstatus.supportmd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SupportMdReaderTest {

    private final SupportMdReader reader = new SupportMdReader();

    private SupportDocument read(String text) throws SupportMdRejected {
        return reader.read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static FeatureStatus status(SupportDocument document, String key) {
        return document.statuses().stream()
                .filter(s -> s.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no status " + key + " in " + document.statuses()));
    }

    /** The warnings, less the one every fragment without a release-support block gets. */
    private static List<ParseWarning> warnings(SupportDocument document) {
        return document.warnings().stream()
                .filter(w -> !w.message().startsWith("No release-support block"))
                .toList();
    }

    private static List<Integer> linesWarnedAbout(SupportDocument document, String fragment) {
        return document.warnings().stream()
                .filter(w -> w.message().contains(fragment))
                .map(ParseWarning::line)
                .toList();
    }

    private static final String RELEASE = """
            # Release Support

                Xen-Version: 4.19
                Initial-Release: 2024-07-29
                Supported-Until: 2026-01-29
                Security-Support-Until: 2029-07-29

            Release Notes
            : <a href="https://wiki.xenproject.org/wiki/Xen_Project_4.19_Release_Notes">RN</a>

            """;

    @Nested
    class Rejections {

        @Test
        void zeroBytesAreEmpty() {
            assertThatThrownBy(() -> reader.read(new byte[0]))
                    .isInstanceOfSatisfying(
                            SupportMdRejected.class,
                            e -> assertThat(e.reason()).isEqualTo(SupportMdRejected.Reason.EMPTY));
        }

        @Test
        void whiteSpaceAndAByteOrderMarkAreEmpty() {
            assertThatThrownBy(() -> read("\uFEFF \n\t\r\n  "))
                    .isInstanceOfSatisfying(
                            SupportMdRejected.class,
                            e -> assertThat(e.reason()).isEqualTo(SupportMdRejected.Reason.EMPTY));
        }

        @Test
        void moreThanTheLimitIsTooLarge() {
            SupportMdReader small = new SupportMdReader(10);
            assertThatThrownBy(() -> small.read("# Eleven by".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOfSatisfying(SupportMdRejected.class, e -> {
                        assertThat(e.reason()).isEqualTo(SupportMdRejected.Reason.TOO_LARGE);
                        assertThat(e.getMessage()).contains("11 bytes").contains("10");
                    });
        }

        @Test
        void exactlyTheLimitIsRead() throws SupportMdRejected {
            assertThat(new SupportMdReader(5)
                            .read("# Foo".getBytes(StandardCharsets.UTF_8))
                            .sections())
                    .hasSize(1);
        }

        @Test
        void bytesThatAreNotUtf8AreRefusedWithTheirOffset() {
            byte[] latin1 = "# Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
            assertThatThrownBy(() -> reader.read(latin1)).isInstanceOfSatisfying(SupportMdRejected.class, e -> {
                assertThat(e.reason()).isEqualTo(SupportMdRejected.Reason.NOT_UTF8);
                assertThat(e.getMessage()).contains("offset 5").contains("0xE9").contains("line 1");
            });
        }

        @Test
        void aNulByteMarksABinaryFile() {
            byte[] binary = {'#', ' ', 'X', '\n', 0, 1, 2};
            assertThatThrownBy(() -> reader.read(binary)).isInstanceOfSatisfying(SupportMdRejected.class, e -> {
                assertThat(e.reason()).isEqualTo(SupportMdRejected.Reason.BINARY);
                assertThat(e.getMessage()).contains("offset 4");
            });
        }

        @Test
        void anEncodedSurrogateIsNotUtf8() {
            byte[] cesu = {'#', ' ', (byte) 0xED, (byte) 0xA0, (byte) 0x80};
            assertThatThrownBy(() -> reader.read(cesu))
                    .isInstanceOfSatisfying(
                            SupportMdRejected.class,
                            e -> assertThat(e.reason()).isEqualTo(SupportMdRejected.Reason.NOT_UTF8));
        }
    }

    @Nested
    class Bytes {

        @Test
        void aByteOrderMarkIsDroppedWithAWarning() throws SupportMdRejected {
            SupportDocument document = read("\uFEFF# Release Support\n\n    Xen-Version: 4.19\n");
            assertThat(document.sections().get(0).key()).isEqualTo("release-support");
            assertThat(linesWarnedAbout(document, "BOM")).containsExactly(1);
        }

        @Test
        void crlfLineEndsAreReadAsLfWithOneWarning() throws SupportMdRejected {
            SupportDocument document = read("# A\r\n\r\n    Status: Supported\r\n    Status, x86: Tech Preview\r\n");
            assertThat(status(document, "a").text()).isEqualTo("Supported");
            assertThat(status(document, "a--x86").text()).isEqualTo("Tech Preview");
            assertThat(status(document, "a--x86").line()).isEqualTo(4);
            assertThat(linesWarnedAbout(document, "CRLF")).containsExactly(1);
            assertThat(warnings(document)).hasSize(1);
        }

        @Test
        void bareCrLineEndsAreLineEndsToo() throws SupportMdRejected {
            SupportDocument document = read("# A\r\r    Status: Supported\r");
            assertThat(status(document, "a").line()).isEqualTo(3);
            assertThat(linesWarnedAbout(document, "CR line ends")).containsExactly(1);
        }

        @Test
        void trailingWhiteSpaceIsCutFromTheTextAndNoted() throws SupportMdRejected {
            SupportDocument document = read("# A\n\n    Status: Support scope restricted \t\n");
            assertThat(status(document, "a").text()).isEqualTo("Support scope restricted");
            assertThat(linesWarnedAbout(document, "Trailing white space")).containsExactly(3);
        }

        @Test
        void manyTrailingSpacesGiveABoundedNumberOfWarnings() throws SupportMdRejected {
            SupportDocument document = read("# A \n".repeat(200));
            assertThat(document.warnings().size()).isLessThan(30);
            assertThat(linesWarnedAbout(document, "further lines")).hasSize(1);
        }
    }

    @Nested
    class Sections {

        @Test
        void thePandocTitleLineIsNoSection() throws SupportMdRejected {
            SupportDocument document = read("% Support statement for this release\n\nIntro.\n\n# Release Support\n");
            assertThat(document.allSections()).extracting(Section::title).containsExactly("Release Support");
        }

        @Test
        void aPercentLineLaterOnIsText() throws SupportMdRejected {
            SupportDocument document = read("# A\n\n% not a title\n");
            assertThat(document.sections().get(0).description()).containsExactly("% not a title");
        }

        @Test
        void closingHashesAreNoPartOfTheTitleAndAreNoted() throws SupportMdRejected {
            SupportDocument document = read("# Top\n\n### qemu-xen-traditional ###\n\n    Status: Supported\n");
            Section section = document.allSections().get(1);
            assertThat(section.title()).isEqualTo("qemu-xen-traditional");
            assertThat(section.key()).isEqualTo("qemu-xen-traditional");
            assertThat(linesWarnedAbout(document, "Closing hashes")).containsExactly(3);
        }

        @Test
        void headingsNestByLevelWithPathsFromTheTop() throws SupportMdRejected {
            SupportDocument document = read("""
                    # Feature Support

                    ## Guest Type

                    ### x86/PV

                    ### x86/HVM

                    ## Toolstack

                    ### xl
                    """);
            assertThat(document.sections()).hasSize(1);
            Section top = document.sections().get(0);
            assertThat(top.children()).extracting(Section::title).containsExactly("Guest Type", "Toolstack");
            Section hvm = top.children().get(0).children().get(1);
            assertThat(hvm.path()).containsExactly("Feature Support", "Guest Type", "x86/HVM");
            assertThat(hvm.level()).isEqualTo(3);
            assertThat(hvm.key()).isEqualTo("x86hvm");
            assertThat(hvm.line()).isEqualTo(7);
            assertThat(document.allSections())
                    .extracting(Section::title)
                    .containsExactly("Feature Support", "Guest Type", "x86/PV", "x86/HVM", "Toolstack", "xl");
        }

        @Test
        void repeatedHeadingsGetNumberedKeys() throws SupportMdRejected {
            SupportDocument document =
                    read("# A\n\n## ARM\n\n    Status: Supported\n\n## ARM\n\n    Status: Experimental\n\n## Arm\n");
            assertThat(document.allSections()).extracting(Section::key).containsExactly("a", "arm", "arm-1", "arm-2");
            assertThat(status(document, "arm-1").text()).isEqualTo("Experimental");
        }

        @Test
        void aSkippedLevelIsNotedAndTheSectionNestsUnderTheNearestAbove() throws SupportMdRejected {
            SupportDocument document = read("# A\n\n### C\n");
            assertThat(document.sections().get(0).children())
                    .extracting(Section::title)
                    .containsExactly("C");
            assertThat(linesWarnedAbout(document, "level 3 directly under one of level 1"))
                    .containsExactly(3);
        }

        @Test
        void aHeadingInsideAQuoteIsNoSectionButTakesItsIdentifierAsInPandoc() throws SupportMdRejected {
            SupportDocument document = read("# A\n\n> ## Foo\n\n## Foo\n");
            assertThat(document.allSections()).extracting(Section::key).containsExactly("a", "foo-1");
        }

        @Test
        void aFirstHeadingBelowLevelOneIsNotedOnce() throws SupportMdRejected {
            SupportDocument document = read("## A\n\n## B\n");
            assertThat(document.sections()).extracting(Section::title).containsExactly("A", "B");
            assertThat(linesWarnedAbout(document, "first heading is of level 2"))
                    .containsExactly(1);
        }

        @Test
        void paragraphsBeforeTheStatusBlockDescribeAndAfterItQualify() throws SupportMdRejected {
            SupportDocument document = read("""
                    # A

                    ### x86/PV

                    Traditional Xen PV guest,
                    see `xl.cfg` and [the wiki](https://wiki.xenproject.org).

                    No hardware requirements

                        Status: Supported

                    Only the following registers:

                      * MDCCSR_EL0
                      * DBGDTR_EL0
                    """);
            Section pv = document.allSections().get(1);
            assertThat(pv.description())
                    .containsExactly("Traditional Xen PV guest, see xl.cfg and the wiki.", "No hardware requirements");
            assertThat(pv.caveats()).containsExactly("Only the following registers:", "* MDCCSR_EL0\n* DBGDTR_EL0");
            assertThat(pv.statuses()).extracting(FeatureStatus::key).containsExactly("x86pv");
        }

        @Test
        void anExplicitIdentifierIsTheKey() throws SupportMdRejected {
            SupportDocument document = read("# Long title {#short}\n\n    Status: Supported\n");
            assertThat(document.sections().get(0).title()).isEqualTo("Long title");
            assertThat(status(document, "short").sectionKey()).isEqualTo("short");
        }

        @Test
        void smartDashesInAHeadingLeaveItsIdentifierAsPandocMakesIt() throws SupportMdRejected {
            // pandoc turns "--" into an en dash, which an identifier drops
            SupportDocument document = read("# Live patching -- x86\n");
            assertThat(document.sections().get(0).key()).isEqualTo("live-patching-x86");
            assertThat(document.sections().get(0).title()).isEqualTo("Live patching -- x86");
        }

        @Test
        void aHeadingRightAfterAParagraphLineIsTextAsInPandoc() throws SupportMdRejected {
            SupportDocument document = read("# A\n\nSome text\n## Not a heading\n\n    Status: Supported\n");
            assertThat(document.allSections()).extracting(Section::title).containsExactly("A");
            assertThat(document.sections().get(0).description()).containsExactly("Some text ## Not a heading");
            assertThat(status(document, "a").text()).isEqualTo("Supported");
            assertThat(linesWarnedAbout(document, "No blank line before")).containsExactly(4);
        }

        @Test
        void aListRightAfterAParagraphLineIsTextAsInPandocSoTheCodeBlockAfterItCounts() throws SupportMdRejected {
            // CommonMark would make "    Status" part of the list item; pandoc sees a paragraph, then a code block
            SupportDocument document = read("# A\n\nSome text\n* not an item\n\n    Status: Supported\n");
            assertThat(status(document, "a").text()).isEqualTo("Supported");
            assertThat(linesWarnedAbout(document, "No blank line before")).containsExactly(4);
        }

        @Test
        void aHeadingWithoutASpaceIsTextAndNoted() throws SupportMdRejected {
            SupportDocument document = read("# A\n\n##B\n");
            assertThat(document.allSections()).hasSize(1);
            assertThat(linesWarnedAbout(document, "no space after '#'")).containsExactly(3);
        }
    }

    @Nested
    class Statuses {

        @Test
        void qualifiedAndUnqualifiedLinesGetTheirKeys() throws SupportMdRejected {
            SupportDocument document = read("""
                    # Guest Type

                    ## x86/PV

                        Status, x86_64: Supported
                        Status, x86_32, shim: Supported
                        Status, x86_32, without shim: Supported, not security supported

                    ## xl

                        Status: Supported
                    """);
            assertThat(document.statuses())
                    .extracting(FeatureStatus::key)
                    .containsExactly("x86pv--x8664", "x86pv--x8632-shim", "x86pv--x8632-without-shim", "xl");
            FeatureStatus shim = status(document, "x86pv--x8632-shim");
            assertThat(shim.qualifier()).isEqualTo("x86_32, shim");
            assertThat(shim.sectionKey()).isEqualTo("x86pv");
            assertThat(shim.line()).isEqualTo(6);
            assertThat(shim.arches()).containsExactly(Arch.X86);
            FeatureStatus without = status(document, "x86pv--x8632-without-shim");
            assertThat(without.level()).isEqualTo(SupportLevel.SUPPORTED);
            assertThat(without.security()).isEqualTo(SecuritySupport.NO);
            FeatureStatus xl = status(document, "xl");
            assertThat(xl.qualifier()).isNull();
            assertThat(xl.arches()).containsExactly(Arch.X86, Arch.ARM32, Arch.ARM64);
        }

        @Test
        void supportedWithAQualifierIsReadLikeStatus() throws SupportMdRejected {
            SupportDocument document = read("""
                    # Direct-boot kernel image format

                        Supported, x86: bzImage, ELF
                        Supported, ARM32: zImage
                    """);
            FeatureStatus x86 = status(document, "direct-boot-kernel-image-format--x86");
            assertThat(x86.text()).isEqualTo("bzImage, ELF");
            assertThat(x86.level()).isEqualTo(SupportLevel.OTHER);
            assertThat(x86.security()).isEqualTo(SecuritySupport.UNKNOWN);
            assertThat(status(document, "direct-boot-kernel-image-format--arm32")
                            .arches())
                    .containsExactly(Arch.ARM32);
        }

        @Test
        void aLimitIsSplitOut() throws SupportMdRejected {
            SupportDocument document = read(
                    "# Physical Memory\n\n    Status, x86: Supported up to 12 TiB. Hosts with more memory are supported, but not security supported.\n");
            FeatureStatus x86 = status(document, "physical-memory--x86");
            assertThat(x86.limit()).isEqualTo("12 TiB");
            assertThat(x86.text()).startsWith("Supported up to 12 TiB. Hosts");
        }

        @Test
        void fencedCodeBlocksAreStatusBlocksToo() throws SupportMdRejected {
            SupportDocument document = read("# A\n\n```\nStatus: Supported\n```\n");
            assertThat(status(document, "a").line()).isEqualTo(4);
        }

        @Test
        void labelDefinitionsAreNoStatuses() throws SupportMdRejected {
            SupportDocument document = read("""
                    # Definition of Status labels

                    ### Experimental

                        Functional completeness: No
                        Functional stability: Here be dragons
                        Interface stability: Not stable
                        Security supported: No
                    """);
            assertThat(document.statuses()).isEmpty();
            assertThat(document.warnings()).extracting(ParseWarning::message).noneMatch(m -> m.contains("status"));
            assertThat(document.allSections().get(1).description().get(0)).startsWith("Functional completeness: No\n");
        }

        @Test
        void aCodeBlockOfOtherThingsIsTextQuietly() throws SupportMdRejected {
            SupportDocument document =
                    read("# A\n\n    Status: Supported\n\nRegisters:\n\n    MDCCSR_EL0\n    DBGDTR_EL0\n");
            assertThat(document.statuses()).hasSize(1);
            assertThat(document.sections().get(0).caveats()).containsExactly("Registers:", "MDCCSR_EL0\nDBGDTR_EL0");
            assertThat(warnings(document)).isEmpty();
        }

        @Test
        void aCodeBlockOfKeyValueDataWithoutStatusIsNoted() throws SupportMdRejected {
            SupportDocument document = read("# CPUs\n\n    Limit, x86: 4095\n    Limit, ARM32: 8\n");
            assertThat(document.statuses()).isEmpty();
            assertThat(linesWarnedAbout(document, "without a Status line (first key 'Limit')"))
                    .containsExactly(3);
        }

        @Test
        void aMisspeltKeyIsReadAsStatusWithAWarning() throws SupportMdRejected {
            SupportDocument document =
                    read("# Windows PV drivers\n\n    States, Windows: Supported\n    status, Linux: Supported\n");
            assertThat(status(document, "windows-pv-drivers--windows").text()).isEqualTo("Supported");
            assertThat(status(document, "windows-pv-drivers--linux").text()).isEqualTo("Supported");
            assertThat(linesWarnedAbout(document, "isspelt key 'States' read as 'Status'"))
                    .containsExactly(3);
            assertThat(linesWarnedAbout(document, "ey 'status' read as 'Status'"))
                    .containsExactly(4);
        }

        @Test
        void aWrappedValueKeepsTheTextOfItsFirstLineAsXensMatrixDoes() throws SupportMdRejected {
            SupportDocument document = read(
                    "# A\n\n    Status, x86: Supported, with caveats, see\n        the notes below\n    Status, ARM: Experimental\n");
            assertThat(status(document, "a--x86").text()).isEqualTo("Supported, with caveats, see");
            assertThat(status(document, "a--arm").text()).isEqualTo("Experimental");
            assertThat(linesWarnedAbout(document, "wrapped onto this line ('the notes below')"))
                    .containsExactly(4);
        }

        @Test
        void aLineThatIsNoStatusIsSkippedWithAWarning() throws SupportMdRejected {
            SupportDocument document = read("# A\n\n    Status: Supported\n    Limit: 4095\n");
            assertThat(document.statuses()).hasSize(1);
            assertThat(linesWarnedAbout(document, "Not a status line")).containsExactly(4);
        }

        @Test
        void aMissingSpaceAfterTheColonIsForgiven() throws SupportMdRejected {
            SupportDocument document = read("# A\n\n    Status, x86:Supported\n");
            assertThat(status(document, "a--x86").text()).isEqualTo("Supported");
            assertThat(linesWarnedAbout(document, "o space after ':'")).containsExactly(3);
        }

        @Test
        void typosInValuesAreReadAsMeantAndNamed() throws SupportMdRejected {
            SupportDocument document =
                    read("# Memory Paging\n\n    Status, x86 HVM: Experimenal\n    Status, ARM: Expermental\n");
            FeatureStatus hvm = status(document, "memory-paging--x86-hvm");
            assertThat(hvm.text()).isEqualTo("Experimenal");
            assertThat(hvm.level()).isEqualTo(SupportLevel.EXPERIMENTAL);
            assertThat(hvm.security()).isEqualTo(SecuritySupport.NO);
            assertThat(linesWarnedAbout(document, "'Experimenal' read as 'Experimental'"))
                    .containsExactly(3);
            assertThat(linesWarnedAbout(document, "'Expermental' read as 'Experimental'"))
                    .containsExactly(4);
        }

        @Test
        void aDuplicateKeyIsNotedAndTheLaterLineCountsAsInXensMatrix() throws SupportMdRejected {
            SupportDocument document = read("""
                    # PV display (frontend)

                        Status, Linux: Supported (outside of "backend allocation" mode)
                        Status, Linux: Experimental (in "backend allocation" mode)
                    """);
            assertThat(document.statuses()).singleElement().satisfies(s -> {
                assertThat(s.text()).isEqualTo("Experimental (in \"backend allocation\" mode)");
                assertThat(s.line()).isEqualTo(4);
            });
            assertThat(document.sections().get(0).statuses()).hasSize(1);
            assertThat(linesWarnedAbout(document, "Duplicate key 'pv-display-frontend--linux' (also on line 3)"))
                    .containsExactly(4);
        }

        @Test
        void aStatusBlockBeforeAnyHeadingIsIgnoredWithAWarning() throws SupportMdRejected {
            SupportDocument document = read("    Status: Supported\n\n# A\n");
            assertThat(document.statuses()).isEmpty();
            assertThat(linesWarnedAbout(document, "before the first heading")).containsExactly(1);
        }

        @Test
        void aStatusBlockInsideAListIsNotReadAsXensMatrixDoesNot() throws SupportMdRejected {
            SupportDocument document = read("# A\n\n* item\n\n        Status: Supported\n");
            assertThat(document.statuses()).isEmpty();
            assertThat(linesWarnedAbout(document, "inside a list or quote")).containsExactly(5);
        }

        @Test
        void aStatusLineThatIsNotIndentedIsTextWithAWarning() throws SupportMdRejected {
            SupportDocument document = read("# A\n\nStatus: Supported\n");
            assertThat(document.statuses()).isEmpty();
            assertThat(linesWarnedAbout(document, "not indented as a code block"))
                    .containsExactly(3);
        }

        @Test
        void aStatusLineRightAfterAParagraphLineIsTextWithAWarning() throws SupportMdRejected {
            // without a blank line, the indented line continues the paragraph: pandoc and CommonMark agree
            SupportDocument document = read("# A\n\nSome description\n    Status: Supported\n");
            assertThat(document.statuses()).isEmpty();
            assertThat(linesWarnedAbout(document, "no blank line before it continues the paragraph"))
                    .containsExactly(4);
        }

        @Test
        void statusesListEveryLineInDocumentOrderReleaseSupportIncluded() throws SupportMdRejected {
            SupportDocument document = read(RELEASE + "# Feature Support\n\n## xl\n\n    Status: Supported\n");
            assertThat(document.statuses())
                    .extracting(FeatureStatus::key)
                    .containsExactly(
                            "release-support--xen-version", "release-support--initial-release",
                            "release-support--supported-until", "release-support--security-support-until",
                            "release-support--release-notes", "xl");
        }
    }

    @Nested
    class ReleaseSupportBlock {

        @Test
        void datesAndTheReleaseNotesLink() throws SupportMdRejected {
            SupportDocument document = read(RELEASE);
            ReleaseSupport release = document.release();
            assertThat(release.xenVersion()).isEqualTo("4.19");
            assertThat(release.initialRelease()).isEqualTo(LocalDate.of(2024, 7, 29));
            assertThat(release.supportedUntil()).isEqualTo(LocalDate.of(2026, 1, 29));
            assertThat(release.securitySupportUntil()).isEqualTo(LocalDate.of(2029, 7, 29));
            assertThat(release.releaseNotes())
                    .isEqualTo("https://wiki.xenproject.org/wiki/Xen_Project_4.19_Release_Notes");
            assertThat(release.raw())
                    .containsEntry(
                            "releaseNotes",
                            "<a href=\"https://wiki.xenproject.org/wiki/Xen_Project_4.19_Release_Notes\">RN</a>");
            assertThat(release.raw()).containsEntry("supportedUntil", "2026-01-29");
            assertThat(document.warnings()).isEmpty();
        }

        @Test
        void releaseLinesAreOtherWithUnknownSecurityAndNoArchitecture() throws SupportMdRejected {
            SupportDocument document = read(RELEASE);
            FeatureStatus version = status(document, "release-support--xen-version");
            assertThat(version.qualifier()).isEqualTo("Xen-Version");
            assertThat(version.level()).isEqualTo(SupportLevel.OTHER);
            assertThat(version.security()).isEqualTo(SecuritySupport.UNKNOWN);
            assertThat(version.arches()).isEmpty();
            FeatureStatus notes = status(document, "release-support--release-notes");
            assertThat(notes.line()).isEqualTo(8);
            assertThat(notes.arches()).isEmpty();
            assertThat(document.sections().get(0).description()).isEmpty();
            assertThat(document.sections().get(0).caveats()).isEmpty();
        }

        @Test
        void textInsteadOfADateGivesNullAndKeepsTheText() throws SupportMdRejected {
            SupportDocument document = read("""
                    # Release Support

                        Xen-Version: 4.23-unstable
                        Initial-Release: n/a
                        Supported-Until: TBD
                        Security-Support-Until: Unreleased - not yet security-supported
                    """);
            ReleaseSupport release = document.release();
            assertThat(release.initialRelease()).isNull();
            assertThat(release.supportedUntil()).isNull();
            assertThat(release.securitySupportUntil()).isNull();
            assertThat(release.raw())
                    .containsEntry("initialRelease", "n/a")
                    .containsEntry("supportedUntil", "TBD")
                    .containsEntry("securitySupportUntil", "Unreleased - not yet security-supported");
            assertThat(release.releaseNotes()).isNull();
            assertThat(document.warnings()).isEmpty();
        }

        @Test
        void aMalformedDateGivesNullAndAWarning() throws SupportMdRejected {
            SupportDocument document =
                    read("# Release Support\n\n    Xen-Version: 4.19\n    Supported-Until: 2024-13-45\n");
            assertThat(document.release().supportedUntil()).isNull();
            assertThat(document.release().raw()).containsEntry("supportedUntil", "2024-13-45");
            assertThat(linesWarnedAbout(document, "'2024-13-45' is not a valid date"))
                    .containsExactly(4);
        }

        @Test
        void aDefinitionListWithABlankLineBeforeTheDefinitionIsReadToo() throws SupportMdRejected {
            SupportDocument document = read(
                    "# Release Support\n\n    Xen-Version: 4.19\n\nRelease Notes\n\n: [RN](https://example.org/rn)\n");
            assertThat(document.release().releaseNotes()).isEqualTo("https://example.org/rn");
            assertThat(status(document, "release-support--release-notes").text())
                    .isEqualTo("[RN](https://example.org/rn)");
        }

        @Test
        void noReleaseBlockIsNoted() throws SupportMdRejected {
            SupportDocument document = read("# A\n\n    Status: Supported\n");
            assertThat(document.release().xenVersion()).isNull();
            assertThat(document.release().raw()).isEmpty();
            assertThat(linesWarnedAbout(document, "No release-support block")).hasSize(1);
        }

        @Test
        void anUnknownReleaseKeyIsKeptAsAStatusAndNoted() throws SupportMdRejected {
            SupportDocument document =
                    read("# Release Support\n\n    Xen-Version: 4.19\n    Extended-Until: 2030-01-01\n");
            assertThat(status(document, "release-support--extended-until").text())
                    .isEqualTo("2030-01-01");
            assertThat(linesWarnedAbout(document, "Unknown release-support key 'Extended-Until'"))
                    .containsExactly(4);
        }
    }

    @Test
    void warningsComeInLineOrder() throws SupportMdRejected {
        SupportDocument document = read("# A \n\n    Status: Experimenal\n\n## C ##\n");
        List<Integer> lines =
                document.warnings().stream().map(ParseWarning::line).toList();
        assertThat(lines).isSorted().hasSizeGreaterThanOrEqualTo(3);
    }
}
