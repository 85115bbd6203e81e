package org.xenproject.supportstatus.snapshot;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.xenproject.supportstatus.store.StoredRevision;
import org.xenproject.supportstatus.supportmd.SupportDocument;

/**
 * Every revision that changed a status or a lifecycle value, newest first. A commit that several
 * branches share (a stable branch carries master's history before its branch point) is one entry
 * naming every release it reached.
 */
public final class ChangeFeed {

    private ChangeFeed() {}

    @Schema(name = "ChangeEntry")
    public record Entry(
            @Schema(description = "Stable identifier of the entry")
            String id,

            @Schema(description = "The commit; null for the http source")
            String commit,

            Instant committedAt,
            String author,
            String subject,
            Instant importedAt,

            @Schema(description = "Releases whose SUPPORT.md this revision changed, newest first")
            List<String> releases,

            Changes changes) {}

    /** From every stored revision and the documents they hold. */
    static List<Entry> of(List<StoredRevision> all, Map<Long, SupportDocument> documents) {
        Map<String, List<StoredRevision>> byRelease = all.stream()
                .collect(Collectors.groupingBy(StoredRevision::release, LinkedHashMap::new, Collectors.toList()));
        Map<String, Entry> entries = new LinkedHashMap<>();
        // Entries whose changes are a release's first revision (everything added): another release's
        // history may hold the same commit with what it really changed, which says more.
        Set<String> fromNothing = new HashSet<>();
        for (List<StoredRevision> history : byRelease.values()) {
            history.sort(Comparator.comparingLong(StoredRevision::id).reversed());
            List<History.Step> steps = History.steps(history, documents);
            for (int i = 0; i < steps.size(); i++) {
                History.Step step = steps.get(i);
                StoredRevision r = step.revision();
                Changes changes = step.changes();
                if (changes.isEmpty()) {
                    continue;
                }
                boolean first = i == steps.size() - 1;
                String id = r.commit() != null ? r.commit() : "revision-" + r.id();
                Entry known = entries.get(id);
                List<String> releases = new ArrayList<>(known == null ? List.of() : known.releases());
                releases.add(r.release());
                boolean replace = known == null || (fromNothing.contains(id) && !first);
                if (replace) {
                    if (first) {
                        fromNothing.add(id);
                    } else {
                        fromNothing.remove(id);
                    }
                }
                entries.put(
                        id,
                        new Entry(
                                id,
                                r.commit(),
                                r.committedAt(),
                                r.author(),
                                r.subject(),
                                r.importedAt(),
                                releases,
                                replace ? changes : known.changes()));
            }
        }
        List<Entry> sorted = new ArrayList<>(entries.values());
        sorted.sort(Comparator.comparing((Entry e) -> e.committedAt() != null ? e.committedAt() : e.importedAt())
                .reversed());
        return List.copyOf(sorted);
    }
}
