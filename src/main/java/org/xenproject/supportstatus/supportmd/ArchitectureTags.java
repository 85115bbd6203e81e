package org.xenproject.supportstatus.supportmd;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which host architectures a status applies to (docs/support-md.md, "Architectures"): from its qualifier if that names one,
 * else from the nearest enclosing heading that starts with {@code x86} or {@code ARM}, else all.
 * Operating systems and implementations ({@code Linux}, {@code QEMU}, {@code dom0}) name none.
 */
final class ArchitectureTags {

    /** What a table row says when its pattern is found. */
    enum Tag {
        X86,
        ARM32,
        ARM64,
        ARM_EITHER
    }

    /** A pattern in lower case, matched against the lower-cased text (cheaper than case-insensitive matching). */
    record Row(Pattern pattern, Tag tag) {
        Row(String regex, Tag tag) {
            this(Pattern.compile(regex), tag);
        }
    }

    /**
     * Every row whose pattern occurs counts. {@code ARM_EITHER} (Arm named, width not) means both Arm
     * tags unless another row named a width: {@code Xen in AArch32 mode} is arm32 alone.
     */
    static final List<Row> TABLE = List.of(
            new Row("\\bx86", Tag.X86), // x86, x86 HVM, x86_64, x86_32, x86/shim
            new Row("\\bxeon\\b", Tag.X86), // Xeon Phi
            new Row("\\bintel\\b|\\bvmx\\b", Tag.X86), // Intel VT-d
            new Row("\\bamd\\b|\\bsvm\\b", Tag.X86), // AMD IOMMU
            new Row(
                    "\\baarch32\\b|\\barm\\s?32\\b|\\barm\\s?v7",
                    Tag.ARM32), // Arm32, ARM32, Xen in AArch32 mode, ARM v7
            new Row("\\baarch64\\b|\\barm\\s?64\\b", Tag.ARM64), // Arm64, ARM64, Xen in AArch64 mode
            new Row("\\barm", Tag.ARM_EITHER), // ARM, (ARM), Armv8-R, ARM SMMUv1, * UART (ARM)
            new Row("\\bcortex\\b", Tag.ARM_EITHER), // Cortex A57 r0p0-r1p1
            new Row("\\brenesas\\b|\\bipmmu\\b|\\bsci\\(f\\)", Tag.ARM_EITHER), // Renesas IPMMU-VMSA, SCI(F) UART
            new Row("\\bsmmu", Tag.ARM_EITHER), // SMMUv3 without "ARM"
            new Row("\\bgicv?\\d?\\b", Tag.ARM_EITHER)); // GICv2, GICv3

    /** Every row's pattern needs one of these: text with none of them names no architecture (most qualifiers). */
    private static final List<String> CLUES = List.of(
            "x86", "xeon", "intel", "vmx", "amd", "svm", "arm", "aarch", "cortex", "renesas", "ipmmu", "sci(", "smmu",
            "gic");

    private static final Pattern ARCH_HEADING = Pattern.compile("^(x86|arm)", Pattern.CASE_INSENSITIVE);
    private static final List<Arch> ALL = List.of(Arch.X86, Arch.ARM32, Arch.ARM64);

    private ArchitectureTags() {}

    /**
     * @param qualifier   the status line's qualifier, or null
     * @param sectionPath the titles of the enclosing sections from the top
     */
    static List<Arch> of(String qualifier, List<String> sectionPath) {
        if (qualifier != null) {
            List<Arch> named = named(qualifier);
            if (!named.isEmpty()) {
                return named;
            }
        }
        return ofSection(sectionPath);
    }

    /** The architectures of a status that names none itself: from the nearest architecture heading, else all. */
    static List<Arch> ofSection(List<String> sectionPath) {
        for (int i = sectionPath.size() - 1; i >= 0; i--) {
            String title = sectionPath.get(i).strip();
            if (ARCH_HEADING.matcher(title).find()) {
                List<Arch> named = named(title);
                if (!named.isEmpty()) {
                    return named;
                }
            }
        }
        return ALL;
    }

    /** The architectures a piece of text names, in {@link Arch} order; empty when it names none. */
    static List<Arch> named(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (CLUES.stream().noneMatch(lower::contains)) {
            return List.of();
        }
        Set<Tag> tags = EnumSet.noneOf(Tag.class);
        for (Row row : TABLE) {
            if (row.pattern().matcher(lower).find()) {
                tags.add(row.tag());
            }
        }
        List<Arch> arches = new ArrayList<>(3);
        if (tags.contains(Tag.X86)) {
            arches.add(Arch.X86);
        }
        boolean width = tags.contains(Tag.ARM32) || tags.contains(Tag.ARM64);
        if (tags.contains(Tag.ARM32) || (!width && tags.contains(Tag.ARM_EITHER))) {
            arches.add(Arch.ARM32);
        }
        if (tags.contains(Tag.ARM64) || (!width && tags.contains(Tag.ARM_EITHER))) {
            arches.add(Arch.ARM64);
        }
        return List.copyOf(arches);
    }

    /** The indexes of the rows that match {@code text}: lets tests show every row is used. */
    static List<Integer> rowsOf(String text) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < TABLE.size(); i++) {
            if (TABLE.get(i).pattern().matcher(text.toLowerCase(Locale.ROOT)).find()) {
                rows.add(i);
            }
        }
        return rows;
    }
}
