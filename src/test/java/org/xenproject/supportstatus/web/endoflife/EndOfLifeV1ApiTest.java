package org.xenproject.supportstatus.web.endoflife;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.xenproject.supportstatus.testing.ApiTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** endoflife.date API v1, as its clients read it. */
// Absolute links as a deployment with its public URL set gives them (the README's examples run on localhost:8080).
@TestPropertySource(properties = "XEN_SUPPORT_PUBLIC_URL=http://localhost:8080")
class EndOfLifeV1ApiTest extends ApiTest {

    private static final List<String> BOOLEANS = List.of("isLts", "isEoas", "isEol", "isMaintained");

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void productsNameXen() {
        http.get()
                .uri("/api/endoflife/v1/products")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.schema_version")
                .isEqualTo("1.2.1")
                .jsonPath("$.generated_at")
                .isNotEmpty()
                .jsonPath("$.total")
                .isEqualTo(1)
                .jsonPath("$.result[0].name")
                .isEqualTo("xen")
                .jsonPath("$.result[0].category")
                .isEqualTo("server-app")
                .jsonPath("$.result[0].aliases.length()")
                .isEqualTo(0)
                .jsonPath("$.result[0].uri")
                .isEqualTo("http://localhost:8080/api/endoflife/v1/products/xen");
    }

    @Test
    void theProductListsReleasedCyclesNewestFirst() {
        http.get()
                .uri("/api/endoflife/v1/products/xen")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.last_modified")
                .isNotEmpty()
                .jsonPath("$.result.label")
                .isEqualTo("Xen Project Hypervisor")
                .jsonPath("$.result.identifiers[0].id")
                .isEqualTo("cpe:2.3:o:xen:xen")
                .jsonPath("$.result.labels.eoas")
                .isEqualTo("General support")
                .jsonPath("$.result.labels.eol")
                .isEqualTo("Security support")
                .jsonPath("$.result.links.releasePolicy")
                .value(String.class, l -> assertThat(l).contains("support-matrix"))
                .jsonPath("$.result.releases.length()")
                .isEqualTo(3)
                .jsonPath("$.result.releases[0].name")
                .isEqualTo("4.22")
                .jsonPath("$.result.releases[2].name")
                .isEqualTo("4.17")
                .jsonPath("$.result.releases[2].releaseDate")
                .isEqualTo("2022-12-12")
                .jsonPath("$.result.releases[2].eoasFrom")
                .isEqualTo("2024-06-12")
                .jsonPath("$.result.releases[2].eolFrom")
                .isEqualTo("2027-12-12")
                .jsonPath("$.result.releases[2].latest.name")
                .isEqualTo("4.17.3")
                .jsonPath("$.result.releases[2].latest.date")
                .isEqualTo("2026-02-12");
    }

    @Test
    void booleansAreNeverNull() {
        String body = http.get()
                .uri("/api/endoflife/v1/products/xen")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody();
        List<JsonNode> releases = new ArrayList<>();
        json.readTree(body).get("result").get("releases").forEach(releases::add);
        assertThat(releases).isNotEmpty();
        for (JsonNode release : releases) {
            for (String flag : BOOLEANS) {
                assertThat(release.get(flag).isBoolean())
                        .as(release.get("name") + "." + flag)
                        .isTrue();
            }
            assertThat(release.get("name").isString()).isTrue();
            assertThat(release.get("label").isString()).isTrue();
            assertThat(release.get("latest").get("name").isString()).isTrue();
        }
    }

    @Test
    void flagsFollowTheDayAndAreMaintainedUntilTheEndOfSecuritySupport() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        http.get()
                .uri("/api/endoflife/v1/products/xen/releases/4.17")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.schema_version")
                .isEqualTo("1.2.1")
                .jsonPath("$.result.name")
                .isEqualTo("4.17")
                .jsonPath("$.result.isEoas")
                .isEqualTo(today.isAfter(LocalDate.parse("2024-06-12")))
                .jsonPath("$.result.isEol")
                .isEqualTo(today.isAfter(LocalDate.parse("2027-12-12")))
                .jsonPath("$.result.isMaintained")
                .isEqualTo(!today.isAfter(LocalDate.parse("2027-12-12")))
                .jsonPath("$.result.isLts")
                .isEqualTo(false);
        // As known on a day after its end: end of life.
        http.get()
                .uri("/api/endoflife/v1/products/xen/releases/4.17?at=2026-01-01")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.result.eolFrom")
                .isEqualTo("2025-12-12")
                .jsonPath("$.result.isEol")
                .isEqualTo(true)
                .jsonPath("$.result.isMaintained")
                .isEqualTo(false)
                .jsonPath("$.result.latest.name")
                .isEqualTo("4.17.0");
    }

    @Test
    void latestIsTheNewestReleasedCycle() {
        http.get()
                .uri("/api/endoflife/v1/products/xen/releases/latest")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.result.name")
                .isEqualTo("4.22")
                .jsonPath("$.result.latest.name")
                .isEqualTo("4.22.1");
        http.get()
                .uri("/api/endoflife/v1/products/xen/releases/latest?at=2025-06-01")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.result.name")
                .isEqualTo("4.17");
    }

    @Test
    void unknownProductsAndReleasesAre404WithAJsonBody() {
        for (String path : List.of(
                "/api/endoflife/v1/products/linux",
                "/api/endoflife/v1/products/linux/releases/1.0",
                "/api/endoflife/v1/products/xen/releases/4.99",
                "/api/endoflife/v1/products/xen/releases/unstable",
                "/api/endoflife/v1/products/xen/releases/banana")) {
            http.get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo(404);
        }
    }

    @Test
    void answersRevalidateWith304() {
        String etag = http.get()
                .uri("/api/endoflife/v1/products/xen")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.CACHE_CONTROL, "public, max-age=60")
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
        http.get()
                .uri("/api/endoflife/v1/products/xen")
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus()
                .isNotModified();
    }
}
