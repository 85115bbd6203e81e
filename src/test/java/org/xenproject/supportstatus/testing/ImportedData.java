package org.xenproject.supportstatus.testing;

import org.springframework.jdbc.core.simple.JdbcClient;

/** All test classes share one database: each starts from nothing imported. */
public final class ImportedData {

    private ImportedData() {}

    /**
     * Empties every imported table. The data version moves forward, never back, as it does in
     * service: cached answers of contexts that other test classes left running must not survive.
     */
    public static void clear(JdbcClient jdbc) {
        jdbc.sql("""
                truncate release, revision, support_file, section, feature_status, release_tag, source_branch,
                    fix_commit, fix_advisory, fix_cve, fix_introduced_by, release_fix,
                    import_run, import_branch_result restart identity cascade""").update();
        jdbc.sql("update data_version set version = version + 1, changed_at = now()")
                .update();
    }
}
