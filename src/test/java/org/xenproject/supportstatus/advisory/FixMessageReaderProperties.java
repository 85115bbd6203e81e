package org.xenproject.supportstatus.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever the message, the reader answers: a fix or nothing, never an exception, and what it
 * answers keeps the shapes docs/advisories.md promises.
 */
class FixMessageReaderProperties {

    /** Pieces real fix messages are made of, and pieces that break them. */
    private static final List<String> PIECES = List.of(
            "This is ",
            "This patch is ",
            "Everything together is ",
            "This ",
            "part of ",
            "part of the fix to ",
            "a security issue, ",
            "XSA-",
            "XSA ",
            "xsa",
            "XSA-0",
            "CVE-",
            "cve-2020-",
            "2026-",
            "62434",
            "507",
            "7",
            "99999999999",
            " / ",
            "/",
            ", ",
            " and ",
            " + ",
            ".",
            ". ",
            "(",
            ")",
            "\"",
            "'",
            "\u201d",
            "\n",
            "\r\n",
            "\r",
            "\n\n",
            "  ",
            "\t",
            "- ",
            "2. ",
            "Fixes: ",
            "fixes: ",
            "commit ",
            "41aa0b62699e",
            "ABCDEF0123",
            " (\"",
            "\")",
            "('",
            "')",
            "(cherry picked from commit ",
            "(cherry picked from commit: ",
            "master commit: ",
            "master date: 2026-07-28",
            "Signed-off-by: A <a@example.org>",
            "see ",
            "followup to ",
            "x",
            "\u0000",
            "\uD83D\uDE00");

    @Property(tries = 1000)
    void anyText(@ForAll @StringLength(max = 2000) String text) {
        holdsItsShape(FixMessageReader.read(text));
    }

    /** Some mixes must read as fixes, or the shape checks would check nothing. */
    @Property(tries = 2000)
    void anyMixOfTheirPieces(@ForAll("pieces") String text) {
        Optional<FixMessage> read = FixMessageReader.read(text);
        Statistics.label("read as a fix").collect(read.isPresent());
        Statistics.label("read as a fix")
                .coverage(coverage -> coverage.check(true).percentage(p -> p >= 20));
        holdsItsShape(read);
    }

    @Property(tries = 200)
    void readingIsDeterministic(@ForAll("pieces") String text) {
        assertThat(FixMessageReader.read(text)).isEqualTo(FixMessageReader.read(text));
    }

    @Property(tries = 300)
    void crlfReadsAsLf(@ForAll("pieces") String text) {
        String lf = text.replace("\r\n", "\n").replace('\r', '\n');
        assertThat(FixMessageReader.read(lf.replace("\n", "\r\n"))).isEqualTo(FixMessageReader.read(lf));
    }

    /** Noise, a sentence shaped like a fix sentence (often a real one), noise. */
    @Provide
    Arbitrary<String> pieces() {
        Arbitrary<String> noise = Arbitraries.of(PIECES).list().ofMaxSize(30).map(list -> String.join("", list));
        Arbitrary<String> id = Arbitraries.of(
                        "XSA-507",
                        "XSA-1",
                        "XSA 12",
                        "xsa-3",
                        "XSA0",
                        "CVE-2026-62434",
                        "cve-2020-1234",
                        "CVE-2012-xxxx")
                .flatMap(each -> Arbitraries.of("", "part of ").map(part -> part + each));
        Arbitrary<String> list = id.list()
                .ofMinSize(1)
                .ofMaxSize(4)
                .flatMap(ids ->
                        Arbitraries.of(" / ", ", ", " and ", "/", "\n").map(separator -> String.join(separator, ids)));
        Arbitrary<String> sentence = Combinators.combine(
                        Arbitraries.of("This is ", "This patch is ", "Everything together is ", "This ", "(This is "),
                        list,
                        Arbitraries.of(".", "", ".)", " (or XSA-9).", ", found by x."))
                .as((opening, ids, end) -> opening + ids + end);
        return Combinators.combine(noise, Arbitraries.of("\n\n", "\n", ". ", " "), sentence, noise)
                .as((before, gap, fix, after) -> before + gap + fix + "\n" + after);
    }

    private static void holdsItsShape(Optional<FixMessage> read) {
        read.ifPresent(fix -> {
            assertThat(fix.advisories()).isNotEmpty().doesNotHaveDuplicates();
            assertThat(fix.numbers())
                    .doesNotHaveDuplicates()
                    .allSatisfy(n -> assertThat(n).isPositive());
            assertThat(fix.cves()).doesNotHaveDuplicates().allMatch(cve -> cve.matches("CVE-\\d{4}-\\d{4,19}"));
            if (fix.pickedFrom() != null) {
                assertThat(fix.pickedFrom()).matches("[0-9a-f]{4,40}");
            }
            assertThat(fix.introducedBy()).allMatch(named -> named.commit().matches("[0-9a-f]{4,40}"));
            assertThat(fix.introducedBy().stream().map(IntroducedBy::commit)).doesNotHaveDuplicates();
            assertThat(fix.warnings()).allMatch(w -> w.matches("(?s)line \\d+: .+|\\d+ further warnings not listed"));
        });
    }
}
