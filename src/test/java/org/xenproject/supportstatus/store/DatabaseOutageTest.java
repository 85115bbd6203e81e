package org.xenproject.supportstatus.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xenproject.supportstatus.testing.SupportFiles.supportMd;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.xenproject.supportstatus.imports.ImportJob;
import org.xenproject.supportstatus.imports.ImportRunView;
import org.xenproject.supportstatus.store.ImportRun.Trigger;
import org.xenproject.supportstatus.testing.ImportSource;
import org.xenproject.supportstatus.testing.XenRepository;

/**
 * PostgreSQL stops under the running service and comes back: requests fail fast with a 503 problem,
 * health says DOWN, an import cut off mid-transaction leaves nothing behind, and the service
 * recovers without a restart. The database is this test's own, so stopping it disturbs no other test.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "xen.support.admin.token=" + DatabaseOutageTest.TOKEN)
@AutoConfigureRestTestClient
@DirtiesContext // its database is gone after this class
class DatabaseOutageTest {

    static final String TOKEN = "outage-admin-token-0123456789";
    /** Hikari's connection timeout (2.5 s) once or twice, and margin for a loaded machine. */
    static final Duration FAIL_FAST = Duration.ofSeconds(10);
    /** How soon the service must notice the database is gone, or back. */
    static final Duration NOTICED = Duration.ofSeconds(15);

    static final RestartablePostgres DATABASE = new RestartablePostgres();
    /** The prepared transaction that holds the data version's row while an import waits on it. */
    static final String HOLD = "hold-data-version";

    @TempDir
    static Path temp;

    static XenRepository repo;

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ImportJob job;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        ImportSource.register(registry, () -> temp.resolve("xen"), () -> temp.resolve("cache"));
    }

    @BeforeAll
    static void buildRepository() {
        repo = XenRepository.create(temp.resolve("xen"));
        repo.commitSupport("master", "Add SUPPORT.md", supportMd("4.20-unstable", "n/a", "n/a", "n/a"));
        repo.branch("stable-4.19", "master");
        repo.commitSupport(
                "stable-4.19",
                "Release 4.19.0",
                supportMd("4.19", "2024-07-29", "2026-01-29", "2027-07-29", "Status, x86: Experimental"));
    }

    @AfterAll
    static void stopDatabase() {
        repo.close();
        DATABASE.close();
    }

    @BeforeEach
    void databaseUpAndImported() {
        DATABASE.start();
        awaitStatus("/actuator/health", HttpStatus.OK);
        awaitPoolReconnected();
        ImportRunView run = job.run(Trigger.ADMIN);
        assertThat(run.outcome()).isIn("succeeded");
    }

    @Test
    void whileTheDatabaseIsDownReadsAre503ProblemsAndHealthIsDownThenAllRecovers() {
        String served = http.get()
                .uri("/api/v1/releases/4.19/features")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody();
        String etag = http.get()
                .uri("/api/v1/releases/4.19/features")
                .exchange()
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
        http.get().uri("/actuator/health").exchange().expectStatus().isOk();

        DATABASE.stop();
        // Answers already prepared for the data version stay right until the service notices the
        // database is gone: one poll of the version (each second) and Hikari's connection timeout.
        awaitStatus("/api/v1/releases/4.19/features", HttpStatus.SERVICE_UNAVAILABLE, NOTICED);

        for (String path : new String[] {
            "/api/v1/releases",
            "/api/v1/releases/4.19",
            "/api/v1/releases/4.19/features",
            "/api/v1/features/x86pv",
            "/api/v1/matrix",
            "/api/v1/imports",
            "/api/endoflife/xen.json"
        }) {
            long started = System.nanoTime();
            EntityExchangeResult<String> result = http.get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader()
                    .exists(HttpHeaders.RETRY_AFTER)
                    .expectBody(String.class)
                    .returnResult();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as(path).isLessThan(FAIL_FAST);
            assertThat(result.getResponseBody())
                    .as(path)
                    .contains("\"status\":503", "Database unavailable")
                    .doesNotContain("Exception", "at org.", "postgres", "jdbc");
        }
        // A cached representation cannot be confirmed either: no 304 from a database that is not there.
        http.get()
                .uri("/api/v1/releases/4.19/features")
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        // Admin calls meet the same database.
        http.post()
                .uri("/api/v1/imports")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN)
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        long started = System.nanoTime();
        http.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("DOWN");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FAIL_FAST);
        // The process itself is alive: a liveness probe must not restart it for the database's sake.
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();

        DATABASE.start();

        awaitStatus("/api/v1/releases/4.19/features", HttpStatus.OK, NOTICED);
        http.get()
                .uri("/api/v1/releases/4.19/features")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .isEqualTo(served);
        http.get()
                .uri("/api/v1/releases/4.19/features")
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus()
                .isNotModified();
        http.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }

    @Test
    void anImportCutOffByTheOutageLeavesNothingAndTheNextRunImportsItAll() throws Exception {
        long servedRevision = currentRevision("4.19");
        long version = dataVersion();
        RevCommit update = repo.commitSupport(
                "stable-4.19",
                "SUPPORT.md: extend security support",
                supportMd("4.19", "2024-07-29", "2026-01-29", "2029-07-29", "Status, x86: Supported"));
        repo.branch("stable-4.20", "master");
        repo.commitSupport(
                "stable-4.20", "Release 4.20.0", supportMd("4.20", "2025-03-05", "2026-09-05", "2028-03-05"));

        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread importer = new Thread(() -> {
            try {
                outcome.set(job.run(Trigger.ADMIN));
            } catch (RuntimeException e) {
                outcome.set(e);
            }
        });
        // Every import transaction ends by bumping the data version: hold that row, so the import
        // stops there with all its rows written and not yet committed. The lock is held by a prepared
        // transaction, not a session: a shutdown that ended the holding session before the import's
        // would otherwise let the import commit in between.
        try (Connection blocker = DriverManager.getConnection(DATABASE.url())) {
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                lock.execute("select version from data_version for update");
                lock.execute("prepare transaction '" + HOLD + "'");
            }
        }
        importer.start();
        awaitImportBlockedOnTheDataVersion();
        assertThat(jdbc.sql("select count(*) from revision where commit_id = ?")
                        .param(update.name())
                        .query(Long.class)
                        .single())
                .as("not visible before commit")
                .isZero();

        DATABASE.stop();

        importer.join(60_000);
        assertThat(importer.isAlive()).isFalse();
        assertThat(outcome.get()).as("the run could not even record its end").isInstanceOf(RuntimeException.class);

        DATABASE.start();
        try (Connection release = DriverManager.getConnection(DATABASE.url());
                Statement rollback = release.createStatement()) {
            rollback.execute("rollback prepared '" + HOLD + "'");
        }
        awaitStatus("/actuator/health", HttpStatus.OK);
        awaitPoolReconnected();

        assertThat(currentRevision("4.19")).isEqualTo(servedRevision);
        assertThat(dataVersion()).isEqualTo(version);
        assertThat(jdbc.sql("select count(*) from revision where commit_id = ?")
                        .param(update.name())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from release where version = '4.20'")
                        .query(Long.class)
                        .single())
                .isZero();
        http.get()
                .uri("/api/v1/releases/4.19")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.securitySupportUntil")
                .isEqualTo("2027-07-29");

        ImportRunView next = job.run(Trigger.ADMIN);

        assertThat(next.outcome()).isEqualTo("succeeded");
        assertThat(jdbc.sql("select count(*) from import_run where outcome = 'abandoned'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        http.get()
                .uri("/api/v1/releases/4.19")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.securitySupportUntil")
                .isEqualTo("2029-07-29");
        http.get().uri("/api/v1/releases/4.20").exchange().expectStatus().isOk();
    }

    /**
     * Connections the pool handed out just before the restart are checked only after half a second
     * idle; the first use of one fails and evicts it. The test's own queries wait until that is over.
     */
    private void awaitPoolReconnected() {
        for (int i = 0; i < 50; i++) {
            try {
                jdbc.sql("select 1").query(Integer.class).single();
                return;
            } catch (org.springframework.dao.DataAccessException brokenConnectionEvicted) {
                sleep(200);
            }
        }
        throw new AssertionError("the pool never reconnected");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void awaitImportBlockedOnTheDataVersion() throws Exception {
        try (Connection watcher = DriverManager.getConnection(DATABASE.url());
                Statement query = watcher.createStatement()) {
            for (int i = 0; i < 300; i++) {
                try (ResultSet rs = query.executeQuery("""
                        select count(*) from pg_stat_activity
                        where wait_event_type = 'Lock' and query like 'update data_version%'""")) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the import never reached the data version");
    }

    private void awaitStatus(String path, HttpStatus status) {
        awaitStatus(path, status, Duration.ofSeconds(60));
    }

    private void awaitStatus(String path, HttpStatus status, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        HttpStatus last = null;
        while (System.nanoTime() < deadline) {
            last = HttpStatus.resolve(http.get()
                    .uri(path)
                    .exchange()
                    .returnResult(String.class)
                    .getStatus()
                    .value());
            if (last == status) {
                return;
            }
            sleep(200);
        }
        throw new AssertionError(path + " answered " + last + ", never " + status);
    }

    private long currentRevision(String version) {
        return jdbc.sql("select current_revision_id from release where version = ?")
                .param(version)
                .query(Long.class)
                .single();
    }

    private long dataVersion() {
        return jdbc.sql("select version from data_version").query(Long.class).single();
    }
}
