package org.xenproject.supportstatus.imports;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.xenproject.supportstatus.store.DataVersions;
import org.xenproject.supportstatus.store.ImportLock;
import org.xenproject.supportstatus.store.ImportRunRepository;
import org.xenproject.supportstatus.testing.ImportedData;
import org.xenproject.supportstatus.testing.XenRepository;

/**
 * Runs the real importer against the test PostgreSQL, with sources the tests build. Every test
 * starts from empty import tables.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
public abstract class ImportTestSupport {

    @Autowired
    protected DataSource dataSource;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected ImportRunRepository runs;

    @Autowired
    Importer importer;

    @Autowired
    FixImporter fixImporter;

    @Autowired
    ImportMetrics metrics;

    @Autowired
    protected PlatformTransactionManager transactions;

    @Autowired
    protected DataVersions dataVersions;

    @TempDir
    Path temp;

    private final List<ImportJob> jobs = new ArrayList<>();

    @BeforeEach
    void emptyImportTables() {
        clear(jdbc);
    }

    public static void clear(JdbcClient jdbc) {
        ImportedData.clear(jdbc);
    }

    @AfterEach
    void stopJobs() {
        jobs.forEach(ImportJob::destroy);
    }

    ImportJob job(SupportSourceFactory sources, String... branchPatterns) {
        ImportSettings settings = new ImportSettings(
                false,
                Duration.ofHours(1),
                ImportSettings.SourceType.GIT,
                "(set by the test)",
                null,
                List.of(branchPatterns),
                true,
                temp.resolve("cache"),
                1024 * 1024,
                Duration.ofSeconds(5));
        ImportJob job = new ImportJob(
                new ImportLock.Locks(dataSource),
                runs,
                importer,
                fixImporter,
                sources,
                settings,
                metrics,
                transactions,
                dataVersions);
        jobs.add(job);
        return job;
    }

    SupportSourceFactory git(XenRepository repository, boolean history) {
        return () -> new GitSupportSource(
                repository.url(), temp.resolve("cache"), history, 1024 * 1024, Duration.ofSeconds(30));
    }

    protected long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    protected long dataVersion() {
        return jdbc.sql("select version from data_version").query(Long.class).single();
    }

    /** The commit id of the revision a release serves, or null. */
    protected String currentCommit(String version) {
        return jdbc.sql("""
                        select v.commit_id from release r join revision v on v.id = r.current_revision_id
                        where r.version = ?""").param(version).query(String.class).optional().orElse(null);
    }

    protected Long currentRevisionId(String version) {
        return jdbc.sql("select current_revision_id from release where version = ?")
                .param(version)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    protected long revisions(String version) {
        return jdbc.sql("select count(*) from revision v join release r on r.id = v.release_id where r.version = ?")
                .param(version)
                .query(Long.class)
                .single();
    }

    static ImportRunView.Branch branch(ImportRunView run, String name) {
        return run.branches().stream()
                .filter(b -> b.branch().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + name + " in " + run));
    }
}
