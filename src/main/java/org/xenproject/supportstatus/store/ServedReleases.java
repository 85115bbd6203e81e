package org.xenproject.supportstatus.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xenproject.supportstatus.release.PointRelease;

/** What the service serves now: each release's current revision, and the point releases. */
@Component
public class ServedReleases {

    private final JdbcClient jdbc;

    ServedReleases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A release and the revision it serves.
     *
     * @param version       {@code X.Y} or {@code unstable}
     * @param branch        {@code stable-X.Y} or {@code master}
     * @param revisionId    the stored revision served
     * @param supportFileId the stored file of that revision
     * @param historyComplete whether the branch's history was imported at its last clean import,
     *                        rather than only its current file
     */
    public record StoredRelease(
            String version,
            String branch,
            long revisionId,
            long supportFileId,
            Provenance source,
            boolean historyComplete) {}

    /** Every release that serves a file, newest first, {@code unstable} first. */
    public List<StoredRelease> releases() {
        return jdbc.sql("""
                select r.version, r.branch, v.id as revision_id, f.id as file_id, v.commit_id, v.committed_at,
                       f.sha256, v.imported_at, v.branch_tip, coalesce(s.with_history, false) as history_complete
                from release r
                join revision v on v.id = r.current_revision_id
                join support_file f on f.id = v.support_file_id
                left join source_branch s on s.branch = r.branch
                order by r.major desc nulls first, r.minor desc nulls first, r.version""")
                .query((rs, n) -> new StoredRelease(
                        rs.getString("version"),
                        rs.getString("branch"),
                        rs.getLong("revision_id"),
                        rs.getLong("file_id"),
                        new Provenance(
                                rs.getString("commit_id"),
                                instant(rs, "committed_at"),
                                rs.getString("sha256"),
                                instant(rs, "imported_at"),
                                rs.getString("branch_tip")),
                        rs.getBoolean("history_complete")))
                .list();
    }

    /** Every point release, newest first within each release. */
    public List<PointRelease> pointReleases() {
        return jdbc.sql("""
                select name, major, minor, patch, commit_id, tagged_at from release_tag
                order by major desc, minor desc, patch desc""")
                .query((rs, n) -> new PointRelease(
                        rs.getString("name"),
                        rs.getInt("major"),
                        rs.getInt("minor"),
                        rs.getInt("patch"),
                        rs.getString("commit_id"),
                        instant(rs, "tagged_at")))
                .list();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
