package org.xenproject.supportstatus.web.page;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.xenproject.supportstatus.snapshot.FeatureFilter;
import org.xenproject.supportstatus.supportmd.Arch;
import org.xenproject.supportstatus.supportmd.SupportLevel;
import org.xenproject.supportstatus.web.param.SearchText;
import org.xenproject.supportstatus.web.problem.InvalidParameterException;

/**
 * The matrix page's filters as its URL carries them, so a filtered view can be shared: one
 * architecture ({@code arch=}), any levels ({@code level=}, repeated or comma-separated) and search
 * text ({@code q=}). Blank values are absent, as a form without JavaScript submits them.
 *
 * @param selection the same filter as the API's, read by its own rules: what the page keeps
 */
record PageFilter(String arch, List<String> levels, String q, FeatureFilter selection) {

    /** The architectures the page offers; the API's {@code arm} (both widths) is not one of them. */
    static final List<String> ARCHES = List.of("x86", "arm32", "arm64");

    /**
     * Every status that applies to some architecture: all feature statuses. Release-support lines
     * apply to none, and the page shows them in the column headers instead.
     */
    static final FeatureFilter EVERY_FEATURE =
            new FeatureFilter(EnumSet.allOf(Arch.class), Set.of(), Set.of(), null, null);

    PageFilter {
        levels = List.copyOf(levels);
    }

    /** From the query parameters; a value the page does not offer is a 400 naming its parameter. */
    static PageFilter of(String arch, Collection<SupportLevel> level, SearchText q) {
        String archName = arch == null || arch.isBlank() ? null : arch;
        if (archName != null && !ARCHES.contains(archName)) {
            throw InvalidParameterException.notOneOf("arch", archName, ARCHES);
        }
        FeatureFilter parsed = FeatureFilter.of(
                archName == null ? null : List.of(FeatureFilter.ArchName.valueOf(archName.toUpperCase(Locale.ROOT))),
                level,
                null,
                null,
                SearchText.valueOf(q));
        FeatureFilter selection = new FeatureFilter(
                parsed.arches().isEmpty() ? EVERY_FEATURE.arches() : parsed.arches(),
                parsed.levels(),
                Set.of(),
                null,
                parsed.text());
        List<String> levels =
                parsed.levels().stream().sorted().map(SupportLevel::id).toList();
        return new PageFilter(archName, levels, SearchText.valueOf(q), selection);
    }

    boolean isEmpty() {
        return arch == null && levels.isEmpty() && q == null;
    }
}
