package org.xenproject.supportstatus.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xenproject.supportstatus.release.PointRelease;
import org.xenproject.supportstatus.release.ReleaseBranch;
import org.xenproject.supportstatus.supportmd.Arch;
import org.xenproject.supportstatus.supportmd.FeatureStatus;
import org.xenproject.supportstatus.supportmd.ParseWarning;
import org.xenproject.supportstatus.supportmd.ReleaseSupport;
import org.xenproject.supportstatus.supportmd.Section;
import org.xenproject.supportstatus.supportmd.SupportDocument;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes what the importer read, with plain SQL: a file's sections and statuses go in as one
 * statement each (a JSON array unpacked by PostgreSQL), which is what makes a first import of
 * hundreds of revisions quick.
 */
@Repository
public class RevisionStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final JsonMapper json;

    RevisionStore(JdbcClient jdbc, PlatformTransactionManager transactions, JsonMapper json) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.json = json;
    }

    /** A revision ready to store; {@code document} is null when a file with its SHA-256 is stored already. */
    public record ParsedRevision(FileRevision source, String sha256, SupportDocument document) {}

    /** What storing a branch changed. */
    public record Stored(int revisionsStored, boolean currentChanged) {
        public boolean changedAnything() {
            return revisionsStored > 0 || currentChanged;
        }
    }

    public KnownBranch known(ReleaseBranch release) {
        Checkpoint checkpoint = jdbc.sql("""
                        select tip, with_history, etag, last_modified from source_branch where branch = ?""")
                .param(release.branch())
                .query((rs, n) -> new Checkpoint(rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getString(4)))
                .optional()
                .orElse(null);
        Set<String> commits = new HashSet<>(
                jdbc.sql("""
                        select v.commit_id from revision v join release r on r.id = v.release_id
                        where r.version = ? and v.commit_id is not null""").param(release.version()).query(String.class).list());
        boolean hasData = jdbc.sql(
                        "select exists (select 1 from release where version = ? and current_revision_id is not null)")
                .param(release.version())
                .query(Boolean.class)
                .single();
        return new KnownBranch(checkpoint, commits, hasData);
    }

    /**
     * The SHA-256 of the file the release serves now; empty while that is a provisional revision,
     * which the next import replaces even when the content is the same.
     */
    public Optional<String> currentSha256(String version) {
        return jdbc.sql("""
                        select f.sha256 from release r
                        join revision v on v.id = r.current_revision_id
                        join support_file f on f.id = v.support_file_id
                        where r.version = ? and not v.provisional""").param(version).query(String.class).optional();
    }

    public boolean hasSupportFile(String sha256) {
        return jdbc.sql("select exists (select 1 from support_file where sha256 = ?)")
                .param(sha256)
                .query(Boolean.class)
                .single();
    }

    /** How many parse warnings the release's current file has, if it is served. */
    public Optional<Integer> currentWarnings(String version) {
        return jdbc.sql("""
                        select jsonb_array_length(f.warnings) from release r
                        join revision v on v.id = r.current_revision_id
                        join support_file f on f.id = v.support_file_id
                        where r.version = ?""").param(version).query(Integer.class).optional();
    }

    /**
     * Stores a branch's new revisions and moves its release to the current one, in one transaction:
     * readers see the release as it was or as it is now, never a mix.
     *
     * @param currentCommit the commit whose file the branch tip holds, or null to make the last of
     *                      {@code revisions} current
     * @param checkpoint    remembered for the branch, so the next run can tell what is new
     */
    public Stored store(
            ReleaseBranch release, List<ParsedRevision> revisions, String currentCommit, Checkpoint checkpoint) {
        return store(release, revisions, currentCommit, checkpoint, false);
    }

    /**
     * As {@link #store(ReleaseBranch, List, String, Checkpoint)}; with {@code provisional}, the
     * revisions are the branch tip's file read without its history, to be replaced by the real
     * revisions when the history comes. Whatever becomes current, the provisional revisions it
     * replaces go in the same transaction, so the history never shows both.
     */
    public Stored store(
            ReleaseBranch release,
            List<ParsedRevision> revisions,
            String currentCommit,
            Checkpoint checkpoint,
            boolean provisional) {
        return transaction.execute(status -> {
            Stored stored = new Stored(0, false);
            if (!revisions.isEmpty() || currentCommit != null) {
                stored = storeRevisions(release, revisions, currentCommit, provisional);
            }
            Boolean hadHistory = jdbc.sql("select with_history from source_branch where branch = ?")
                    .param(release.branch())
                    .query(Boolean.class)
                    .optional()
                    .orElse(null);
            jdbc.sql("""
                            insert into source_branch (branch, tip, with_history, etag, last_modified, checked_at)
                            values (:branch, :tip, :withHistory, :etag, :lastModified, now())
                            on conflict (branch) do update set tip = excluded.tip, with_history = excluded.with_history,
                                etag = excluded.etag, last_modified = excluded.last_modified, checked_at = excluded.checked_at""")
                    .param("branch", release.branch())
                    .param("tip", checkpoint.tip())
                    .param("withHistory", checkpoint.withHistory())
                    .param("etag", checkpoint.etag())
                    .param("lastModified", checkpoint.lastModified())
                    .update();
            // Whether a release's history is complete is part of what is served, like the data.
            if (stored.changedAnything() || (hadHistory != null && hadHistory != checkpoint.withHistory())) {
                bumpDataVersion();
            }
            return stored;
        });
    }

    private Stored storeRevisions(
            ReleaseBranch release, List<ParsedRevision> revisions, String currentCommit, boolean provisional) {
        long releaseId = jdbc.sql("""
                        insert into release (version, branch, major, minor) values (?, ?, ?, ?)
                        on conflict (version) do update set branch = excluded.branch
                        returning id""")
                .params(
                        release.version(),
                        release.branch(),
                        release.release().major(),
                        release.release().minor())
                .query(Long.class)
                .single();
        Instant importedAt = Instant.now();
        Long lastInserted = null;
        int inserted = 0;
        for (ParsedRevision revision : revisions) {
            long fileId = supportFileId(revision);
            FileRevision source = revision.source();
            Optional<Long> id = jdbc.sql("""
                            insert into revision (release_id, support_file_id, commit_id, branch_tip, author_name,
                                authored_at, committed_at, subject, imported_at, provisional)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            on conflict (release_id, commit_id) do nothing
                            returning id""")
                    .params(
                            releaseId,
                            fileId,
                            source.commitId(),
                            source.branchTip(),
                            source.authorName(),
                            timestamp(source.authoredAt()),
                            timestamp(source.committedAt()),
                            source.subject(),
                            timestamp(importedAt),
                            provisional)
                    .query(Long.class)
                    .optional();
            if (id.isPresent()) {
                inserted++;
                lastInserted = id.get();
            }
        }
        Long current = currentCommit == null
                ? lastInserted
                : jdbc.sql("select id from revision where release_id = ? and commit_id = ?")
                        .params(releaseId, currentCommit)
                        .query(Long.class)
                        .optional()
                        .orElse(null);
        boolean currentChanged = current != null
                && jdbc.sql("""
                        update release set current_revision_id = ?
                        where id = ? and current_revision_id is distinct from ?""").params(current, releaseId, current).update() > 0;
        int replaced = jdbc.sql("""
                        delete from revision v using release r
                        where r.id = ? and v.release_id = r.id and v.provisional
                            and v.id is distinct from r.current_revision_id""").param(releaseId).update();
        return new Stored(inserted, currentChanged || replaced > 0);
    }

    /** The stored file with this content, stored now with its sections and statuses if new. */
    private long supportFileId(ParsedRevision revision) {
        SupportDocument document = revision.document();
        if (document == null) {
            return jdbc.sql("select id from support_file where sha256 = ?")
                    .param(revision.sha256())
                    .query(Long.class)
                    .single();
        }
        ReleaseSupport release = document.release();
        Optional<Long> inserted = jdbc.sql("""
                        insert into support_file (sha256, content, warnings, xen_version, initial_release,
                            supported_until, security_support_until, release_notes, release_raw, parsed_at)
                        values (:sha256, :content, cast(:warnings as jsonb), :xenVersion, :initialRelease,
                            :supportedUntil, :securitySupportUntil, :releaseNotes, cast(:raw as jsonb), now())
                        on conflict (sha256) do nothing
                        returning id""")
                .param("sha256", revision.sha256())
                .param("content", new String(revision.source().content(), StandardCharsets.UTF_8))
                .param("warnings", json.writeValueAsString(warnings(document.warnings())))
                .param("xenVersion", release == null ? null : release.xenVersion())
                .param("initialRelease", release == null ? null : release.initialRelease())
                .param("supportedUntil", release == null ? null : release.supportedUntil())
                .param("securitySupportUntil", release == null ? null : release.securitySupportUntil())
                .param("releaseNotes", release == null ? null : release.releaseNotes())
                .param("raw", json.writeValueAsString(release == null ? Map.of() : release.raw()))
                .query(Long.class)
                .optional();
        if (inserted.isEmpty()) {
            return jdbc.sql("select id from support_file where sha256 = ?")
                    .param(revision.sha256())
                    .query(Long.class)
                    .single();
        }
        long fileId = inserted.get();
        insertSectionsAndStatuses(fileId, document);
        return fileId;
    }

    private record WarningRow(int line, String message) {}

    private static List<WarningRow> warnings(List<ParseWarning> warnings) {
        return warnings.stream().map(w -> new WarningRow(w.line(), w.message())).toList();
    }

    private record SectionRow(
            int ordinal,
            String key,
            String title,
            int level,
            Integer parentOrdinal,
            List<String> path,
            List<String> description,
            List<String> caveats,
            int line) {}

    private record StatusRow(
            int ordinal,
            Integer sectionOrdinal,
            String key,
            String sectionKey,
            String qualifier,
            String text,
            String level,
            String security,
            String limit,
            List<String> arches,
            int line) {}

    private void insertSectionsAndStatuses(long fileId, SupportDocument document) {
        List<SectionRow> sections = new ArrayList<>();
        Map<String, Integer> ordinalByKey = new HashMap<>();
        addSections(document.sections(), null, sections, ordinalByKey);
        List<StatusRow> statuses = new ArrayList<>();
        for (FeatureStatus s : document.statuses()) {
            statuses.add(new StatusRow(
                    statuses.size(),
                    ordinalByKey.get(s.sectionKey()),
                    s.key(),
                    s.sectionKey(),
                    s.qualifier(),
                    s.text(),
                    s.level() == null ? "other" : s.level().id(),
                    s.security() == null ? "unknown" : s.security().id(),
                    s.limit(),
                    s.arches().stream().map(Arch::id).toList(),
                    s.line()));
        }
        if (!sections.isEmpty()) {
            jdbc.sql("""
                            insert into section (support_file_id, ordinal, key, title, level, parent_ordinal, path,
                                description, caveats, line)
                            select :file, r.ordinal, r.key, r.title, r.level, r."parentOrdinal", r.path,
                                r.description, r.caveats, r.line
                            from jsonb_to_recordset(cast(:rows as jsonb)) as r(ordinal int, key text, title text,
                                level int, "parentOrdinal" int, path text[], description text[], caveats text[], line int)""")
                    .param("file", fileId)
                    .param("rows", json.writeValueAsString(sections))
                    .update();
        }
        if (!statuses.isEmpty()) {
            jdbc.sql("""
                            insert into feature_status (support_file_id, ordinal, section_ordinal, key, section_key,
                                qualifier, text, level, security, status_limit, arches, line)
                            select :file, r.ordinal, r."sectionOrdinal", r.key, r."sectionKey", r.qualifier, r.text,
                                r.level, r.security, r."limit", r.arches, r.line
                            from jsonb_to_recordset(cast(:rows as jsonb)) as r(ordinal int, "sectionOrdinal" int,
                                key text, "sectionKey" text, qualifier text, text text, level text, security text,
                                "limit" text, arches text[], line int)""")
                    .param("file", fileId)
                    .param("rows", json.writeValueAsString(statuses))
                    .update();
        }
    }

    private static void addSections(
            List<Section> level, Integer parentOrdinal, List<SectionRow> into, Map<String, Integer> ordinalByKey) {
        for (Section s : level) {
            int ordinal = into.size();
            into.add(new SectionRow(
                    ordinal,
                    s.key(),
                    s.title(),
                    s.level(),
                    parentOrdinal,
                    s.path(),
                    s.description(),
                    s.caveats(),
                    s.line()));
            ordinalByKey.putIfAbsent(s.key(), ordinal);
            addSections(s.children(), ordinal, into, ordinalByKey);
        }
    }

    /** Records the RELEASE-X.Y.Z tags; answers whether any was new or moved. */
    public boolean storeTags(List<PointRelease> tags) {
        if (tags.isEmpty()) {
            return false;
        }
        record TagRow(
                String name,
                String version,
                String releaseVersion,
                int major,
                int minor,
                int patch,
                String commitId,
                Instant taggedAt) {}
        List<TagRow> rows = tags.stream()
                .map(t -> new TagRow(
                        t.tag(),
                        t.version(),
                        t.release().name(),
                        t.major(),
                        t.minor(),
                        t.patch(),
                        t.commitId(),
                        t.taggedAt()))
                .toList();
        return Boolean.TRUE.equals(transaction.execute(status -> {
            int changed =
                    jdbc.sql("""
                            insert into release_tag (name, version, release_version, major, minor, patch, commit_id, tagged_at)
                            select t.name, t.version, t."releaseVersion", t.major, t.minor, t.patch, t."commitId", t."taggedAt"
                            from jsonb_to_recordset(cast(:rows as jsonb)) as t(name text, version text,
                                "releaseVersion" text, major int, minor int, patch int, "commitId" text, "taggedAt" timestamptz)
                            on conflict (name) do update
                                set commit_id = excluded.commit_id,
                                    tagged_at = coalesce(excluded.tagged_at, release_tag.tagged_at)
                                where release_tag.commit_id <> excluded.commit_id
                                   or (excluded.tagged_at is not null
                                       and release_tag.tagged_at is distinct from excluded.tagged_at)""").param("rows", json.writeValueAsString(rows)).update();
            if (changed > 0) {
                bumpDataVersion();
            }
            return changed > 0;
        }));
    }

    private void bumpDataVersion() {
        jdbc.sql("update data_version set version = version + 1, changed_at = now()")
                .update();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
