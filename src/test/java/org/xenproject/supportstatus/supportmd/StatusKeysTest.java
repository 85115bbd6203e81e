package org.xenproject.supportstatus.supportmd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusKeysTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "x86_32, shim | x8632-shim", // docs/support-md.md's example: '_' and ',' go, the space is a '-'
                "x86 HVM | x86-hvm",
                "Linux (xen-blkback) | linux-xen-blkback",
                "QEMU (xen_disk), qcow2 format | qemu-xendisk-qcow2-format",
                "SCI(F) UART | scif-uart",
                "Xen-Version | xen-version",
                "Release Notes | release-notes",
            })
    void qualifierPart(String qualifier, String part) {
        assertThat(StatusKeys.qualifierPart(qualifier)).isEqualTo(part);
    }

    @Test
    void aQualifiedLineHangsUnderItsSection() {
        assertThat(StatusKeys.key("x86pv", "x86_32, shim")).isEqualTo("x86pv--x8632-shim");
    }

    @Test
    void anUnqualifiedLineHasTheSectionKey() {
        assertThat(StatusKeys.key("xl", null)).isEqualTo("xl");
    }

    @Test
    void spacesBeforeTheColonStayInTheKeyAsThePerlScriptKeepsThem() {
        // "Status, x86 : Supported": the regex captures "x86 ", each space becomes '-'
        assertThat(StatusKeys.key("s", "x86 ")).isEqualTo("s--x86-");
    }
}
