package org.xenproject.supportstatus.supportmd;

import java.util.List;

/**
 * One heading of SUPPORT.md and what stands under it before the next heading.
 *
 * @param key         pandoc's identifier of the heading (docs/support-md.md, "Keys"), unique in the document
 * @param title       the heading text, closing hashes removed
 * @param level       1 for {@code #}, up to 6
 * @param path        the titles of the enclosing sections from the top, this one last
 * @param description paragraphs before the section's first status block
 * @param caveats     paragraphs after it
 * @param statuses    the section's own status lines, in document order
 * @param children    sub-sections, in document order
 * @param line        1-based line number of the heading
 */
public record Section(
        String key,
        String title,
        int level,
        List<String> path,
        List<String> description,
        List<String> caveats,
        List<FeatureStatus> statuses,
        List<Section> children,
        int line) {

    public Section {
        path = List.copyOf(path);
        description = List.copyOf(description);
        caveats = List.copyOf(caveats);
        statuses = List.copyOf(statuses);
        children = List.copyOf(children);
    }
}
