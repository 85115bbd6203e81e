package org.xenproject.supportstatus.supportmd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class StatusNormaliserTest {

    /** One line per row of the table in docs/support-md.md (and per label in it). Columns: text | level | security | limit. */
    static final String[] ROWS = {
        "Supported | supported | yes | ",
        "Security supported | supported | yes | ",
        "Supported, with caveats | supported | conditional | ",
        "Support scope restricted | supported | conditional | ",
        "Supported, security supported only when run de-privileged | supported | conditional | ",
        "Supported (outside of \"backend allocation\" mode) | supported | conditional | ",
        "Supported, not security supported | supported | no | ",
        "Supported, Security support external | supported | external | ",
        "Supported up to 4096 | supported | yes | 4096",
        "Supported up to 12 TiB. Hosts with more memory are supported, but not security supported. | supported | yes | 12 TiB",
        "Deprecated | deprecated | yes | ",
        "Tech Preview | tech-preview | no | ",
        "Preview | tech-preview | no | ",
        "Tech Preview, with limited support | tech-preview | no | ",
        "Experimental | experimental | no | ",
        "Experimental (in \"backend allocation\" mode) | experimental | no | ",
        "No security support, not recommended | supported | no | ",
        "Not supported | not-supported | no | ",
        "Not functional | not-functional | no | ",
        "Not implemented | not-implemented | no | ",
    };

    static Stream<Arguments> rows() {
        return Stream.of(ROWS)
                .map(row -> row.split("\\|", -1))
                .map(cells -> Arguments.of(
                        cells[0].strip(),
                        cells[1].strip(),
                        cells[2].strip(),
                        cells[3].isBlank() ? null : cells[3].strip()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void everyRowOfTheTable(String text, String level, String security, String limit) {
        StatusNormaliser.Normalised normalised = StatusNormaliser.normalise(text);
        assertThat(normalised.level().id()).isEqualTo(level);
        assertThat(normalised.security().id()).isEqualTo(security);
        assertThat(normalised.limit()).isEqualTo(limit);
        assertThat(normalised.typoOf()).isNull();
    }

    @Test
    void theCasesAboveReachEveryRowOfTheTable() {
        Set<Integer> reached = new HashSet<>();
        for (String row : ROWS) {
            reached.add(StatusNormaliser.rowOf(row.split("\\|")[0].strip()));
        }
        assertThat(reached)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, StatusNormaliser.TABLE.size())
                        .boxed()
                        .toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "SUPPORTED | supported",
                "Not supported. | not-supported", // trailing full stop ignored
                "Supported,   not security  supported | supported", // runs of white space are one
                "supported, NOT security supported | supported",
            })
    void caseWhiteSpaceAndAFullStopDoNotMatter(String text, String level) {
        assertThat(StatusNormaliser.normalise(text).level().id()).isEqualTo(level);
        assertThat(StatusNormaliser.normalise(text).typoOf()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Experimenal | experimental | Experimental",
                "Expermental | experimental | Experimental",
                "Tech Preveiw | tech-preview | Tech preview",
                "Experimenal (in some mode) | experimental | Experimental",
                "Supported, with cavaets | supported | Supported, with caveats",
            })
    void typosAreReadAsTheLabelTheyMiss(String text, String level, String label) {
        StatusNormaliser.Normalised normalised = StatusNormaliser.normalise(text);
        assertThat(normalised.level().id()).isEqualTo(level);
        assertThat(normalised.typoOf()).isEqualTo(label);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "bzImage, ELF",
                "Image",
                "Unsupported", // two edits from 'Supported': not a typo of it
                "4.23-unstable",
                "Supported up to", // no limit given
                "Maybe",
            })
    void anythingElseIsOtherWithUnknownSecurity(String text) {
        StatusNormaliser.Normalised normalised = StatusNormaliser.normalise(text);
        assertThat(normalised.level()).isEqualTo(SupportLevel.OTHER);
        assertThat(normalised.security()).isEqualTo(SecuritySupport.UNKNOWN);
        assertThat(normalised.typoOf()).isNull();
    }

    @Test
    void aLimitWithADecimalPointIsKeptWhole() {
        assertThat(StatusNormaliser.normalise("Supported up to 1.5 TiB").limit())
                .isEqualTo("1.5 TiB");
        assertThat(StatusNormaliser.normalise("Supported up to 12 GiB.").limit())
                .isEqualTo("12 GiB");
    }
}
