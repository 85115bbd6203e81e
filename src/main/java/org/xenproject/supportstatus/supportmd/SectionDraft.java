package org.xenproject.supportstatus.supportmd;

import java.util.ArrayList;
import java.util.List;

/** A section while the document is still being read; {@link #build()} freezes it and its children. */
final class SectionDraft {

    final String key;
    final String title;
    final int level;
    final List<String> path;
    final int line;
    final List<String> description = new ArrayList<>();
    final List<String> caveats = new ArrayList<>();
    final List<FeatureStatus> statuses = new ArrayList<>();
    final List<SectionDraft> children = new ArrayList<>();
    /** Whether a status block (or definition list) has been seen: paragraphs after it are caveats. */
    boolean hadStatus;

    private List<Arch> arches;

    SectionDraft(String key, String title, int level, List<String> path, int line) {
        this.key = key;
        this.title = title;
        this.level = level;
        this.path = List.copyOf(path);
        this.line = line;
    }

    void addText(String text) {
        if (!text.isBlank()) {
            (hadStatus ? caveats : description).add(text);
        }
    }

    /** The architectures of a status here that names none: worked out once per section. */
    List<Arch> arches() {
        if (arches == null) {
            arches = ArchitectureTags.ofSection(path);
        }
        return arches;
    }

    Section build() {
        List<Section> built = new ArrayList<>(children.size());
        for (SectionDraft child : children) {
            built.add(child.build());
        }
        return new Section(key, title, level, path, description, caveats, statuses, built, line);
    }
}
