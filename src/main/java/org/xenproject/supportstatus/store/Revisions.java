package org.xenproject.supportstatus.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xenproject.supportstatus.release.RevisionPoint;

/** Reads the stored history of releases' SUPPORT.md. */
@Component
public class Revisions {

    private static final String COLUMNS = """
            select v.id, r.version, v.support_file_id, v.commit_id, v.author_name, v.authored_at, v.committed_at,
                   v.subject, f.sha256, v.imported_at, v.branch_tip
            from revision v
            join release r on r.id = v.release_id
            join support_file f on f.id = v.support_file_id
            """;

    private final JdbcClient jdbc;

    Revisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A release's revisions, newest first. */
    public List<StoredRevision> of(String release) {
        return jdbc.sql(COLUMNS + " where r.version = ? order by v.id desc")
                .param(release)
                .query(Revisions::revision)
                .list();
    }

    /** Every stored revision of every release, newest first. */
    public List<StoredRevision> all() {
        return jdbc.sql(COLUMNS + " order by coalesce(v.committed_at, v.imported_at) desc, v.id desc")
                .query(Revisions::revision)
                .list();
    }

    /** The revision of {@code release} at {@code point}, if there is one. */
    public Optional<StoredRevision> at(String release, RevisionPoint point) {
        if (point instanceof RevisionPoint.Commit commit) {
            List<StoredRevision> matches = jdbc.sql(COLUMNS + " where r.version = ? and v.commit_id like ? "
                            + "order by v.id desc limit 2")
                    .param(release)
                    .param(commit.prefix() + "%")
                    .query(Revisions::revision)
                    .list();
            if (matches.size() > 1 && !matches.get(0).commit().equals(matches.get(1).commit())) {
                throw new RevisionPoint.Ambiguous("commit prefix '" + commit.prefix()
                        + "' is ambiguous in the history of " + release + "; give more digits");
            }
            return matches.stream().findFirst();
        }
        LocalDate day = ((RevisionPoint.Day) point).day();
        return jdbc.sql(COLUMNS + " where r.version = ? "
                        + "and coalesce(v.committed_at, v.imported_at) < ? "
                        + "order by coalesce(v.committed_at, v.imported_at) desc, v.id desc limit 1")
                .param(release)
                .param(day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC))
                .query(Revisions::revision)
                .optional();
    }

    private static StoredRevision revision(ResultSet rs, int row) throws SQLException {
        return new StoredRevision(rs.getLong("id"), rs.getString("version"), rs.getLong("support_file_id"),
                rs.getString("commit_id"), rs.getString("author_name"), instant(rs, "authored_at"),
                instant(rs, "committed_at"), rs.getString("subject"), rs.getString("sha256"),
                instant(rs, "imported_at"), rs.getString("branch_tip"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
