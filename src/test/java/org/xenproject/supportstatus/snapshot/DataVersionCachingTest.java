package org.xenproject.supportstatus.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.xenproject.supportstatus.imports.ImportJob;
import org.xenproject.supportstatus.store.ImportRun;
import org.xenproject.supportstatus.testing.ImportSource;
import org.xenproject.supportstatus.testing.ImportedData;
import org.xenproject.supportstatus.testing.XenFixture;
import org.xenproject.supportstatus.testing.XenRepository;

/** The ETag moves when, and only when, an import stores something; answers follow at once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class DataVersionCachingTest {

    @TempDir
    static Path temp;

    static XenRepository repo;

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ImportJob imports;

    @DynamicPropertySource
    static void source(DynamicPropertyRegistry registry) {
        repo = XenRepository.create(temp.resolve("xen"));
        repo.commitSupport("master", "Add SUPPORT.md", XenFixture.supportMd("4.22-unstable", "n/a", "TBD", "TBD", ""));
        repo.branch("stable-4.21", "master");
        repo.commitSupport(
                "stable-4.21",
                "Release 4.21",
                XenFixture.supportMd("4.21", "2025-11-19", "2027-05-19", "2028-11-19", ""));
        ImportSource.register(registry, () -> temp.resolve("xen"), () -> temp.resolve("cache"));
    }

    @AfterAll
    static void close() {
        repo.close();
    }

    @Test
    void etagFollowsTheDataVersion() {
        ImportedData.clear(jdbc);
        imports.run(ImportRun.Trigger.ADMIN);
        String first = etag();
        http.get()
                .uri("/api/v1/releases/4.21")
                .exchange()
                .expectBody()
                .jsonPath("$.securitySupportUntil")
                .isEqualTo("2028-11-19");

        imports.run(ImportRun.Trigger.ADMIN);
        assertThat(etag()).as("nothing new upstream").isEqualTo(first);

        repo.commitSupport(
                "stable-4.21",
                "SUPPORT.md: extend security support for 4.21",
                XenFixture.supportMd("4.21", "2025-11-19", "2027-05-19", "2029-11-19", ""));
        imports.run(ImportRun.Trigger.ADMIN);

        http.get()
                .uri("/api/v1/releases/4.21")
                .header(HttpHeaders.IF_NONE_MATCH, first)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.securitySupportUntil")
                .isEqualTo("2029-11-19");
        assertThat(etag()).isNotEqualTo(first);
    }

    private String etag() {
        return http.get()
                .uri("/api/v1/releases/4.21")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
    }
}
