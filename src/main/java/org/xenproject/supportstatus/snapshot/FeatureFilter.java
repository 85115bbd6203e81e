package org.xenproject.supportstatus.snapshot;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.xenproject.supportstatus.supportmd.Arch;
import org.xenproject.supportstatus.supportmd.FeatureStatus;
import org.xenproject.supportstatus.supportmd.Section;
import org.xenproject.supportstatus.supportmd.SecuritySupport;
import org.xenproject.supportstatus.supportmd.SupportLevel;

/**
 * The filters : {@code arch}, {@code level} and {@code security} select statuses;
 * {@code section} and {@code q} select features. A filtered feature keeps only its matching
 * statuses, and a feature with none left is dropped.
 *
 * @param arches   architectures, any of which a status must apply to; empty = any
 * @param levels   levels a status must have one of; empty = any
 * @param security security support a status must have one of; empty = any
 * @param section  a section key the feature must be or stand under; null = any
 * @param text     lower-cased text the feature's title, key or description must contain; null = any
 */
public record FeatureFilter(
        Set<Arch> arches, Set<SupportLevel> levels, Set<SecuritySupport> security, String section, String text) {

    public FeatureFilter {
        arches = Set.copyOf(arches);
        levels = Set.copyOf(levels);
        security = Set.copyOf(security);
        text = text == null || text.isBlank() ? null : text.toLowerCase(Locale.ROOT);
    }

    /** From the values of {@code arch}, {@code level}, {@code security}, {@code section} and {@code q}; null = any. */
    public static FeatureFilter of(
            Collection<ArchName> arch,
            Collection<SupportLevel> level,
            Collection<SecuritySupport> security,
            String section,
            String q) {
        Set<Arch> arches = EnumSet.noneOf(Arch.class);
        if (arch != null) {
            arch.forEach(name -> arches.addAll(name.arches()));
        }
        return new FeatureFilter(
                arches,
                level == null ? Set.of() : Set.copyOf(level),
                security == null ? Set.of() : Set.copyOf(security),
                section,
                q);
    }

    /** An architecture as filters name it: {@code arm} means both Arm widths (docs/support-md.md). */
    public enum ArchName {
        X86(Set.of(Arch.X86)),
        ARM(Set.of(Arch.ARM32, Arch.ARM64)),
        ARM32(Set.of(Arch.ARM32)),
        ARM64(Set.of(Arch.ARM64));

        private final Set<Arch> arches;

        ArchName(Set<Arch> arches) {
            this.arches = arches;
        }

        public Set<Arch> arches() {
            return arches;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public boolean selectsStatuses() {
        return !arches.isEmpty() || !levels.isEmpty() || !security.isEmpty();
    }

    public boolean matches(FeatureStatus status) {
        return (arches.isEmpty() || status.arches().stream().anyMatch(arches::contains))
                && (levels.isEmpty() || levels.contains(status.level()))
                && (security.isEmpty() || security.contains(status.security()));
    }

    /** The feature as this filter shows it, or empty when the filter drops it. */
    public Optional<Features.Feature> apply(Features.Feature feature) {
        if (section != null && !feature.pathKeys().contains(section)) {
            return Optional.empty();
        }
        Section s = feature.section();
        if (text != null && !containsText(s)) {
            return Optional.empty();
        }
        if (!selectsStatuses()) {
            return Optional.of(feature);
        }
        List<FeatureStatus> kept = s.statuses().stream().filter(this::matches).toList();
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        Section narrowed = new Section(
                s.key(), s.title(), s.level(), s.path(), s.description(), s.caveats(), kept, s.children(), s.line());
        return Optional.of(new Features.Feature(narrowed, feature.pathKeys()));
    }

    private boolean containsText(Section s) {
        return s.title().toLowerCase(Locale.ROOT).contains(text)
                || s.key().contains(text)
                || s.description().stream()
                        .anyMatch(p -> p.toLowerCase(Locale.ROOT).contains(text));
    }
}
