package org.xenproject.supportstatus.supportmd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/**
 * Whatever it is given, the reader returns a document or refuses with {@link SupportMdRejected}:
 * never another exception, never a hang (the time bound is a guard, not a benchmark).
 */
class SupportMdReaderProperties {

    private static final Duration HANG_GUARD = Duration.ofSeconds(5);

    private static final String VALID = """
            % Support statement for this release

            # Release Support

                Xen-Version: 4.19
                Initial-Release: 2024-07-29
                Supported-Until: 2026-01-29
                Security-Support-Until: 2029-07-29

            Release Notes
            : <a href="https://wiki.xenproject.org/wiki/Xen_Project_4.19_Release_Notes">RN</a>

            # Feature Support

            ## Host Architecture

            ### x86-64

                Status: Supported
                Status, Xeon Phi: Not supported.

            ### ARM v8

            Arm64 hosts.

                Status, Xen in AArch64 mode: Supported
                Status, Xen in AArch32 mode: Tech Preview

            Only the following registers:

              * MDCCSR_EL0
              * DBGDTR_EL0

            ## Toolstack

            ### Direct-boot kernel image format

                Supported, x86: bzImage, ELF

            ### qemu-xen-traditional ###

                Status, x86 HVM: Experimental

            # Definition of Status labels

            ## Experimental

                Functional completeness: No
                Security supported: No
            """;

    private final SupportMdReader reader = new SupportMdReader();

    enum Op {
        DELETE,
        DUPLICATE,
        SWAP,
        HASHES,
        INDENT,
        DEDENT,
        COLON,
        CR,
        NUL,
        LONG_LINE,
        DEEP_HEADINGS,
        DEEP_NESTING,
        TEXT
    }

    record Edit(Op op, int at, int other, String text) {}

    @Example
    void theValidDocumentReadsWithOnlyTheClosingHashesNoted() throws SupportMdRejected {
        SupportDocument document = reader.read(VALID.getBytes(StandardCharsets.UTF_8));
        assertThat(document.statuses()).hasSize(11);
        assertThat(document.warnings())
                .extracting(ParseWarning::message)
                .containsExactly("Closing hashes on the heading, ignored");
    }

    @Property(tries = 500)
    void anyText(@ForAll @StringLength(max = 3000) String text) {
        readsOrRejects(text.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 500)
    void anyBytes(@ForAll @Size(max = 3000) byte[] bytes) {
        readsOrRejects(bytes);
    }

    @Property(tries = 800)
    void anyMutationOfAValidDocument(@ForAll("mutated") String text) {
        readsOrRejects(text.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 100)
    void readingIsDeterministic(@ForAll("mutated") String text) throws SupportMdRejected {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        SupportDocument first;
        try {
            first = reader.read(bytes);
        } catch (SupportMdRejected e) {
            return;
        }
        assertThat(reader.read(bytes)).isEqualTo(first);
    }

    @Example
    void pathologicalShapesStayBounded() {
        readsOrRejects(("> ".repeat(5_000) + "x\n").getBytes(StandardCharsets.UTF_8));
        readsOrRejects(("* ".repeat(5_000) + "x\n").getBytes(StandardCharsets.UTF_8));
        readsOrRejects(("[".repeat(20_000) + "x" + "]".repeat(20_000)).getBytes(StandardCharsets.UTF_8));
        readsOrRejects(("*a ".repeat(50_000)).getBytes(StandardCharsets.UTF_8));
        readsOrRejects(("# A\n\n    Status: " + "x".repeat(900_000) + "\n").getBytes(StandardCharsets.UTF_8));
        readsOrRejects(
                "para\n#\n#\n#\n#\n#\n#\n#\n#\n#\n#\n#\n#\n".repeat(1_000).getBytes(StandardCharsets.UTF_8));
        readsOrRejects("# A\n\n    Status, x: y \n".repeat(30_000).getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<Edit> edit = Combinators.combine(
                        Arbitraries.of(Op.values()),
                        Arbitraries.integers().between(0, 10_000),
                        Arbitraries.integers().between(0, 10_000),
                        Arbitraries.strings()
                                .withChars("#:, \t\r\0>*-`%=~[](){}\\<\"'xS")
                                .ofMaxLength(8))
                .as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(10).map(SupportMdReaderProperties::apply);
    }

    private static String apply(List<Edit> edits) {
        List<String> lines = new ArrayList<>(List.of(VALID.split("\n", -1)));
        for (Edit edit : edits) {
            int n = lines.size();
            int i = n == 0 ? 0 : edit.at() % n;
            int j = n == 0 ? 0 : edit.other() % n;
            String line = n == 0 ? "" : lines.get(i);
            switch (edit.op()) {
                case DELETE -> {
                    if (n > 0) lines.remove(i);
                }
                case DUPLICATE -> {
                    if (n > 0) lines.add(i, line);
                }
                case SWAP -> {
                    if (n > 0) {
                        lines.set(i, lines.get(j));
                        lines.set(j, line);
                    }
                }
                case HASHES -> {
                    if (n > 0)
                        lines.set(i, "#".repeat(1 + edit.other() % 8) + (edit.other() % 2 == 0 ? " " : "") + line);
                }
                case INDENT -> {
                    if (n > 0) lines.set(i, (edit.other() % 2 == 0 ? "    " : "\t") + line);
                }
                case DEDENT -> {
                    if (n > 0) lines.set(i, line.stripLeading());
                }
                case COLON -> {
                    if (n > 0) lines.set(i, insert(line, edit.other(), ":"));
                }
                case CR -> {
                    if (n > 0) lines.set(i, insert(line, edit.other(), "\r"));
                }
                case NUL -> {
                    if (n > 0) lines.set(i, insert(line, edit.other(), "\0"));
                }
                case LONG_LINE ->
                    lines.add(
                            i, line.isEmpty() ? "x".repeat(20_000) : line.repeat(Math.max(1, 20_000 / line.length())));
                case DEEP_HEADINGS -> {
                    for (int level = 1; level <= 6 * (1 + edit.other() % 20); level++) {
                        lines.add(i, "#".repeat(1 + level % 6) + " Heading " + level);
                    }
                }
                case DEEP_NESTING ->
                    lines.add(
                            i,
                            (edit.other() % 2 == 0 ? "> " : "  * ").repeat(1 + edit.other() % 200)
                                    + "    Status: Supported");
                case TEXT -> {
                    if (n > 0) lines.set(i, insert(line, edit.other(), edit.text()));
                }
            }
        }
        return String.join("\n", lines);
    }

    private static String insert(String line, int at, String text) {
        int position = line.isEmpty() ? 0 : at % (line.length() + 1);
        return line.substring(0, position) + text + line.substring(position);
    }

    /** A document with sound invariants, or a refusal; anything else fails. */
    private void readsOrRejects(byte[] bytes) {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            SupportDocument document;
            try {
                document = reader.read(bytes);
            } catch (SupportMdRejected rejected) {
                assertThat(rejected.reason()).isNotNull();
                assertThat(rejected.getMessage()).isNotBlank();
                return;
            }
            checkInvariants(document, bytes);
        });
    }

    private static void checkInvariants(SupportDocument document, byte[] bytes) {
        int lines = 1;
        for (byte b : bytes) {
            if (b == '\n' || b == '\r') {
                lines++;
            }
        }
        Set<String> keys = new HashSet<>();
        for (FeatureStatus status : document.statuses()) {
            assertThat(keys.add(status.key())).as("key %s once", status.key()).isTrue();
            assertThat(status.line()).isBetween(1, lines);
            assertThat(status.text()).isNotNull();
            assertThat(status.key()).startsWith(status.sectionKey());
        }
        Set<String> sectionKeys = new HashSet<>();
        int inSections = 0;
        for (Section section : document.allSections()) {
            assertThat(sectionKeys.add(section.key()))
                    .as("section key %s once", section.key())
                    .isTrue();
            assertThat(section.path()).isNotEmpty().last().isEqualTo(section.title());
            inSections += section.statuses().size();
        }
        assertThat(inSections).isEqualTo(document.statuses().size());
        for (ParseWarning warning : document.warnings()) {
            assertThat(warning.line()).isBetween(0, lines);
            assertThat(warning.message()).isNotBlank();
        }
        assertThat(document.warnings()).extracting(ParseWarning::line).isSorted();
        assertThat(document.warnings().size()).isLessThanOrEqualTo(WarningLog.MAX_WARNINGS + 1);
    }
}
