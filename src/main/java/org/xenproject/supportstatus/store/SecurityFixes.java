package org.xenproject.supportstatus.store;

import java.sql.Array;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xenproject.supportstatus.advisory.AdvisoryMention;
import org.xenproject.supportstatus.release.ReleaseBranch;
import tools.jackson.databind.json.JsonMapper;

/**
 * The security fixes of each release's branch (db/V4__security_fixes.sql): written by the import,
 * one branch in one transaction that ends by bumping the data version, and read back whole for the
 * snapshot.
 */
@Repository
public class SecurityFixes {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final JsonMapper json;

    SecurityFixes(JdbcClient jdbc, PlatformTransactionManager transactions, JsonMapper json) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.json = json;
    }

    /** What is stored of the branch's fixes; empty when its release is not stored. */
    public Optional<KnownFixes> known(ReleaseBranch release) {
        Optional<Long> releaseId = releaseId(release.version());
        if (releaseId.isEmpty()) {
            return Optional.empty();
        }
        record Read(String tip, String tags) {}
        Read read = jdbc.sql("select fixes_tip, fixes_tags from source_branch where branch = ?")
                .param(release.branch())
                .query((rs, n) -> new Read(rs.getString(1), rs.getString(2)))
                .optional()
                .orElse(new Read(null, null));
        Set<String> commits = new HashSet<>();
        Map<String, String> pointReleases = new HashMap<>();
        jdbc.sql("select commit_id, point_release from release_fix where release_id = ?")
                .param(releaseId.get())
                .query(rs -> {
                    commits.add(rs.getString(1));
                    if (rs.getString(2) != null) {
                        pointReleases.put(rs.getString(1), rs.getString(2));
                    }
                });
        return Optional.of(new KnownFixes(read.tip(), read.tags(), commits, pointReleases));
    }

    /**
     * Where each stored release's fixes were last read: its branch's tip and its tags' digest, both
     * null when never. One query for every release, so that a run can tell the unchanged branches
     * at once.
     */
    public Map<String, ReadAt> readAt() {
        Map<String, ReadAt> readAt = new HashMap<>();
        jdbc.sql("""
                        select r.version, s.fixes_tip, s.fixes_tags
                        from release r left join source_branch s on s.branch = r.branch""").query(rs -> {
            readAt.put(rs.getString(1), new ReadAt(rs.getString(2), rs.getString(3)));
        });
        return readAt;
    }

    /** The tip and the tags' digest a release's fixes were read at; nulls when never. */
    public record ReadAt(String tip, String tags) {}

    /** Which of these commits are stored as fix commits already (of any release). */
    public List<String> storedCommits(Collection<String> commits) {
        if (commits.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select commit_id from fix_commit where commit_id = any(?)")
                .param(commits.toArray(String[]::new))
                .query(String.class)
                .list();
    }

    /**
     * Stores what the branch's fixes are now, in one transaction: the new fix commits, the release's
     * whole set of fix commits (those it no longer reaches, after a forced push, are dropped) with
     * each one's point release, and where they were read. Bumps the data version when anything
     * served changed.
     *
     * @param newCommits   fix commits not stored yet (of any release)
     * @param reached      every fix commit the branch reaches, with its point release or null
     * @return whether anything served changed
     */
    public boolean store(
            ReleaseBranch release,
            String tip,
            String tags,
            Collection<FixCommit> newCommits,
            Map<String, String> reached) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            long releaseId = releaseId(release.version())
                    .orElseThrow(() -> new IllegalStateException("release " + release.version() + " is not stored"));
            int changed = 0;
            for (FixCommit fix : newCommits) {
                changed += insert(fix);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            reached.forEach((commit, point) -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("commit", commit);
                row.put("point", point);
                rows.add(row);
            });
            changed += jdbc.sql("""
                            insert into release_fix (release_id, commit_id, point_release)
                            select :release, r.commit, r.point
                            from jsonb_to_recordset(cast(:rows as jsonb)) as r(commit text, point text)
                            on conflict (release_id, commit_id) do update set point_release = excluded.point_release
                            where release_fix.point_release is distinct from excluded.point_release""")
                    .param("release", releaseId)
                    .param("rows", json.writeValueAsString(rows))
                    .update();
            changed += jdbc.sql("delete from release_fix where release_id = ? and not (commit_id = any(?))")
                    .params(releaseId, reached.keySet().toArray(String[]::new))
                    .update();
            jdbc.sql("update source_branch set fixes_tip = ?, fixes_tags = ? where branch = ?")
                    .params(tip, tags, release.branch())
                    .update();
            if (changed > 0) {
                jdbc.sql("update data_version set version = version + 1, changed_at = now()")
                        .update();
            }
            return changed > 0;
        }));
    }

    private int insert(FixCommit fix) {
        int inserted = jdbc.sql("""
                        insert into fix_commit (commit_id, committed_at, subject, picked_from, picked_from_resolved, warnings)
                        values (?, ?, ?, ?, ?, ?) on conflict (commit_id) do nothing""")
                .params(
                        fix.commit(),
                        fix.committedAt().atOffset(ZoneOffset.UTC),
                        fix.subject(),
                        fix.pickedFrom(),
                        fix.pickedFromResolved(),
                        fix.warnings().toArray(String[]::new))
                .update();
        if (inserted == 0) {
            return 0;
        }
        for (AdvisoryMention mention : fix.advisories()) {
            jdbc.sql("insert into fix_advisory (commit_id, xsa, part_of) values (?, ?, ?)")
                    .params(fix.commit(), mention.number(), mention.partOf())
                    .update();
        }
        for (int i = 0; i < fix.cves().size(); i++) {
            jdbc.sql("insert into fix_cve (commit_id, ordinal, cve) values (?, ?, ?)")
                    .params(fix.commit(), i, fix.cves().get(i))
                    .update();
        }
        for (int i = 0; i < fix.introducedBy().size(); i++) {
            FixCommit.Introduced by = fix.introducedBy().get(i);
            jdbc.sql("""
                            insert into fix_introduced_by (commit_id, ordinal, written, resolved, subject)
                            values (?, ?, ?, ?, ?)""")
                    .params(fix.commit(), i, by.written(), by.resolved(), by.subject())
                    .update();
        }
        return 1;
    }

    /** Every release's fixes, each release's newest first. */
    public List<StoredFix> all() {
        Map<String, List<AdvisoryMention>> advisories = new HashMap<>();
        jdbc.sql("select commit_id, xsa, part_of from fix_advisory order by commit_id, xsa")
                .query(rs -> {
                    advisories
                            .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new AdvisoryMention(rs.getInt(2), rs.getBoolean(3)));
                });
        Map<String, List<String>> cves = new HashMap<>();
        jdbc.sql("select commit_id, cve from fix_cve order by commit_id, ordinal")
                .query(rs -> {
                    cves.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(rs.getString(2));
                });
        Map<String, List<FixCommit.Introduced>> introduced = new HashMap<>();
        jdbc.sql("select commit_id, written, resolved, subject from fix_introduced_by order by commit_id, ordinal")
                .query(rs -> {
                    introduced
                            .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new FixCommit.Introduced(rs.getString(2), rs.getString(3), rs.getString(4)));
                });
        Map<String, FixCommit> commits = new HashMap<>();
        jdbc.sql("select commit_id, committed_at, subject, picked_from, picked_from_resolved, warnings from fix_commit")
                .query(rs -> {
                    String commit = rs.getString("commit_id");
                    commits.put(
                            commit,
                            new FixCommit(
                                    commit,
                                    rs.getObject("committed_at", OffsetDateTime.class)
                                            .toInstant(),
                                    rs.getString("subject"),
                                    rs.getString("picked_from"),
                                    rs.getString("picked_from_resolved"),
                                    advisories.getOrDefault(commit, List.of()),
                                    cves.getOrDefault(commit, List.of()),
                                    introduced.getOrDefault(commit, List.of()),
                                    strings(rs.getArray("warnings"))));
                });
        return jdbc.sql("""
                        select r.version, f.commit_id, f.point_release
                        from release_fix f join release r on r.id = f.release_id
                        join fix_commit c on c.commit_id = f.commit_id
                        order by r.version, c.committed_at desc, f.commit_id""")
                .query((rs, n) -> new StoredFix(rs.getString(1), commits.get(rs.getString(2)), rs.getString(3)))
                .list();
    }

    private Optional<Long> releaseId(String version) {
        return jdbc.sql("select id from release where version = ?")
                .param(version)
                .query(Long.class)
                .optional();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
