package org.xenproject.supportstatus.supportmd;

import java.util.List;

/**
 * One status line of SUPPORT.md, e.g. {@code Status, x86 HVM: Tech Preview} under {@code ### x86/HVM}.
 *
 * @param key        the identity across releases (docs/support-md.md, "Keys"): the section key, plus {@code --qualifier} when qualified
 * @param sectionKey the key of the section the line stands in
 * @param qualifier  the part after the comma ({@code x86 HVM}), or {@code null}
 * @param text       the value verbatim, trailing white space removed
 * @param level      normalised level (docs/support-md.md, "Normalised status")
 * @param security   normalised security support (docs/support-md.md, "Normalised status")
 * @param limit      for {@code Supported up to <limit>}, the limit; else {@code null}
 * @param arches     the architectures it applies to, in {@link Arch} order (docs/support-md.md, "Architectures")
 * @param line       1-based line number in the file
 */
public record FeatureStatus(
        String key,
        String sectionKey,
        String qualifier,
        String text,
        SupportLevel level,
        SecuritySupport security,
        String limit,
        List<Arch> arches,
        int line) {

    public FeatureStatus {
        arches = List.copyOf(arches);
    }
}
