package org.xenproject.supportstatus.snapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.media.Schema;
import org.xenproject.supportstatus.store.StoredRevision;
import org.xenproject.supportstatus.supportmd.SupportDocument;

/**
 * Every revision that changed a status or a lifecycle value, newest first. A commit that several
 * branches share (a stable branch carries master's history before its branch point) is one entry
 * naming every release it reached.
 */
public final class ChangeFeed {

    private ChangeFeed() {
    }

    @Schema(name = "ChangeEntry")
    public record Entry(
            @Schema(description = "Stable identifier of the entry") String id,
            @Schema(description = "The commit; null for the http source") String commit,
            Instant committedAt,
            String author,
            String subject,
            Instant importedAt,
            @Schema(description = "Releases whose SUPPORT.md this revision changed, newest first") List<String> releases,
            Changes changes) {
    }

    /** From every stored revision and the documents they hold. */
    static List<Entry> of(List<StoredRevision> all, Map<Long, SupportDocument> documents) {
        Map<String, List<StoredRevision>> byRelease = all.stream().collect(Collectors.groupingBy(
                StoredRevision::release, LinkedHashMap::new, Collectors.toList()));
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (List<StoredRevision> history : byRelease.values()) {
            history.sort(Comparator.comparingLong(StoredRevision::id).reversed());
            for (History.Step step : History.steps(history, documents)) {
                StoredRevision r = step.revision();
                Changes changes = step.changes();
                if (changes.isEmpty()) {
                    continue;
                }
                String id = r.commit() != null ? r.commit() : "revision-" + r.id();
                Entry known = entries.get(id);
                List<String> releases = new ArrayList<>(known == null ? List.of() : known.releases());
                releases.add(r.release());
                entries.put(id, new Entry(id, r.commit(), r.committedAt(), r.author(), r.subject(), r.importedAt(),
                        releases, known == null ? changes : known.changes()));
            }
        }
        List<Entry> sorted = new ArrayList<>(entries.values());
        sorted.sort(Comparator.comparing((Entry e) -> e.committedAt() != null ? e.committedAt() : e.importedAt())
                .reversed());
        return List.copyOf(sorted);
    }
}
