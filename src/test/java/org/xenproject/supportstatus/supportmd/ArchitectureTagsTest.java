package org.xenproject.supportstatus.supportmd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ArchitectureTagsTest {

    /** The qualifiers of docs/support-md.md, "Architectures", and what they name. Columns: qualifier | arches (space-separated, '-' for none). */
    static final String[] QUALIFIERS = {
        "x86 | x86",
        "x86 HVM | x86",
        "x86 PV | x86",
        "x86_64 | x86",
        "x86_32, shim | x86",
        "x86/shim | x86",
        "x86 HVM/PVH, HAP | x86",
        "Xeon Phi | x86",
        "ARM | arm32 arm64",
        "PL011 UART (ARM) | arm32 arm64",
        "Arm32 | arm32",
        "ARM32 | arm32",
        "Xen in AArch32 mode | arm32",
        "Arm64 | arm64",
        "ARM64 | arm64",
        "Xen in AArch64 mode | arm64",
        "Xen in Armv8-R | arm32 arm64",
        "ARM SMMUv1 | arm32 arm64",
        "Cortex A57 r0p0-r1p1 | arm32 arm64",
        "Intel VT-d | x86",
        "AMD IOMMU | x86",
        "Renesas IPMMU-VMSA | arm32 arm64",
        "SCI(F) UART | arm32 arm64",
        "SMMUv3 | arm32 arm64",
        "GICv3 | arm32 arm64",
        "Linux | -",
        "QEMU | -",
        "FreeBSD | -",
        "dom0 | -",
        "NS16550 | -",
    };

    static Stream<Arguments> qualifiers() {
        return Stream.of(QUALIFIERS)
                .map(row -> row.split("\\|"))
                .map(cells -> Arguments.of(cells[0].strip(), cells[1].strip()));
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @MethodSource("qualifiers")
    void qualifierNamesItsArchitectures(String qualifier, String arches) {
        assertThat(ArchitectureTags.named(qualifier)).isEqualTo(arches(arches));
    }

    @Test
    void theQualifiersAboveUseEveryRowOfTheTable() {
        Set<Integer> used = new HashSet<>();
        for (String row : QUALIFIERS) {
            used.addAll(ArchitectureTags.rowsOf(row.split("\\|")[0].strip()));
        }
        assertThat(used)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, ArchitectureTags.TABLE.size())
                        .boxed()
                        .toList());
    }

    @Test
    void aQualifierThatNamesNoneFallsBackToTheNearestArchitectureHeading() {
        assertThat(ArchitectureTags.of("Linux", List.of("Guest Type", "x86/PV")))
                .containsExactly(Arch.X86);
        assertThat(ArchitectureTags.of("QEMU", List.of("Virtual Hardware", "ARM/GICv3")))
                .containsExactly(Arch.ARM32, Arch.ARM64);
    }

    @Test
    void anUnqualifiedStatusTakesItsSectionsArchitecture() {
        assertThat(ArchitectureTags.of(null, List.of("Host Architecture", "x86-64")))
                .containsExactly(Arch.X86);
        assertThat(ArchitectureTags.of(null, List.of("Host Architecture", "ARM v8")))
                .containsExactly(Arch.ARM32, Arch.ARM64);
        assertThat(ArchitectureTags.of(null, List.of("Features", "ARM: 16K and 64K page granularity in guests")))
                .containsExactly(Arch.ARM32, Arch.ARM64);
    }

    @Test
    void anArmHeadingThatNamesAWidthHasThatWidthOnly() {
        assertThat(ArchitectureTags.of(null, List.of("Host Architecture", "ARM v7 + Virtualization Extensions")))
                .containsExactly(Arch.ARM32);
    }

    @Test
    void theInnermostArchitectureHeadingWins() {
        assertThat(ArchitectureTags.of(null, List.of("x86 things", "ARM/inner")))
                .containsExactly(Arch.ARM32, Arch.ARM64);
    }

    @Test
    void onlyAHeadingThatStartsWithTheArchitectureCounts() {
        // "Host ACPI (via Domain 0)" mentions no architecture at its start: all three
        assertThat(ArchitectureTags.of(null, List.of("Feature Support", "Emulated x86 devices")))
                .containsExactly(Arch.X86, Arch.ARM32, Arch.ARM64);
    }

    @Test
    void theQualifierBeatsTheHeading() {
        assertThat(ArchitectureTags.of("ARM", List.of("x86/PV"))).containsExactly(Arch.ARM32, Arch.ARM64);
    }

    @Test
    void withNoArchitectureAnywhereAllThree() {
        assertThat(ArchitectureTags.of("Linux", List.of("Toolstack", "xl")))
                .containsExactly(Arch.X86, Arch.ARM32, Arch.ARM64);
        assertThat(ArchitectureTags.of(null, List.of())).containsExactly(Arch.X86, Arch.ARM32, Arch.ARM64);
    }

    @Test
    void bothFamiliesWhenBothAreNamed() {
        assertThat(ArchitectureTags.named("x86 and Arm64")).containsExactly(Arch.X86, Arch.ARM64);
    }

    private static List<Arch> arches(String ids) {
        if (ids.equals("-")) {
            return List.of();
        }
        return Arrays.stream(ids.split(" ")).map(Arch::fromId).toList();
    }
}
