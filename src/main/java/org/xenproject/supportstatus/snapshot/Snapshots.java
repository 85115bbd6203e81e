package org.xenproject.supportstatus.snapshot;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.xenproject.supportstatus.release.PointRelease;
import org.xenproject.supportstatus.store.DataVersions;
import org.xenproject.supportstatus.store.Revisions;
import org.xenproject.supportstatus.store.ServedReleases;
import org.xenproject.supportstatus.store.ServedReleases.StoredRelease;
import org.xenproject.supportstatus.store.StoredSupportFiles;
import org.xenproject.supportstatus.supportmd.SupportDocument;

/**
 * The current {@link Snapshot}: one reference, swapped whole. Checking it is one number in memory
 * ({@link DataVersions}, which also learns of other instances' imports) and the day. When the data
 * version moves, one request builds the new snapshot while the others go on answering from the one
 * before; only before the first snapshot does anyone wait.
 *
 * <p>While the database cannot be reached the data version is unknown, and nothing is answered from
 * memory: requests are answered 503, rather than with data nobody can vouch for.
 */
@Component
public class Snapshots {

    private final DataVersions dataVersions;
    private final ServedReleases served;
    private final Stored stored;
    private final Clock clock;
    private final TransactionTemplate readOnly;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();
    private final ReentrantLock building = new ReentrantLock();

    Snapshots(DataVersions dataVersions, ServedReleases served, Revisions revisions, StoredSupportFiles files,
            Clock clock, PlatformTransactionManager transactions) {
        this.dataVersions = dataVersions;
        this.served = served;
        this.stored = new Stored(revisions, files);
        this.clock = clock;
        // One read-only transaction, so the releases and their files come from one database snapshot.
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** The snapshot to answer from now. */
    public Snapshot current() {
        // Unknown while the poller cannot reach the database: ask it, and fail (503) if it is still gone.
        long version = dataVersions.current().orElseGet(dataVersions::refresh).version();
        LocalDate today = LocalDate.now(clock);
        Snapshot snapshot = current.get();
        if (snapshot != null && snapshot.version() >= version) {
            return snapshot.day().equals(today) ? snapshot : sameDataToday(snapshot, today);
        }
        if (snapshot != null && !building.tryLock()) {
            return snapshot; // another request is building the new one
        }
        if (snapshot == null) {
            building.lock();
        }
        try {
            snapshot = current.get();
            if (snapshot == null || snapshot.version() < version) {
                snapshot = readOnly.execute(tx -> build(today));
                current.set(snapshot);
            }
            return snapshot;
        } finally {
            building.unlock();
        }
    }

    private Snapshot sameDataToday(Snapshot snapshot, LocalDate today) {
        Snapshot moved = snapshot.on(today);
        return current.compareAndSet(snapshot, moved) ? moved : current.get();
    }

    private Snapshot build(LocalDate today) {
        DataVersions.DataVersion version = dataVersions.refresh();
        List<StoredRelease> heads = served.releases();
        Map<Long, SupportDocument> documents = stored.files().load(
                heads.stream().map(StoredRelease::supportFileId).distinct().toList());
        Map<String, List<PointRelease>> tags = new LinkedHashMap<>();
        for (PointRelease tag : served.pointReleases()) {
            tags.computeIfAbsent(tag.release().name(), k -> new ArrayList<>()).add(tag);
        }
        List<Release> releases = heads.stream()
                .map(head -> new Release(head.version(), head.branch(), head.revisionId(), head.supportFileId(),
                        head.source(), documents.get(head.supportFileId()), tags.getOrDefault(head.version(), List.of()),
                        head.historyComplete()))
                .toList();
        return new Snapshot(version.version(), version.changedAt(), today, releases, stored);
    }
}
