package org.xenproject.supportstatus.release;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.xenproject.supportstatus.change.SupportChanges;
import org.xenproject.supportstatus.supportmd.SupportDocument;

/** The history of a release's SUPPORT.md, for the API and the web page alike. */
@Component
public class ReleaseHistory {

    private final Revisions revisions;
    private final StoredSupportFiles files;

    ReleaseHistory(Revisions revisions, StoredSupportFiles files) {
        this.revisions = revisions;
        this.files = files;
    }

    /** Every stored revision of the release, newest first; the oldest changed everything from nothing. */
    public List<HistoryEntry> of(CatalogRelease release) {
        List<StoredRevision> newestFirst = revisions.of(release.version());
        Map<Long, SupportDocument> documents = files.load(
                newestFirst.stream().map(StoredRevision::supportFileId).distinct().toList());
        List<HistoryEntry> entries = new ArrayList<>();
        for (int i = 0; i < newestFirst.size(); i++) {
            StoredRevision r = newestFirst.get(i);
            SupportDocument older = i + 1 < newestFirst.size()
                    ? documents.get(newestFirst.get(i + 1).supportFileId())
                    : null;
            entries.add(new HistoryEntry(r.commit(), r.committedAt(), r.author(), r.authoredAt(), r.subject(),
                    r.sha256(), r.importedAt(), r.branchTip(),
                    SupportChanges.between(older, documents.get(r.supportFileId()))));
        }
        return entries;
    }
}
