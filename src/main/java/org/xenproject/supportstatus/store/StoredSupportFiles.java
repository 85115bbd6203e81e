package org.xenproject.supportstatus.store;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xenproject.supportstatus.supportmd.Arch;
import org.xenproject.supportstatus.supportmd.FeatureStatus;
import org.xenproject.supportstatus.supportmd.ParseWarning;
import org.xenproject.supportstatus.supportmd.ReleaseSupport;
import org.xenproject.supportstatus.supportmd.Section;
import org.xenproject.supportstatus.supportmd.SecuritySupport;
import org.xenproject.supportstatus.supportmd.SupportDocument;
import org.xenproject.supportstatus.supportmd.SupportLevel;

/**
 * Turns stored support files back into the reader's own {@link SupportDocument}, so that every
 * answer (features, filters, matrix, diff) is computed from one model, whether the file came from
 * the database or from {@code POST /api/v1/parse}.
 */
@Component
public class StoredSupportFiles {

    private final JdbcClient jdbc;

    StoredSupportFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The documents of the given support files, by id; ids with no stored file are absent. */
    public Map<Long, SupportDocument> load(Collection<Long> supportFileIds) {
        if (supportFileIds.isEmpty()) {
            return Map.of();
        }
        Long[] ids = supportFileIds.toArray(Long[]::new);
        Map<Long, ReleaseSupport> releases = new HashMap<>();
        jdbc.sql("""
                select id, xen_version, initial_release, supported_until, security_support_until, release_notes
                from support_file where id = any(?)""")
                .param(ids)
                .query((rs, n) -> releases.put(rs.getLong("id"), releaseSupport(rs)))
                .list();
        Map<Long, Map<String, String>> raws = new HashMap<>();
        jdbc.sql("select id, r.key, r.value from support_file, jsonb_each_text(release_raw) r where id = any(?)")
                .param(ids)
                .query(rs -> {
                    raws.computeIfAbsent(rs.getLong("id"), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                });
        Map<Long, List<ParseWarning>> warnings = new HashMap<>();
        jdbc.sql("""
                select id, (w->>'line')::int as line, w->>'message' as message
                from support_file, jsonb_array_elements(warnings) with ordinality as e(w, n)
                where id = any(?) order by id, n""").param(ids).query(rs -> {
            warnings.computeIfAbsent(rs.getLong("id"), k -> new ArrayList<>())
                    .add(new ParseWarning(rs.getInt("line"), rs.getString("message")));
        });
        Map<Long, List<StatusRow>> statuses = new HashMap<>();
        jdbc.sql("""
                select support_file_id, section_ordinal, key, section_key, qualifier, text, level, security,
                       status_limit, arches, line
                from feature_status where support_file_id = any(?) order by support_file_id, ordinal""").param(ids).query(rs -> {
            statuses.computeIfAbsent(rs.getLong("support_file_id"), k -> new ArrayList<>())
                    .add(statusRow(rs));
        });
        Map<Long, List<SectionRow>> sections = new HashMap<>();
        jdbc.sql("""
                select support_file_id, ordinal, key, title, level, parent_ordinal, path, description, caveats, line
                from section where support_file_id = any(?) order by support_file_id, ordinal""").param(ids).query(rs -> {
            sections.computeIfAbsent(rs.getLong("support_file_id"), k -> new ArrayList<>())
                    .add(sectionRow(rs));
        });

        Map<Long, SupportDocument> documents = new LinkedHashMap<>();
        for (Long id : supportFileIds) {
            ReleaseSupport release = releases.get(id);
            if (release == null) {
                continue;
            }
            release = new ReleaseSupport(
                    release.xenVersion(),
                    release.initialRelease(),
                    release.supportedUntil(),
                    release.securitySupportUntil(),
                    release.releaseNotes(),
                    raws.getOrDefault(id, Map.of()));
            documents.put(
                    id,
                    document(
                            release,
                            sections.getOrDefault(id, List.of()),
                            statuses.getOrDefault(id, List.of()),
                            warnings.getOrDefault(id, List.of())));
        }
        return documents;
    }

    /** The stored text of a support file. */
    public String content(long supportFileId) {
        return jdbc.sql("select content from support_file where id = ?")
                .param(supportFileId)
                .query(String.class)
                .single();
    }

    private record SectionRow(
            int ordinal,
            Integer parentOrdinal,
            String key,
            String title,
            int level,
            List<String> path,
            List<String> description,
            List<String> caveats,
            int line) {}

    private record StatusRow(Integer sectionOrdinal, FeatureStatus status) {}

    private static SupportDocument document(
            ReleaseSupport release,
            List<SectionRow> sectionRows,
            List<StatusRow> statusRows,
            List<ParseWarning> warnings) {
        Map<Integer, List<FeatureStatus>> statusesBySection = new HashMap<>();
        for (StatusRow row : statusRows) {
            statusesBySection
                    .computeIfAbsent(row.sectionOrdinal(), k -> new ArrayList<>())
                    .add(row.status());
        }
        Map<Integer, List<SectionRow>> children = new HashMap<>();
        for (SectionRow row : sectionRows) {
            children.computeIfAbsent(row.parentOrdinal(), k -> new ArrayList<>())
                    .add(row);
        }
        List<Section> top = build(null, children, statusesBySection);
        return new SupportDocument(
                release, top, statusRows.stream().map(StatusRow::status).toList(), warnings);
    }

    private static List<Section> build(
            Integer parent, Map<Integer, List<SectionRow>> children, Map<Integer, List<FeatureStatus>> statuses) {
        List<Section> built = new ArrayList<>();
        for (SectionRow row : children.getOrDefault(parent, List.of())) {
            built.add(new Section(
                    row.key(),
                    row.title(),
                    row.level(),
                    row.path(),
                    row.description(),
                    row.caveats(),
                    statuses.getOrDefault(row.ordinal(), List.of()),
                    build(row.ordinal(), children, statuses),
                    row.line()));
        }
        return built;
    }

    private static ReleaseSupport releaseSupport(ResultSet rs) throws SQLException {
        return new ReleaseSupport(
                rs.getString("xen_version"),
                date(rs, "initial_release"),
                date(rs, "supported_until"),
                date(rs, "security_support_until"),
                rs.getString("release_notes"),
                Map.of());
    }

    private static SectionRow sectionRow(ResultSet rs) throws SQLException {
        return new SectionRow(
                rs.getInt("ordinal"),
                (Integer) rs.getObject("parent_ordinal"),
                rs.getString("key"),
                rs.getString("title"),
                rs.getInt("level"),
                strings(rs.getArray("path")),
                strings(rs.getArray("description")),
                strings(rs.getArray("caveats")),
                rs.getInt("line"));
    }

    private static StatusRow statusRow(ResultSet rs) throws SQLException {
        List<Arch> arches =
                strings(rs.getArray("arches")).stream().map(Arch::fromId).toList();
        FeatureStatus status = new FeatureStatus(
                rs.getString("key"),
                rs.getString("section_key"),
                rs.getString("qualifier"),
                rs.getString("text"),
                SupportLevel.fromId(rs.getString("level")),
                SecuritySupport.fromId(rs.getString("security")),
                rs.getString("status_limit"),
                arches,
                rs.getInt("line"));
        return new StatusRow((Integer) rs.getObject("section_ordinal"), status);
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
