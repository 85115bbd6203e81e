package org.xenproject.supportstatus.snapshot;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.xenproject.supportstatus.store.SecurityFixes;
import org.xenproject.supportstatus.store.ServedReleases;
import org.xenproject.supportstatus.store.ServedReleases.StoredRelease;
import org.xenproject.supportstatus.store.StoredSupportFiles;
import org.xenproject.supportstatus.supportmd.SupportDocument;

/**
 * The current {@link Snapshot}: one reference, swapped whole. Checking it is one number in memory
 * ({@link DataVersions}, which also learns of other instances' imports) and the day.
 *
 * <p>A new snapshot is built where the new data version is read, not where it is asked for: on
 * the import's thread after its runs, on the poller's when another instance imported. Requests
 * go on answering from the snapshot before until the new one is whole, so an import never makes a
 * reader wait (docs/architecture.md); only before the first snapshot does anyone wait. The
 * documents of releases whose file did not change are taken over from the snapshot before.
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
    /** The parts documents share, carried from each snapshot to the next as the documents are. */
    private final Sharing sharing = new Sharing();

    Snapshots(
            DataVersions dataVersions,
            ServedReleases served,
            Revisions revisions,
            StoredSupportFiles files,
            SecurityFixes fixes,
            Clock clock,
            PlatformTransactionManager transactions,
            MeterRegistry meters) {
        this.dataVersions = dataVersions;
        this.served = served;
        this.stored = new Stored(revisions, files, fixes);
        this.clock = clock;
        // One read-only transaction, so the releases and their files come from one database snapshot.
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        dataVersions.whenRead(read -> upTo(read.version()));
        // What the current snapshot keeps, against its budget (docs/architecture.md, "The snapshot").
        Gauge.builder(
                        "xen.snapshot.kept",
                        current,
                        c -> c.get() == null ? 0 : c.get().keptBytes())
                .baseUnit("bytes")
                .description("What the current snapshot keeps: documents' shared parts, histories, fixes, answers")
                .register(meters);
        Gauge.builder(
                        "xen.snapshot.documents",
                        sharing,
                        s -> current.get() == null
                                ? 0
                                : current.get().documents().size())
                .description("Documents of SUPPORT.md files the current snapshot keeps, one per content")
                .register(meters);
        Gauge.builder("xen.snapshot.document.parts", sharing, Sharing::bytes)
                .baseUnit("bytes")
                .description("What the documents' parts weigh, each part held once")
                .register(meters);
    }

    /** The snapshot to answer from now. */
    public Snapshot current() {
        // Unknown while the poller cannot reach the database: ask it, and fail (503) if it is still gone.
        long version = dataVersions.current().orElseGet(dataVersions::refresh).version();
        LocalDate today = LocalDate.now(clock);
        Snapshot snapshot = current.get();
        if (snapshot == null) {
            snapshot = upTo(version);
        }
        return snapshot.day().equals(today) ? snapshot : sameDataToday(snapshot, today);
    }

    /** Builds the snapshot of {@code version} unless it, or a newer one, is current already. */
    private Snapshot upTo(long version) {
        Snapshot snapshot = current.get();
        if (snapshot != null && snapshot.version() >= version) {
            return snapshot;
        }
        building.lock();
        try {
            snapshot = current.get();
            if (snapshot == null || snapshot.version() < version) {
                Snapshot before = snapshot;
                snapshot = readOnly.execute(tx -> build(LocalDate.now(clock), before));
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

    private Snapshot build(LocalDate today, Snapshot before) {
        DataVersions.DataVersion version = dataVersions.readNow();
        List<StoredRelease> heads = served.releases();
        // A stored file never changes: the documents kept before, by content, are the same.
        Map<String, SupportDocument> kept = before == null ? Map.of() : before.documents();
        Map<Long, SupportDocument> documents = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        for (StoredRelease head : heads) {
            SupportDocument document = kept.get(head.source().sha256());
            if (document != null) {
                documents.put(head.supportFileId(), document);
            } else {
                missing.add(head.supportFileId());
            }
        }
        stored.files().load(missing).forEach((id, document) -> documents.put(id, sharing.share(document, true)));
        Map<String, List<PointRelease>> tags = new LinkedHashMap<>();
        for (PointRelease tag : served.pointReleases()) {
            tags.computeIfAbsent(tag.release().name(), k -> new ArrayList<>()).add(tag);
        }
        List<Release> releases = heads.stream()
                .map(head -> new Release(
                        head.version(),
                        head.branch(),
                        head.revisionId(),
                        head.supportFileId(),
                        head.source(),
                        documents.get(head.supportFileId()),
                        tags.getOrDefault(head.version(), List.of()),
                        head.historyComplete()))
                .toList();
        return new Snapshot(version.version(), version.changedAt(), today, releases, stored, sharing, kept);
    }
}
