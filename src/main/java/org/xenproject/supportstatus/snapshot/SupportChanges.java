package org.xenproject.supportstatus.snapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.xenproject.supportstatus.supportmd.Arch;
import org.xenproject.supportstatus.supportmd.FeatureStatus;
import org.xenproject.supportstatus.supportmd.ReleaseSupport;
import org.xenproject.supportstatus.supportmd.Section;
import org.xenproject.supportstatus.supportmd.SupportDocument;

/** Compares two SUPPORT.md files; the one place that says what a change is. */
public final class SupportChanges {

    private static final String RELEASE_SUPPORT_PREFIX = "release-support--";

    private SupportChanges() {}

    /** From {@code older} to {@code newer}; a {@code null} older file is an empty one. */
    public static Changes between(SupportDocument older, SupportDocument newer) {
        Map<String, Located> before = older == null ? Map.of() : statuses(older);
        Map<String, Located> after = statuses(newer);
        List<Changes.StatusEntry> added = new ArrayList<>();
        List<Changes.StatusChange> changed = new ArrayList<>();
        for (Located now : after.values()) {
            Located then = before.get(now.status().key());
            if (then == null) {
                added.add(entry(now));
            } else if (!then.status().text().equals(now.status().text())) {
                changed.add(new Changes.StatusChange(
                        now.status().key(),
                        now.section().key(),
                        now.section().title(),
                        then.status().text(),
                        now.status().text(),
                        then.status().level().id(),
                        now.status().level().id()));
            }
        }
        List<Changes.StatusEntry> removed = before.values().stream()
                .filter(then -> !after.containsKey(then.status().key()))
                .map(SupportChanges::entry)
                .toList();
        List<Changes.LifecycleChange> lifecycle = new ArrayList<>();
        Map<String, String> rawBefore =
                older == null ? Map.of() : older.release().raw();
        Map<String, String> rawAfter = newer.release().raw();
        for (String field : ReleaseSupport.FIELDS) {
            String from = rawBefore.get(field);
            String to = rawAfter.get(field);
            if (!Objects.equals(from, to)) {
                lifecycle.add(new Changes.LifecycleChange(field, from, to));
            }
        }
        return new Changes(added, removed, changed, lifecycle);
    }

    private record Located(FeatureStatus status, Section section) {}

    /** Feature statuses by key; a key a file repeats counts once, as it first stands. */
    private static Map<String, Located> statuses(SupportDocument document) {
        Map<String, Located> byKey = new LinkedHashMap<>();
        for (Section section : document.allSections()) {
            for (FeatureStatus status : section.statuses()) {
                if (!status.key().startsWith(RELEASE_SUPPORT_PREFIX)) {
                    byKey.putIfAbsent(status.key(), new Located(status, section));
                }
            }
        }
        return byKey;
    }

    private static Changes.StatusEntry entry(Located located) {
        FeatureStatus s = located.status();
        return new Changes.StatusEntry(
                s.key(),
                located.section().key(),
                located.section().title(),
                s.qualifier(),
                s.text(),
                s.level().id(),
                s.security().id(),
                s.arches().stream().map(Arch::id).toList());
    }
}
