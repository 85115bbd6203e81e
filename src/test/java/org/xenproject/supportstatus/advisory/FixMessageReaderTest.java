package org.xenproject.supportstatus.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The reader on whole messages: line ends, size, and what it does with nothing. */
class FixMessageReaderTest {

    /** Guards against a reading that never ends; not a measure of speed (that is bench/'s). */
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    private static final String BACKPORT = """
            x86/pod: keep the count right when a decrease fails

            The count was lowered before the pages were freed, so a guest
            whose decrease failed half way was left with pages it could not
            account for.

            This is XSA-507 / CVE-2026-62434.

            Fixes: 41aa0b62699e ("PoD memory 4/9: Decrease reservation")
            Signed-off-by: Ada Lovelace <ada@example.org>
            Reviewed-by: Alan Turing <alan@example.org>
            (cherry picked from commit 372497ce42bdd56f8f7052c9154e9201d7ecf8fd)
            """;

    private static final FixMessage BACKPORT_READ = new FixMessage(
            List.of(new AdvisoryMention(507, false)),
            List.of("CVE-2026-62434"),
            "372497ce42bdd56f8f7052c9154e9201d7ecf8fd",
            List.of(new IntroducedBy("41aa0b62699e", "PoD memory 4/9: Decrease reservation")),
            List.of());

    @Test
    void aWholeBackport() {
        assertThat(FixMessageReader.read(BACKPORT)).contains(BACKPORT_READ);
    }

    @Test
    void crlfLineEndsReadTheSame() {
        assertThat(FixMessageReader.read(BACKPORT.replace("\n", "\r\n"))).contains(BACKPORT_READ);
    }

    @Test
    void loneCarriageReturnsReadAsLineEnds() {
        assertThat(FixMessageReader.read(BACKPORT.replace("\n", "\r"))).contains(BACKPORT_READ);
    }

    @Test
    void aWrappedSentenceAcrossCrlf() {
        Optional<FixMessage> fix =
                FixMessageReader.read("xen: subject\r\n\r\nThis is part of XSA-388,\r\nCVE-2021-28695.\r\n");
        assertThat(fix).map(FixMessage::cves).contains(List.of("CVE-2021-28695"));
    }

    @Test
    void noTrailingLineEnd() {
        assertThat(FixMessageReader.read("xen: subject\n\nThis is XSA-1."))
                .map(FixMessage::numbers)
                .contains(List.of(1));
    }

    @Test
    void theSubjectAloneIsNoFix() {
        assertThat(FixMessageReader.read("x86: tidy up")).isEmpty();
    }

    @Test
    void nullIsTheCallersMistake() {
        assertThatThrownBy(() -> FixMessageReader.read(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aHugeMessageWithTheFixAtItsEnd() {
        String prose = "The quick brown fox jumps over the lazy dog, again and again.\n";
        String message = "x86: a long story\n\n" + prose.repeat(100_000) + "\nThis is part of XSA-42.\n";
        Optional<FixMessage> fix = assertTimeoutPreemptively(HANG_GUARD, () -> FixMessageReader.read(message));
        assertThat(fix).map(FixMessage::advisories).contains(List.of(new AdvisoryMention(42, true)));
    }

    @Test
    void aHugeParagraphOfUnpunctuatedFixSentences() {
        String message = "x86: subject\n\n" + "This is XSA-7 and ".repeat(200_000) + "\n";
        Optional<FixMessage> fix = assertTimeoutPreemptively(HANG_GUARD, () -> FixMessageReader.read(message));
        assertThat(fix).map(FixMessage::numbers).contains(List.of(7));
    }

    @Test
    void aHugeLineWithoutAnySentence() {
        String message = "x86: subject\n\n" + "x".repeat(5_000_000) + "\n";
        assertThat(assertTimeoutPreemptively(HANG_GUARD, () -> FixMessageReader.read(message)))
                .isEmpty();
    }

    @Test
    void warningsAreCapped() {
        String message = "x86: subject\n\n" + "This is XSA 5.\n\n".repeat(1_000);
        FixMessage fix = FixMessageReader.read(message).orElseThrow();
        assertThat(fix.warnings()).hasSize(Warnings.MAX + 1);
        assertThat(fix.warnings().get(Warnings.MAX)).isEqualTo("900 further warnings not listed");
        assertThat(fix.numbers()).containsExactly(5);
    }
}
