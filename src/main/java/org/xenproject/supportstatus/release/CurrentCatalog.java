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

/**
 * The {@link Catalog} for the database's current data version. Imports are rare and reads are
 * many, so the catalog is built once per data version and shared; checking the version is one
 * indexed single-row read, which also notices imports made by other instances.
 */
@Component
public class CurrentCatalog {

    private final JdbcClient jdbc;
    private final StoredSupportFiles files;
    private final TransactionTemplate snapshot;
    private final AtomicReference<Catalog> current = new AtomicReference<>();

    CurrentCatalog(JdbcClient jdbc, StoredSupportFiles files, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.files = files;
        // One read-only transaction, so the releases and their files come from one snapshot.
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    public Catalog get() {
        DataVersion version = dataVersion();
        Catalog catalog = current.get();
        if (catalog != null && catalog.dataVersion() == version.version()) {
            return catalog;
        }
        Catalog fresh = snapshot.execute(tx -> load());
        current.set(fresh);
        return fresh;
    }

    /** The data version alone: enough to answer a conditional request without building anything. */
    public DataVersion dataVersion() {
        return jdbc.sql("select version, changed_at from data_version")
                .query((rs, n) -> new DataVersion(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                .single();
    }

    public record DataVersion(long version, Instant changedAt) {
    }

    private record Head(String version, String branch, long revisionId, long supportFileId, Provenance source) {
    }

    private Catalog load() {
        DataVersion version = dataVersion();
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
