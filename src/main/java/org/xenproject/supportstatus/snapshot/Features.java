package org.xenproject.supportstatus.snapshot;

import java.util.ArrayList;
import java.util.List;
import org.xenproject.supportstatus.supportmd.Section;
import org.xenproject.supportstatus.supportmd.SupportDocument;

/**
 * Which sections of a SUPPORT.md are features: those with status lines of their own, other than
 * the Release Support block. The same rule for stored files and for {@code POST /api/v1/parse}.
 */
public final class Features {

    private static final String RELEASE_SUPPORT_PREFIX = "release-support--";

    private Features() {}

    /** The features of a document in document order, each with the keys of its enclosing sections. */
    public static List<Feature> of(SupportDocument document) {
        List<Feature> features = new ArrayList<>();
        collect(document.sections(), List.of(), features);
        return features;
    }

    private static void collect(List<Section> sections, List<String> parentKeys, List<Feature> into) {
        for (Section section : sections) {
            List<String> keys = new ArrayList<>(parentKeys);
            keys.add(section.key());
            if (isFeature(section)) {
                into.add(new Feature(section, List.copyOf(keys)));
            }
            collect(section.children(), keys, into);
        }
    }

    static boolean isFeature(Section section) {
        return section.statuses().stream().anyMatch(s -> !s.key().startsWith(RELEASE_SUPPORT_PREFIX));
    }

    /**
     * A feature of one document.
     *
     * @param pathKeys the keys of the enclosing sections from the top, this one last
     */
    public record Feature(Section section, List<String> pathKeys) {

        public Feature {
            pathKeys = List.copyOf(pathKeys);
        }

        public String key() {
            return section.key();
        }
    }
}
