package org.xenproject.supportstatus.feature;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.xenproject.supportstatus.supportmd.Arch;
import org.xenproject.supportstatus.supportmd.FeatureStatus;
import org.xenproject.supportstatus.supportmd.SecuritySupport;
import org.xenproject.supportstatus.supportmd.Section;
import org.xenproject.supportstatus.supportmd.SupportLevel;
import org.xenproject.supportstatus.system.QueryParameters;

/**
 * The filters of SPEC 5: {@code arch}, {@code level} and {@code security} select statuses;
 * {@code section} and {@code q} select features. A filtered feature keeps only its matching
 * statuses, and a feature with none left is dropped.
 *
 * @param arches   architectures, any of which a status must apply to; empty = any
 * @param levels   levels a status must have one of; empty = any
 * @param security security support a status must have one of; empty = any
 * @param section  a section key the feature must be or stand under; null = any
 * @param text     lower-cased text the feature's title, key or description must contain; null = any
 */
public record FeatureFilter(Set<Arch> arches, Set<SupportLevel> levels, Set<SecuritySupport> security,
        String section, String text) {

    public static final FeatureFilter NONE = new FeatureFilter(Set.of(), Set.of(), Set.of(), null, null);

    public static final List<String> ARCH_NAMES = List.of("x86", "arm", "arm32", "arm64");

    public FeatureFilter {
        arches = Set.copyOf(arches);
        levels = Set.copyOf(levels);
        security = Set.copyOf(security);
    }

    /** From query parameters, each checked strictly (a bad one is a 400 naming it). */
    public static FeatureFilter of(String arch, String level, String security, String section, String q) {
        Set<Arch> arches = EnumSet.noneOf(Arch.class);
        QueryParameters.oneOf("arch", arch, FeatureFilter::archesNamed, ARCH_NAMES).forEach(arches::addAll);
        Set<SupportLevel> levels = QueryParameters.oneOf("level", level, SupportLevel::fromId,
                Arrays.stream(SupportLevel.values()).map(SupportLevel::id).toList());
        Set<SecuritySupport> securities = QueryParameters.oneOf("security", security, SecuritySupport::fromId,
                Arrays.stream(SecuritySupport.values()).map(SecuritySupport::id).toList());
        String sectionKey = QueryParameters.key("section", section);
        String text = QueryParameters.text("q", q);
        return new FeatureFilter(arches, levels, securities, sectionKey,
                text == null ? null : text.toLowerCase(Locale.ROOT));
    }

    /** {@code arm} means both Arm widths (SPEC 2.3). */
    static Set<Arch> archesNamed(String name) {
        return switch (name) {
            case "x86" -> Set.of(Arch.X86);
            case "arm" -> Set.of(Arch.ARM32, Arch.ARM64);
            case "arm32" -> Set.of(Arch.ARM32);
            case "arm64" -> Set.of(Arch.ARM64);
            default -> null;
        };
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
        Section narrowed = new Section(s.key(), s.title(), s.level(), s.path(), s.description(), s.caveats(), kept,
                s.children(), s.line());
        return Optional.of(new Features.Feature(narrowed, feature.pathKeys()));
    }

    private boolean containsText(Section s) {
        return s.title().toLowerCase(Locale.ROOT).contains(text)
                || s.key().contains(text)
                || s.description().stream().anyMatch(p -> p.toLowerCase(Locale.ROOT).contains(text));
    }
}
