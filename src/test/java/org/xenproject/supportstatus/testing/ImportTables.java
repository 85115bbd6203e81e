package org.xenproject.supportstatus.testing;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Empties what imports write, so a test starts from a database with nothing imported. */
public final class ImportTables {

    private ImportTables() {
    }

    public static void clear(JdbcClient jdbc) {
        jdbc.sql("""
                truncate release, revision, support_file, section, feature_status, release_tag, source_branch,
                    import_run, import_branch_result restart identity cascade""").update();
        jdbc.sql("update data_version set version = 0").update();
    }
}
