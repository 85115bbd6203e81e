package org.xenproject.supportstatus.supportmd;

import java.util.ArrayList;
import java.util.List;

/**
 * What the reader made of one SUPPORT.md.
 *
 * @param release  the release-support values
 * @param sections the top-level sections (the tree hangs below them)
 * @param statuses every status line in document order, release-support lines included
 * @param warnings every irregularity, in line order
 */
public record SupportDocument(
        ReleaseSupport release, List<Section> sections, List<FeatureStatus> statuses, List<ParseWarning> warnings) {

    public SupportDocument {
        sections = List.copyOf(sections);
        statuses = List.copyOf(statuses);
        warnings = List.copyOf(warnings);
    }

    /** Every section of the tree in document order. */
    public List<Section> allSections() {
        List<Section> all = new ArrayList<>();
        addDepthFirst(sections, all);
        return all;
    }

    private static void addDepthFirst(List<Section> level, List<Section> into) {
        for (Section section : level) {
            into.add(section);
            addDepthFirst(section.children(), into);
        }
    }
}
