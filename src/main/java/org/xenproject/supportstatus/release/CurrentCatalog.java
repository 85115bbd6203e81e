package org.xenproject.supportstatus.release;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.xenproject.supportstatus.supportmd.SupportDocument;
import org.xenproject.supportstatus.system.DataVersions;

/**
 * The {@link Catalog} for the database's current data version. Imports are rare and reads are
 * many, so the catalog is built once per data version and shared; checking the version is one
 * number in memory ({@link DataVersions}), which also learns of imports made by other instances.
 */
@Component
public class CurrentCatalog {

    private final JdbcClient jdbc;
    private final StoredSupportFiles files;
    private final DataVersions dataVersions;
    private final TransactionTemplate snapshot;
    private final AtomicReference<Catalog> current = new AtomicReference<>();

    CurrentCatalog(JdbcClient jdbc, StoredSupportFiles files, DataVersions dataVersions,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.dataVersions = dataVersions;
        this.files = files;
        // One read-only transaction, so the releases and their files come from one snapshot.
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    public Catalog get() {
        long version = dataVersion();
        Catalog catalog = current.get();
        if (catalog != null && catalog.dataVersion() == version) {
            return catalog;
        }
        Catalog fresh = snapshot.execute(tx -> load());
        current.set(fresh);
        return fresh;
    }

    /** The data version, as known in memory; asked of the database only when that is unknown. */
    public long dataVersion() {
        return dataVersions.current().orElseGet(dataVersions::refresh).version();
    }

    private record Head(String version, String branch, long revisionId, long supportFileId, Provenance source) {
    }

    private Catalog load() {
        DataVersions.DataVersion version = dataVersions.refresh();
        List<Head> heads = jdbc.sql("""
                select r.version, r.branch, v.id as revision_id, f.id as file_id, v.commit_id, v.committed_at,
                       f.sha256, v.imported_at, v.branch_tip
                from release r
                join revision v on v.id = r.current_revision_id
                join support_file f on f.id = v.support_file_id
                order by r.major desc nulls first, r.minor desc nulls first, r.version""")
                .query((rs, n) -> new Head(rs.getString("version"), rs.getString("branch"),
                        rs.getLong("revision_id"), rs.getLong("file_id"),
                        new Provenance(rs.getString("commit_id"), instant(rs.getObject("committed_at", OffsetDateTime.class)),
                                rs.getString("sha256"), instant(rs.getObject("imported_at", OffsetDateTime.class)),
                                rs.getString("branch_tip"))))
                .list();
        Map<Long, SupportDocument> documents = files.load(heads.stream().map(Head::supportFileId).distinct().toList());
        List<CatalogRelease> releases = new ArrayList<>();
        for (Head head : heads) {
            releases.add(new CatalogRelease(head.version(), head.branch(), head.revisionId(), head.supportFileId(),
                    head.source(), documents.get(head.supportFileId())));
        }
        return new Catalog(version.version(), version.changedAt(), releases);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
