package org.xenproject.supportstatus.web.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.xenproject.supportstatus.testing.ApiTest;
import org.xenproject.supportstatus.testing.JsonSchemas;
import org.xenproject.supportstatus.testing.XenFixture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The security fixes of XenFixture, as the import read them from its commits: XSA-500 on master and
 * picked to three stable branches, the two-part XSA-501 on master and stable-4.22, XSA502 spelt so
 * on master alone (XenFixture.Fixes).
 */
class AdvisoryApiTest extends ApiTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private XenFixture.Fixes fixes;
    private Schema osv;

    @BeforeAll
    void loadOsvSchema() {
        fixes = fixture.fixes();
        osv = JsonSchemas.load("/osv/schema.json");
    }

    @Test
    void anAdvisoryIsFixedOnEachBranchOnceWithWhereItCameFromAndWhatBroughtTheBugIn() {
        JsonNode xsa500 = get("/api/v1/advisories/XSA-500");
        assertThat(xsa500.get("id").asString()).isEqualTo("XSA-500");
        assertThat(xsa500.get("number").asInt()).isEqualTo(500);
        assertThat(strings(xsa500.get("cves"))).containsExactly("CVE-2026-10000");
        assertThat(releases(xsa500)).containsExactly("unstable", "4.22", "4.21", "4.17");
        JsonNode on422 = fix(xsa500, "4.22");
        assertThat(on422.get("commit").asString()).isEqualTo(fixes.xsa500On422());
        assertThat(on422.get("pickedFrom").asString()).isEqualTo(fixes.xsa500());
        assertThat(strings(on422.get("introducedBy"))).containsExactly(fixes.introduced());
        assertThat(on422.get("pointRelease").asString()).isEqualTo("4.22.1");
        assertThat(on422.get("link").asString()).endsWith(";a=commit;h=" + fixes.xsa500On422());
        // "master commit:" with ten hex digits: resolved to the full id.
        assertThat(fix(xsa500, "4.21").get("pickedFrom").asString()).isEqualTo(fixes.xsa500());
        assertThat(fix(xsa500, "4.21").get("pointRelease").isNull()).isTrue();
        // After 4.17's latest point release: on the branch only.
        assertThat(fix(xsa500, "4.17").get("commit").asString()).isEqualTo(fixes.xsa500On417());
        assertThat(fix(xsa500, "4.17").get("pointRelease").isNull()).isTrue();
        assertThat(fix(xsa500, "unstable").get("commit").asString()).isEqualTo(fixes.xsa500());
        assertThat(strings(xsa500.get("notFixedOn"))).isEmpty();
        assertThat(xsa500.get("links").get("xenbits").asString())
                .isEqualTo("https://xenbits.xen.org/xsa/advisory-500.html");
    }

    @Test
    void aSeriesIsOneFixInAPointReleaseOnlyWhenAllOfItIs() {
        JsonNode xsa501 = get("/api/v1/advisories/501");
        assertThat(releases(xsa501)).containsExactly("unstable", "4.22");
        JsonNode on422 = fix(xsa501, "4.22");
        List<String> newestFirst = new ArrayList<>(fixes.xsa501On422());
        java.util.Collections.reverse(newestFirst);
        assertThat(strings(on422.get("commits"))).containsExactlyElementsOf(newestFirst);
        assertThat(on422.get("commit").asString()).isEqualTo(newestFirst.get(0));
        // The first part is in 4.22.1, the second came after it.
        assertThat(on422.get("pointRelease").isNull()).isTrue();
        // A Fixes: line naming no commit of the repository: kept as written, marked unresolved.
        assertThat(strings(on422.get("introducedBy"))).containsExactly("deadbeef0123");
        assertThat(strings(on422.get("unresolved"))).containsExactly("deadbeef0123");
        // Security supported on the day of the first fix, and no commit for it.
        assertThat(strings(xsa501.get("notFixedOn"))).containsExactly("4.21", "4.17");
    }

    @Test
    void anAdvisoryIsNamedEitherWayAndABadOneIsAProblem() {
        assertThat(get("/api/v1/advisories/xsa-500")).isEqualTo(get("/api/v1/advisories/XSA-500"));
        assertThat(get("/api/v1/advisories/500")).isEqualTo(get("/api/v1/advisories/XSA-500"));
        assertThat(get("/api/v1/advisories/XSA-502").get("fixes").size()).isEqualTo(1);
        http.get()
                .uri("/api/v1/advisories/XSA-9")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        for (String bad : List.of("XSA-", "CVE-2026-1", "0", "x", "XSA-1234567890")) {
            http.get()
                    .uri("/api/v1/advisories/" + bad)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.parameter")
                    .isEqualTo("id");
        }
    }

    @Test
    void theListIsNewestFirstAndFiltered() {
        JsonNode all = get("/api/v1/advisories");
        assertThat(numbers(all)).containsExactly(502, 501, 500);
        assertThat(all.get("total").asInt()).isEqualTo(3);
        assertThat(numbers(get("/api/v1/advisories?release=4.17"))).containsExactly(500);
        assertThat(numbers(get("/api/v1/advisories?release=stable-4.22"))).containsExactly(501, 500);
        assertThat(numbers(get("/api/v1/advisories?cve=cve-2026-10000"))).containsExactly(500);
        assertThat(numbers(get("/api/v1/advisories?size=1&page=1"))).containsExactly(501);
        assertThat(get("/api/v1/advisories?size=1&page=1").get("total").asInt()).isEqualTo(3);
        Instant first =
                Instant.parse(get("/api/v1/advisories/500").get("firstFixedAt").asString());
        String day = first.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        String before =
                first.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(1).toString();
        assertThat(numbers(get("/api/v1/advisories?since=" + day))).contains(500);
        assertThat(numbers(get("/api/v1/advisories?since=2099-01-01"))).isEmpty();
        // As known the day before the first fix: nothing.
        assertThat(numbers(get("/api/v1/advisories?at=" + before))).isEmpty();
        http.get()
                .uri("/api/v1/advisories/XSA-500?at=" + before)
                .exchange()
                .expectStatus()
                .isNotFound();
        for (String bad :
                List.of("release=4.x", "cve=XSA-500", "since=yesterday", "at=2026-13-01", "size=0", "page=-1")) {
            http.get()
                    .uri("/api/v1/advisories?" + bad)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.parameter")
                    .isEqualTo(bad.substring(0, bad.indexOf('=')));
        }
        http.get()
                .uri("/api/v1/advisories?release=4.99")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void aPointReleaseSaysWhichFixesItHasAndHowManyItLacks() {
        JsonNode latest = get("/api/v1/releases/4.22/advisories");
        assertThat(latest.get("pointRelease").asString()).isEqualTo("4.22.1");
        assertThat(latest.get("pending").asInt()).isEqualTo(1);
        assertThat(latest.get("fixes").get(0).get("advisory").asString()).isEqualTo("XSA-501");
        assertThat(latest.get("fixes").get(0).get("included").asBoolean()).isFalse();
        assertThat(latest.get("fixes").get(1).get("advisory").asString()).isEqualTo("XSA-500");
        assertThat(latest.get("fixes").get(1).get("included").asBoolean()).isTrue();
        JsonNode first = get("/api/v1/releases/4.22.0/advisories");
        assertThat(first.get("pointRelease").asString()).isEqualTo("4.22.0");
        assertThat(first.get("pending").asInt()).isEqualTo(2);
        JsonNode on417 = get("/api/v1/releases/4.17.3/advisories");
        assertThat(on417.get("pending").asInt()).isEqualTo(1);
        assertThat(on417.get("fixes").get(0).get("cves").get(0).asString()).isEqualTo("CVE-2026-10000");
        // unstable has no point release: every fix is pending there.
        assertThat(get("/api/v1/releases/unstable/advisories").get("pending").asInt())
                .isEqualTo(3);
        http.get()
                .uri("/api/v1/releases/4.22.9/advisories")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void everyOsvRecordIsValidAndTheArchiveHoldsThemAll() throws IOException {
        JsonNode record = get("/api/v1/advisories/XSA-500/osv.json");
        assertThat(osv.validate(record.toString(), com.networknt.schema.InputFormat.JSON))
                .isEmpty();
        assertThat(record.get("id").asString()).isEqualTo("x_XSA-500");
        assertThat(strings(record.get("aliases"))).containsExactly("CVE-2026-10000");
        assertThat(record.get("affected").size()).isEqualTo(4);
        JsonNode on422 = record.get("affected").get(1);
        assertThat(on422.get("database_specific").get("release").asString()).isEqualTo("4.22");
        JsonNode events = on422.get("ranges").get(0).get("events");
        assertThat(events.get(0).get("introduced").asString()).isEqualTo(fixes.introduced());
        assertThat(events.get(1).get("fixed").asString()).isEqualTo(fixes.xsa500On422());
        assertThat(strings(on422.get("versions"))).containsExactly("4.22.0");
        assertThat(strings(record.get("affected").get(3).get("versions"))).containsExactly("4.17.0", "4.17.3");
        // The unresolved Fixes: line of XSA-501 leaves the range open from the start.
        JsonNode xsa501 = get("/api/v1/advisories/XSA-501/osv.json");
        assertThat(xsa501.get("affected")
                        .get(1)
                        .get("ranges")
                        .get(0)
                        .get("events")
                        .get(0)
                        .get("introduced")
                        .asString())
                .isEqualTo("0");
        byte[] zip = http.get()
                .uri("/api/v1/osv/all.zip")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("application/zip")
                .returnResult(byte[].class)
                .getResponseBody();
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
                String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(osv.validate(content, com.networknt.schema.InputFormat.JSON))
                        .as(entry.getName())
                        .isEmpty();
            }
        }
        assertThat(names).containsExactlyInAnyOrder("x_XSA-500.json", "x_XSA-501.json", "x_XSA-502.json");
    }

    @Test
    void theSchemaRejectsWhatItShould() {
        // So that a passing validation above means something.
        assertThat(osv.validate(
                        "{\"id\":\"XSA-500\",\"modified\":\"2026-01-01T00:00:00Z\"}",
                        com.networknt.schema.InputFormat.JSON))
                .isNotEmpty();
        assertThat(osv.validate(
                        "{\"id\":\"x_XSA-500\",\"modified\":\"2026-01-01T00:00:00Z\",\"affected\":[{\"ranges\":[{\"type\":"
                                + "\"GIT\",\"repo\":\"r\",\"events\":[{\"introduced\":\"abc\"}]}]}]}",
                        com.networknt.schema.InputFormat.JSON))
                .isNotEmpty();
    }

    @Test
    void theFeedAndThePagesTellTheSame() {
        String atom = http.get()
                .uri("/api/v1/advisories.atom")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.parseMediaType("application/atom+xml"))
                .returnResult(String.class)
                .getResponseBody();
        assertThat(atom).contains("XSA-500 fixed on 4.17", "XSA-501 fixed on 4.22", "/releases/4.17\"");
        String page = http.get()
                .uri("/advisories/XSA-500")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody();
        assertThat(page).contains("CVE-2026-10000", "4.22.1", "on the branch only", "advisory-500.html");
        String release = http.get()
                .uri("/releases/4.17")
                .exchange()
                .returnResult(String.class)
                .getResponseBody();
        assertThat(release).contains("/advisories/XSA-500", "on the branch only");
        http.get()
                .uri("/advisories/XSA-9")
                .header(HttpHeaders.ACCEPT, "text/html")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    @Test
    void theAnswersFollowTheCachingRule() {
        String etag = http.get()
                .uri("/api/v1/advisories/XSA-500")
                .exchange()
                .expectHeader()
                .valueEquals(HttpHeaders.CACHE_CONTROL, "public, max-age=60")
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
        http.get()
                .uri("/api/v1/advisories/XSA-500?unknown=1")
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus()
                .isNotModified();
    }

    private JsonNode get(String path) {
        return json.readTree(http.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody());
    }

    private static JsonNode fix(JsonNode advisory, String release) {
        for (JsonNode fix : advisory.get("fixes")) {
            if (fix.get("release").asString().equals(release)) {
                return fix;
            }
        }
        throw new AssertionError("no fix on " + release + " in " + advisory);
    }

    private static List<String> releases(JsonNode advisory) {
        List<String> releases = new ArrayList<>();
        advisory.get("fixes").forEach(f -> releases.add(f.get("release").asString()));
        return releases;
    }

    private static List<Integer> numbers(JsonNode page) {
        List<Integer> numbers = new ArrayList<>();
        page.get("advisories").forEach(a -> numbers.add(a.get("number").asInt()));
        return numbers;
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(n -> strings.add(n.asString()));
        return strings;
    }
}
