package org.xenproject.supportstatus.change;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.stereotype.Component;
import org.xenproject.supportstatus.release.CurrentCatalog;
import org.xenproject.supportstatus.release.Revisions;
import org.xenproject.supportstatus.release.StoredRevision;
import org.xenproject.supportstatus.release.StoredSupportFiles;
import org.xenproject.supportstatus.supportmd.SupportDocument;

/**
 * Every revision that changed a status or a lifecycle value, newest first. A commit that several
 * branches share (a stable branch carries master's history before its branch point) is one entry
 * naming every release it reached. Built once per data version.
 */
@Component
public class ChangeFeed {

    private final CurrentCatalog catalog;
    private final Revisions revisions;
    private final StoredSupportFiles files;
    private final AtomicReference<Built> built = new AtomicReference<>();

    ChangeFeed(CurrentCatalog catalog, Revisions revisions, StoredSupportFiles files) {
        this.catalog = catalog;
        this.revisions = revisions;
        this.files = files;
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

    private record Built(long dataVersion, List<Entry> entries) {
    }

    public List<Entry> entries() {
        long version = catalog.dataVersion();
        Built current = built.get();
        if (current != null && current.dataVersion() == version) {
            return current.entries();
        }
        Built fresh = new Built(version, build());
        built.set(fresh);
        return fresh.entries();
    }

    private List<Entry> build() {
        List<StoredRevision> all = revisions.all();
        Map<Long, SupportDocument> documents = files.load(
                all.stream().map(StoredRevision::supportFileId).distinct().toList());
        Map<String, List<StoredRevision>> byRelease = all.stream().collect(Collectors.groupingBy(
                StoredRevision::release, LinkedHashMap::new, Collectors.toList()));
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (List<StoredRevision> history : byRelease.values()) {
            history.sort(Comparator.comparingLong(StoredRevision::id).reversed());
            for (int i = 0; i < history.size(); i++) {
                StoredRevision r = history.get(i);
                SupportDocument older = i + 1 < history.size() ? documents.get(history.get(i + 1).supportFileId()) : null;
                Changes changes = SupportChanges.between(older, documents.get(r.supportFileId()));
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
