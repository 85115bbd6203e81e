package org.xenproject.supportstatus.supportmd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PandocIdentifierTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "x86/PV | x86pv", // '/' dropped, no hyphen for it
                "ARM v7 + Virtualization Extensions | arm-v7-virtualization-extensions", // '+' dropped, the spaces
                // collapse
                "Host ACPI (via Domain 0) | host-acpi-via-domain-0",
                "x86-64 | x86-64", // hyphens kept
                "Hypervisor synchronous console output (sync_console) | hypervisor-synchronous-console-output-sync_console",
                "XSM & FLASK | xsm-flask",
                "Version 4.10 notes | version-4.10-notes", // periods kept
                "9pfs backend | pfs-backend", // everything before the first letter goes
                "4.10 | section", // nothing left
                "'' | section",
                "Ünïcödé Lëttërs | ünïcödé-lëttërs", // letters are any script's letters
                "two  spaces   between | two-spaces-between",
            })
    void identifierOfHeadingText(String heading, String identifier) {
        assertThat(PandocIdentifier.of(heading)).isEqualTo(identifier);
    }

    @Test
    void anyWhiteSpaceSeparatesWords() {
        assertThat(PandocIdentifier.of("tab\tand\u00A0no-break space")).isEqualTo("tab-and-no-break-space");
    }

    @Test
    void repeatsGetNumberedSuffixesAcrossTheDocument() {
        PandocIdentifier identifiers = new PandocIdentifier();
        assertThat(identifiers.unique("arm")).isEqualTo("arm");
        assertThat(identifiers.unique("arm")).isEqualTo("arm-1");
        assertThat(identifiers.unique("arm")).isEqualTo("arm-2");
        assertThat(identifiers.unique("x86")).isEqualTo("x86");
    }

    @Test
    void anAutomaticIdentifierAvoidsOneAlreadyTaken() {
        PandocIdentifier identifiers = new PandocIdentifier();
        identifiers.claim("arm-1");
        assertThat(identifiers.unique("arm")).isEqualTo("arm");
        assertThat(identifiers.unique("arm")).isEqualTo("arm-2");
    }
}
