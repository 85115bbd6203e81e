package org.xenproject.supportstatus.web.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xenproject.supportstatus.testing.SupportFiles.supportMd;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.xenproject.supportstatus.imports.ImportRunView;
import org.xenproject.supportstatus.imports.ImportSettings;
import org.xenproject.supportstatus.imports.ImportTestSupport;
import org.xenproject.supportstatus.testing.ImportSource;
import org.xenproject.supportstatus.testing.XenRepository;

/** {@code GET/POST /api/v1/imports} through HTTP, Spring Security included. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "xen.support.admin.token=" + ImportControllerTest.TOKEN)
@AutoConfigureRestTestClient
class ImportControllerTest {

    static final String TOKEN = "test-admin-token-0123456789";
    static final String ISO_UTC = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z";

    @TempDir
    static Path temp;

    static XenRepository repo;

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void source(DynamicPropertyRegistry registry) {
        ImportSource.register(registry, () -> temp.resolve("xen"), () -> temp.resolve("cache"));
    }

    @BeforeAll
    static void buildRepository() {
        repo = XenRepository.create(temp.resolve("xen"));
        repo.commitSupport("master", "Add SUPPORT.md", supportMd("4.20-unstable", "n/a", "n/a", "n/a"));
        repo.branch("stable-4.19", "master");
        repo.commitSupport(
                "stable-4.19", "Release 4.19.0", supportMd("4.19", "2024-07-29", "2026-01-29", "2027-07-29"));
    }

    @AfterAll
    static void closeRepository() {
        repo.close();
    }

    @BeforeEach
    void emptyImportTables() {
        ImportTestSupport.clear(jdbc);
    }

    @Test
    void postWithoutATokenIs401WithWwwAuthenticateAsAProblem() {
        http.post()
                .uri("/api/v1/imports")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueMatches(HttpHeaders.WWW_AUTHENTICATE, "^Bearer realm=\"xen-support-status\"$")
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401)
                .jsonPath("$.title")
                .isEqualTo("Unauthorized")
                .jsonPath("$.detail")
                .exists();
        assertThat(count("import_run")).isZero();
    }

    @Test
    void postWithAWrongTokenIs401() {
        for (String authorization : new String[] {"Bearer wrong", "Bearer " + TOKEN + "x", "Basic " + TOKEN}) {
            http.post()
                    .uri("/api/v1/imports")
                    .header(HttpHeaders.AUTHORIZATION, authorization)
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .valueMatches(HttpHeaders.WWW_AUTHENTICATE, "^Bearer .*")
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(count("import_run")).isZero();
    }

    @Test
    void postWithTheTokenStartsARunAndAnswers202WithIt() throws InterruptedException {
        ImportRunView started = http.post()
                .uri("/api/v1/imports")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN)
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectHeader()
                .valueMatches(HttpHeaders.LOCATION, "/api/v1/imports/\\d+")
                .expectBody(ImportRunView.class)
                .returnResult()
                .getResponseBody();

        assertThat(started.trigger()).isEqualTo("admin");
        assertThat(started.outcome()).isEqualTo("running");
        ImportRunView finished = awaitFinished(started.id());
        assertThat(finished.outcome()).isEqualTo("succeeded");
        assertThat(finished.branches())
                .extracting(ImportRunView.Branch::branch, ImportRunView.Branch::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("master", "imported"),
                        org.assertj.core.groups.Tuple.tuple("stable-4.19", "imported"));
        assertThat(count("release")).isEqualTo(2);
    }

    @Test
    void getListsRecentRunsNewestFirstWithEachBranch() throws InterruptedException {
        long first = start();
        awaitFinished(first);
        long second = start();
        awaitFinished(second);

        http.get()
                .uri("/api/v1/imports")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectHeader()
                .exists(HttpHeaders.ETAG)
                .expectHeader()
                .valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
                .expectBody()
                .jsonPath("$.runs.length()")
                .isEqualTo(2)
                .jsonPath("$.runs[0].id")
                .isEqualTo((int) second)
                .jsonPath("$.runs[1].id")
                .isEqualTo((int) first)
                .jsonPath("$.runs[0].trigger")
                .isEqualTo("admin")
                .jsonPath("$.runs[0].outcome")
                .isEqualTo("succeeded")
                .jsonPath("$.runs[0].source")
                .isEqualTo("git " + temp.resolve("xen"))
                .jsonPath("$.runs[0].startedAt")
                .value(t -> assertThat((String) t).matches(ISO_UTC))
                .jsonPath("$.runs[0].finishedAt")
                .value(t -> assertThat((String) t).matches(ISO_UTC))
                .jsonPath("$.runs[0].durationMillis")
                .isNumber()
                .jsonPath("$.runs[0].branches[0].branch")
                .isEqualTo("master")
                .jsonPath("$.runs[0].branches[0].release")
                .isEqualTo("unstable")
                .jsonPath("$.runs[0].branches[0].outcome")
                .isEqualTo("unchanged")
                .jsonPath("$.runs[0].branches[0].revisionsImported")
                .isEqualTo(0)
                .jsonPath("$.runs[0].branches[0].fixesImported")
                .isEqualTo(0)
                .jsonPath("$.runs[0].branches[0].fixCommitsRead")
                .isEqualTo(0)
                .jsonPath("$.runs[0].branches[0].fixWarnings")
                .isEmpty()
                .jsonPath("$.runs[0].branches[0].fixesFailure")
                .doesNotExist()
                .jsonPath("$.runs[1].branches[1].branch")
                .isEqualTo("stable-4.19")
                .jsonPath("$.runs[1].branches[1].outcome")
                .isEqualTo("imported")
                .jsonPath("$.runs[1].branches[1].revisionsImported")
                .isEqualTo(2);

        http.get()
                .uri("/api/v1/imports?limit=1")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.runs.length()")
                .isEqualTo(1);

        String etag = http.get()
                .uri("/api/v1/imports")
                .exchange()
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
        http.get()
                .uri("/api/v1/imports")
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus()
                .isNotModified();
    }

    @Test
    void aLimitOutOfBoundsIsA400Problem() {
        for (String limit : new String[] {"0", "101", "-1", "abc"}) {
            http.get()
                    .uri("/api/v1/imports?limit=" + limit)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo(400);
        }
        http.get()
                .uri("/api/v1/imports/999999")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void testsRunWithTheScheduleOff(@Autowired ImportSettings settings) {
        // src/test/resources/application.properties overrides application.yaml for this one key.
        assertThat(settings.enabled()).isFalse();
        assertThat(settings.sourceUrl()).isEqualTo(temp.resolve("xen").toString());
    }

    @Test
    void everythingElseNeedsNoToken() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk();
        http.get().uri("/api/v1/imports").exchange().expectStatus().isOk();
    }

    private long start() {
        return http.post()
                .uri("/api/v1/imports")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN)
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody(ImportRunView.class)
                .returnResult()
                .getResponseBody()
                .id();
    }

    private ImportRunView awaitFinished(long id) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            ImportRunView run = http.get()
                    .uri("/api/v1/imports/" + id)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(ImportRunView.class)
                    .returnResult()
                    .getResponseBody();
            if (run.finishedAt() != null) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + id + " did not finish");
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
