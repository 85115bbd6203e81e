package org.xenproject.supportstatus.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.xenproject.supportstatus.store.StoredRevision;
import org.xenproject.supportstatus.supportmd.SupportDocument;

/** The one place that pairs each revision of a history with the one before it. */
final class History {

    private History() {}

    /** A revision and what it changed; the oldest changed everything from nothing. */
    record Step(StoredRevision revision, Changes changes) {}

    /** The steps of one release's revisions, given newest first, in the same order. */
    static List<Step> steps(List<StoredRevision> newestFirst, Map<Long, SupportDocument> documents) {
        List<Step> steps = new ArrayList<>(newestFirst.size());
        for (int i = 0; i < newestFirst.size(); i++) {
            StoredRevision r = newestFirst.get(i);
            SupportDocument older = i + 1 < newestFirst.size()
                    ? documents.get(newestFirst.get(i + 1).supportFileId())
                    : null;
            steps.add(new Step(r, SupportChanges.between(older, documents.get(r.supportFileId()))));
        }
        return steps;
    }

    static List<HistoryEntry> entries(List<Step> steps) {
        return steps.stream()
                .map(step -> {
                    StoredRevision r = step.revision();
                    return new HistoryEntry(
                            r.commit(),
                            r.committedAt(),
                            r.author(),
                            r.authoredAt(),
                            r.subject(),
                            r.sha256(),
                            r.importedAt(),
                            r.branchTip(),
                            step.changes());
                })
                .toList();
    }
}
