package org.xenproject.supportstatus.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xenproject.supportstatus.release.ReleaseVersion;
import org.xenproject.supportstatus.release.RevisionPoint;

/**
 * Reads the stored history of releases' SUPPORT.md. A release's history starts at its own
 * development: a stable branch carries master's revisions from before its branch point, and those
 * that spoke about earlier releases ({@code 4.18-unstable}, the first skeleton) belong to those
 * releases and to {@code unstable}, not to this one. They stay stored (the branch did carry them);
 * they are left out here, where histories are read.
 */
@Component
public class Revisions {

    private static final String COLUMNS = """
            select v.id, r.version, v.support_file_id, v.commit_id, v.author_name, v.authored_at, v.committed_at,
                   v.subject, f.sha256, v.imported_at, v.branch_tip, f.xen_version
            from revision v
            join release r on r.id = v.release_id
            join support_file f on f.id = v.support_file_id
            """;

    /** A stored revision and the version its file names, which decides whose history it is. */
    private record Row(StoredRevision revision, String xenVersion) {}

    private final JdbcClient jdbc;

    Revisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A release's revisions, newest first. */
    public List<StoredRevision> of(String release) {
        List<Row> rows = jdbc.sql(COLUMNS + " where r.version = ? order by v.id desc")
                .param(release)
                .query(Revisions::row)
                .list();
        return own(release, rows).stream().map(Row::revision).toList();
    }

    /** Every stored revision of every release, newest first. */
    public List<StoredRevision> all() {
        List<Row> rows = jdbc.sql(COLUMNS + " order by coalesce(v.committed_at, v.imported_at) desc, v.id desc")
                .query(Revisions::row)
                .list();
        Map<String, List<Row>> byRelease = new LinkedHashMap<>();
        for (Row row : rows) {
            byRelease
                    .computeIfAbsent(row.revision().release(), k -> new ArrayList<>())
                    .add(row);
        }
        Set<Long> kept = new HashSet<>();
        byRelease.forEach((release, history) -> {
            history.sort(Comparator.comparingLong((Row r) -> r.revision().id()).reversed());
            own(release, history).forEach(r -> kept.add(r.revision().id()));
        });
        return rows.stream()
                .map(Row::revision)
                .filter(r -> kept.contains(r.id()))
                .toList();
    }

    /** The revision of {@code release} at {@code point}, if its history has one there. */
    public Optional<StoredRevision> at(String release, RevisionPoint point) {
        List<StoredRevision> history = of(release);
        if (point instanceof RevisionPoint.Commit commit) {
            List<StoredRevision> matches = history.stream()
                    .filter(r -> r.commit() != null && r.commit().startsWith(commit.prefix()))
                    .toList();
            if (matches.stream().map(StoredRevision::commit).distinct().count() > 1) {
                throw new RevisionPoint.Ambiguous("commit prefix '" + commit.prefix()
                        + "' is ambiguous in the history of " + release + "; give more digits");
            }
            return matches.stream().findFirst();
        }
        Instant end =
                ((RevisionPoint.Day) point).day().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return history.stream()
                .filter(r -> time(r).isBefore(end))
                .max(Comparator.comparing(Revisions::time).thenComparingLong(StoredRevision::id));
    }

    /**
     * The part of a branch's revisions (newest first) that is the release's own history: from the
     * first revision whose Xen-Version names it; when none of the revisions before it names a
     * version at all, from the branch's first. {@code unstable}, and a file that never names the release,
     * keep everything.
     */
    private static List<Row> own(String release, List<Row> newestFirst) {
        ReleaseVersion version = new ReleaseVersion(release);
        if (version.isUnstable()) {
            return newestFirst;
        }
        int firstNaming = -1;
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            if (version.isNamedBy(newestFirst.get(i).xenVersion())) {
                firstNaming = i;
                break;
            }
        }
        if (firstNaming < 0) {
            return newestFirst;
        }
        boolean otherBefore = false;
        for (int i = firstNaming + 1; i < newestFirst.size(); i++) {
            otherBefore |= !blank(newestFirst.get(i).xenVersion());
        }
        return otherBefore ? newestFirst.subList(0, firstNaming + 1) : newestFirst;
    }

    private static boolean blank(String xenVersion) {
        return xenVersion == null || xenVersion.isBlank();
    }

    private static Instant time(StoredRevision r) {
        return r.committedAt() != null ? r.committedAt() : r.importedAt();
    }

    private static Row row(ResultSet rs, int row) throws SQLException {
        return new Row(
                new StoredRevision(
                        rs.getLong("id"),
                        rs.getString("version"),
                        rs.getLong("support_file_id"),
                        rs.getString("commit_id"),
                        rs.getString("author_name"),
                        instant(rs, "authored_at"),
                        instant(rs, "committed_at"),
                        rs.getString("subject"),
                        rs.getString("sha256"),
                        instant(rs, "imported_at"),
                        rs.getString("branch_tip")),
                rs.getString("xen_version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
