package org.xenproject.supportstatus.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * One test per spelling of a fix sentence that xen.git's messages use, and per sentence that only
 * mentions an advisory (docs/advisories.md, "Fix sentences"). The messages are made up, shaped
 * like the real ones: a subject, a paragraph, the fix sentence, trailers.
 */
class FixSentenceSpellingsTest {

    private static String message(String fixSentence) {
        return """
                x86/mm: check the order before freeing a range

                A guest can ask for a range larger than it owns and have the
                hypervisor free pages it does not hold.

                %s

                Signed-off-by: Ada Lovelace <ada@example.org>
                Reviewed-by: Alan Turing <alan@example.org>
                """.formatted(fixSentence);
    }

    private static FixMessage fix(String message) {
        return FixMessageReader.read(message).orElseThrow(() -> new AssertionError("not read as a fix:\n" + message));
    }

    private static AdvisoryMention whole(int number) {
        return new AdvisoryMention(number, false);
    }

    private static AdvisoryMention partOf(int number) {
        return new AdvisoryMention(number, true);
    }

    @Nested
    class Accepted {

        @Test
        void thisIsXsa() {
            FixMessage fix = fix(message("This is XSA-507."));
            assertThat(fix.advisories()).containsExactly(whole(507));
            assertThat(fix.cves()).isEmpty();
            assertThat(fix.warnings()).isEmpty();
        }

        @Test
        void thisIsXsaWithoutTheFullStop() {
            assertThat(fix(message("This is XSA-507")).advisories()).containsExactly(whole(507));
        }

        @Test
        void thisIsPartOfXsa() {
            FixMessage fix = fix(message("This is part of XSA-400."));
            assertThat(fix.advisories()).containsExactly(partOf(400));
            assertThat(fix.warnings()).isEmpty();
        }

        @Test
        void xsaThenCve() {
            FixMessage fix = fix(message("This is XSA-507 / CVE-2026-62434."));
            assertThat(fix.advisories()).containsExactly(whole(507));
            assertThat(fix.cves()).containsExactly("CVE-2026-62434");
        }

        @Test
        void xsaThenCveWithoutSpacesOrFullStop() {
            FixMessage fix = fix(message("This is XSA-425/CVE-2022-42330"));
            assertThat(fix.advisories()).containsExactly(whole(425));
            assertThat(fix.cves()).containsExactly("CVE-2022-42330");
        }

        @Test
        void cveThenXsa() {
            FixMessage fix = fix(message("This is CVE-2025-58150 / XSA-477."));
            assertThat(fix.advisories()).containsExactly(whole(477));
            assertThat(fix.cves()).containsExactly("CVE-2025-58150");
        }

        @Test
        void partOfXsaThenCve() {
            FixMessage fix = fix(message("This is part of XSA-433 / CVE-2023-20593"));
            assertThat(fix.advisories()).containsExactly(partOf(433));
            assertThat(fix.cves()).containsExactly("CVE-2023-20593");
        }

        @Test
        void partOfCveThenXsa() {
            FixMessage fix = fix(message("This is part of CVE-2022-23816 / XSA-407."));
            assertThat(fix.advisories()).containsExactly(partOf(407));
            assertThat(fix.cves()).containsExactly("CVE-2022-23816");
        }

        @Test
        void cveThenPartOfXsa() {
            FixMessage fix = fix(message("This is CVE-2022-26356 / part of XSA-397."));
            assertThat(fix.advisories()).containsExactly(partOf(397));
            assertThat(fix.cves()).containsExactly("CVE-2022-26356");
        }

        @Test
        void partOfXsaThenTwoCves() {
            FixMessage fix = fix(message("This is part of XSA-410 / CVE-2022-33746 / CVE-2022-33747."));
            assertThat(fix.advisories()).containsExactly(partOf(410));
            assertThat(fix.cves()).containsExactly("CVE-2022-33746", "CVE-2022-33747");
        }

        @Test
        void partOfXsaThenCvesByCommas() {
            FixMessage fix = fix(message("This is part of XSA-388, CVE-2021-28694, CVE-2021-28695, CVE-2021-28696."));
            assertThat(fix.advisories()).containsExactly(partOf(388));
            assertThat(fix.cves()).containsExactly("CVE-2021-28694", "CVE-2021-28695", "CVE-2021-28696");
        }

        @Test
        void cveThenCommaPartOfXsa() {
            FixMessage fix = fix(message("This is CVE-2020-25602, part of XSA-340."));
            assertThat(fix.advisories()).containsExactly(partOf(340));
            assertThat(fix.cves()).containsExactly("CVE-2020-25602");
        }

        @Test
        void twoCvesJoinedByAndThenXsa() {
            FixMessage fix = fix(message("This is CVE-2021-28698 and CVE-2021-28699 / XSA-380."));
            assertThat(fix.advisories()).containsExactly(whole(380));
            assertThat(fix.cves()).containsExactly("CVE-2021-28698", "CVE-2021-28699");
        }

        @Test
        void twoCvesJoinedByAndThenPartOfXsa() {
            FixMessage fix = fix(message("This is CVE-2021-28698 and CVE-2021-28699 / part of XSA-380."));
            assertThat(fix.advisories()).containsExactly(partOf(380));
            assertThat(fix.cves()).containsExactly("CVE-2021-28698", "CVE-2021-28699");
        }

        @Test
        void twoCvesJoinedByPlusThenXsa() {
            FixMessage fix = fix(message("This is CVE-2016-3158 + CVE-2016-3159 / XSA-172."));
            assertThat(fix.advisories()).containsExactly(whole(172));
            assertThat(fix.cves()).containsExactly("CVE-2016-3158", "CVE-2016-3159");
        }

        @Test
        void partOfTheFixToASecurityIssue() {
            FixMessage fix = fix(message("This is part of the fix to a security issue, XSA-212."));
            assertThat(fix.advisories()).containsExactly(partOf(212));
            assertThat(fix.warnings()).isEmpty();
        }

        @Test
        void aSecurityProblemThenXsaAndCve() {
            FixMessage fix = fix(message("This is a security problem, XSA-108 / CVE-2014-7188."));
            assertThat(fix.advisories()).containsExactly(whole(108));
            assertThat(fix.cves()).containsExactly("CVE-2014-7188");
        }

        @Test
        void aSecurityIssueThenPartOfXsa() {
            FixMessage fix = fix(message("This is a security issue, part of XSA-123 / CVE-2015-2151."));
            assertThat(fix.advisories()).containsExactly(partOf(123));
            assertThat(fix.cves()).containsExactly("CVE-2015-2151");
        }

        @Test
        void thisPatchIsPartOf() {
            assertThat(fix(message("This patch is part of XSA-175.")).advisories())
                    .containsExactly(partOf(175));
        }

        @Test
        void everythingTogetherIsNamesTheAdvisoryOfTheCvesBefore() {
            FixMessage fix = fix(message("""
                    This is CVE-2026-62436.

                    The second half: check the version again once the lock is held.

                    This is CVE-2026-62435.

                    Everything together is XSA-501."""));
            assertThat(fix.advisories()).containsExactly(whole(501));
            assertThat(fix.cves()).containsExactly("CVE-2026-62436", "CVE-2026-62435");
        }

        @Test
        void aFixSentenceAfterAnotherSentenceOnTheSameLine() {
            FixMessage fix = fix(message("This is a denial of service.  This is XSA-18 / CVE-2012-3516."));
            assertThat(fix.advisories()).containsExactly(whole(18));
            assertThat(fix.cves()).containsExactly("CVE-2012-3516");
        }

        @Test
        void aFixSentenceInBracketsWrappedOntoTheNextLine() {
            FixMessage fix = fix(message("""
                     2. A length is checked after the copy, not before, so a long
                        value overruns the buffer.  (This is
                        XSA-137.)"""));
            assertThat(fix.advisories()).containsExactly(whole(137));
            assertThat(fix.warnings()).isEmpty();
        }

        @Test
        void aListOfIdsWrappedOntoTheNextLine() {
            FixMessage fix = fix(message("""
                    This is part of XSA-388, CVE-2021-28694,
                    CVE-2021-28695."""));
            assertThat(fix.advisories()).containsExactly(partOf(388));
            assertThat(fix.cves()).containsExactly("CVE-2021-28694", "CVE-2021-28695");
        }

        @Test
        void aFixSentenceAsAListItem() {
            assertThat(fix(message("- This is XSA-99.")).advisories()).containsExactly(whole(99));
        }

        @Test
        void wordsAfterTheListAreARemark() {
            FixMessage fix = fix(message("This is XSA-142, discovered by Grace Hopper."));
            assertThat(fix.advisories()).containsExactly(whole(142));
            assertThat(fix.warnings()).isEmpty();
        }

        @Test
        void twoAdvisoriesInOneSentence() {
            FixMessage fix = fix(message("This is part of XSA-248 and XSA-249."));
            assertThat(fix.advisories()).containsExactly(partOf(248), partOf(249));
        }

        @Test
        void severalFixSentencesInOrderOfAppearanceEachAdvisoryOnce() {
            FixMessage fix = fix(message("""
                    This is part of XSA-471 / CVE-2024-36357.

                    This is part of XSA-470 / CVE-2024-36350.

                    This is part of XSA-471 / CVE-2024-36357."""));
            assertThat(fix.advisories()).containsExactly(partOf(471), partOf(470));
            assertThat(fix.cves()).containsExactly("CVE-2024-36357", "CVE-2024-36350");
        }

        @Test
        void anAdvisoryIsPartOfOnlyWhenEverySentenceSaysSo() {
            FixMessage fix = fix(message("""
                    This is part of XSA-300.

                    Squashed with its follow-up: this is the rest of it.

                    This is XSA-300."""));
            assertThat(fix.advisories()).containsExactly(whole(300));
        }

        @Test
        void aCveOnlySentenceAddsItsCveWhenAnotherSentenceNamesTheAdvisory() {
            FixMessage fix = fix(message("""
                    This is CVE-2024-31142.

                    This is part of XSA-455."""));
            assertThat(fix.advisories()).containsExactly(partOf(455));
            assertThat(fix.cves()).containsExactly("CVE-2024-31142");
        }

        @Test
        void aMentionInPassingBesideAFixSentenceIsNotAFix() {
            FixMessage fix = fix(message("""
                    The check added for XSA-212 missed this path; see XSA-212.

                    This is XSA-213."""));
            assertThat(fix.numbers()).containsExactly(213);
        }
    }

    @Nested
    class NotFixes {

        private void notAFix(String sentence) {
            assertThat(FixMessageReader.read(message(sentence))).isEmpty();
        }

        @Test
        void aFollowup() {
            notAFix("This is a followup to XSA-175.");
        }

        @Test
        void aFollowUpWithAHyphen() {
            notAFix("This is a follow-up to XSA-385.");
        }

        @Test
        void aFollowupToTwo() {
            notAFix("This is a followup to XSA-175 and XSA-178.");
        }

        @Test
        void anUpdateToTheFix() {
            notAFix("This is an update to the fix for XSA-98.");
        }

        @Test
        void aPreparatoryPatch() {
            notAFix("This is a preparing patch for fixing XSA-60. Later patch will fix XSA-60.");
        }

        @Test
        void notReally() {
            notAFix("This is (not really) XSA-286 (but necessary to simplify the logic).");
        }

        @Test
        void onlyNotAnXsaByLuck() {
            notAFix("This is only not an XSA by luck.");
        }

        @Test
        void notAssignedAnXsa() {
            notAFix("This issue has not been assigned an XSA, because the feature is not security supported.");
        }

        @Test
        void documentsButDoesNotFix() {
            notAFix("This documents, but does not fix, XSA-370.");
        }

        @Test
        void following() {
            notAFix("Tidy up the helpers following XSA-299.");
        }

        @Test
        void see() {
            notAFix("Dom0 still comes up (see XSA-378).");
        }

        @Test
        void introducedBy() {
            notAFix("The issue was introduced by XSA-295.");
        }

        @Test
        void notAtTheStartOfASentence() {
            notAFix("We were wrong when we said this is XSA-5, and This is XSA-6 only by name.");
        }

        @Test
        void aCveAlone() {
            notAFix("This is CVE-2015-7512.");
        }

        @Test
        void theSubjectNamingAnAdvisory() {
            assertThat(FixMessageReader.read(
                            "libxl: drop a workaround (XSA-180 / CVE-2014-3672)\n\nNo longer needed.\n"))
                    .isEmpty();
        }

        @Test
        void aFixesLineAlone() {
            assertThat(FixMessageReader.read(
                            "x86: fix a leak\n\nFixes: 41aa0b62699e (\"PoD memory 4/9: Decrease reservation\")\n"))
                    .isEmpty();
        }

        @Test
        void anEmptyMessage() {
            assertThat(FixMessageReader.read("")).isEmpty();
        }

        @Test
        void onlyWhiteSpace() {
            assertThat(FixMessageReader.read(" \n\t\r\n\n")).isEmpty();
        }
    }

    @Nested
    class OddSpellings {

        @Test
        void aSpaceForTheHyphen() {
            FixMessage fix = fix(message("This is XSA 123."));
            assertThat(fix.advisories()).containsExactly(whole(123));
            assertThat(fix.warnings()).containsExactly("line 6: XSA written \"XSA 123\"; read as XSA-123");
        }

        @Test
        void noHyphen() {
            FixMessage fix = fix(message("This is part of XSA155."));
            assertThat(fix.advisories()).containsExactly(partOf(155));
            assertThat(fix.warnings()).containsExactly("line 6: XSA written \"XSA155\"; read as XSA-155");
        }

        @Test
        void lowerCase() {
            FixMessage fix = fix(message("This is xsa-123 / cve-2015-2151."));
            assertThat(fix.advisories()).containsExactly(whole(123));
            assertThat(fix.cves()).containsExactly("CVE-2015-2151");
            assertThat(fix.warnings())
                    .containsExactly(
                            "line 6: XSA written \"xsa-123\"; read as XSA-123",
                            "line 6: CVE id written \"cve-2015-2151\"; read as CVE-2015-2151");
        }

        @Test
        void leadingZeros() {
            FixMessage fix = fix(message("This is XSA-007."));
            assertThat(fix.advisories()).containsExactly(whole(7));
            assertThat(fix.warnings()).containsExactly("line 6: XSA written \"XSA-007\"; read as XSA-7");
        }

        @Test
        void theIsLeftOut() {
            FixMessage fix = fix(message("This CVE-2023-34323 / XSA-440."));
            assertThat(fix.advisories()).containsExactly(whole(440));
            assertThat(fix.cves()).containsExactly("CVE-2023-34323");
            assertThat(fix.warnings())
                    .containsExactly("line 6: fix sentence without \"is\", \"This CVE-2023-34323 / XSA-440\";"
                            + " read as \"This is ...\"");
        }

        @Test
        void aPlaceholderCveIsLeftOut() {
            FixMessage fix = fix(message("This is XSA-25 / CVE-2012-xxxx."));
            assertThat(fix.advisories()).containsExactly(whole(25));
            assertThat(fix.cves()).isEmpty();
            assertThat(fix.warnings()).containsExactly("line 6: \"CVE-2012-xxxx\" is not a CVE id; left out");
        }

        @Test
        void anAdvisoryInTheRemarkIsLeftOut() {
            FixMessage fix = fix(message("This is part of XSA-351 (or XSA-93 re-born)."));
            assertThat(fix.advisories()).containsExactly(partOf(351));
            assertThat(fix.warnings())
                    .containsExactly("line 6: \"XSA-93\" stands after the list of fixes, in"
                            + " \"(or XSA-93 re-born).\"; left out");
        }

        @Test
        void xsaZeroIsLeftOut() {
            FixMessage fix = fix(message("This is XSA-0 / XSA-12."));
            assertThat(fix.advisories()).containsExactly(whole(12));
            assertThat(fix.warnings()).containsExactly("line 6: \"XSA-0\" is not an advisory number; left out");
        }

        @Test
        void aNumberTooLargeIsLeftOutAndAloneIsNoFix() {
            assertThat(FixMessageReader.read(message("This is XSA-12345678901.")))
                    .isEmpty();
            FixMessage fix = fix(message("This is XSA-12345678901 / XSA-5."));
            assertThat(fix.advisories()).containsExactly(whole(5));
            assertThat(fix.warnings())
                    .containsExactly("line 6: \"XSA-12345678901\" is not an advisory number; left out");
        }

        @Test
        void warningsComeInLineOrder() {
            FixMessage fix = fix("""
                    x86: subject

                    This is XSA 10.

                    This is xsa-11.
                    """);
            assertThat(fix.warnings())
                    .containsExactly(
                            "line 3: XSA written \"XSA 10\"; read as XSA-10",
                            "line 5: XSA written \"xsa-11\"; read as XSA-11");
        }
    }

    @Test
    void theListsCannotBeChanged() {
        FixMessage fix = fix(message("This is XSA-507 / CVE-2026-62434."));
        assertThat(List.of(fix.advisories(), fix.cves(), fix.introducedBy(), fix.warnings()))
                .allSatisfy(list -> assertThat(list).isUnmodifiable());
    }
}
