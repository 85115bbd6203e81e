package org.xenproject.supportstatus.web.change;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.xenproject.supportstatus.testing.ApiTest;

/** What changed between releases and over time, through HTTP over imported data. */
// The test client is the trusted proxy here, so the forwarded host counts.
@TestPropertySource(properties = "XEN_SUPPORT_TRUSTED_PROXIES=127.0.0.0/8, ::1/128")
class ChangeApiTest extends ApiTest {

    @LocalServerPort
    int port;

    private static final ParameterizedTypeReference<List<String>> STRINGS = new ParameterizedTypeReference<>() {};

    @Test
    void diffBetweenTwoReleases() {
        http.get()
                .uri("/api/v1/diff?from=4.21&to=4.22")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.from")
                .isEqualTo("4.21")
                .jsonPath("$.to")
                .isEqualTo("4.22")
                .jsonPath("$.added[*].key")
                .value(STRINGS, k -> assertThat(k).containsExactly("vtpm--arm", "argo"))
                .jsonPath("$.added[0].feature")
                .isEqualTo("vtpm")
                .jsonPath("$.added[0].text")
                .isEqualTo("Experimental")
                .jsonPath("$.added[0].arches")
                .value(STRINGS, a -> assertThat(a).containsExactly("arm32", "arm64"))
                .jsonPath("$.removed.length()")
                .isEqualTo(0)
                .jsonPath("$.changed.length()")
                .isEqualTo(1)
                .jsonPath("$.changed[0].key")
                .isEqualTo("vtpm--x86")
                .jsonPath("$.changed[0].from")
                .isEqualTo("Tech Preview")
                .jsonPath("$.changed[0].to")
                .isEqualTo("Supported")
                .jsonPath("$.changed[0].toLevel")
                .isEqualTo("supported")
                .jsonPath("$.lifecycle[*].field")
                .value(
                        STRINGS,
                        f -> assertThat(f)
                                .containsExactly(
                                        "xenVersion",
                                        "initialRelease",
                                        "supportedUntil",
                                        "securitySupportUntil",
                                        "releaseNotes"))
                .jsonPath("$.lifecycle[0].from")
                .isEqualTo("4.21")
                .jsonPath("$.lifecycle[0].to")
                .isEqualTo("4.22");
        http.get()
                .uri("/api/v1/diff?from=4.22&to=4.21")
                .exchange()
                .expectBody()
                .jsonPath("$.removed[*].key")
                .value(STRINGS, k -> assertThat(k).containsExactly("vtpm--arm", "argo"));
    }

    @Test
    void diffNeedsTwoReleases() {
        http.get()
                .uri("/api/v1/diff?to=4.22")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.parameter")
                .isEqualTo("from");
        http.get()
                .uri("/api/v1/diff?from=4.21&to=banana")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.parameter")
                .isEqualTo("to");
        http.get()
                .uri("/api/v1/diff?from=4.21&to=4.99")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void theChangeFeedIsNewestFirstWithOneEntryPerCommit() {
        http.get()
                .uri("/api/v1/changes")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.page")
                .isEqualTo(0)
                .jsonPath("$.size")
                .isEqualTo(50)
                .jsonPath("$.entries[0].subject")
                .isEqualTo("Open 4.23")
                .jsonPath("$.entries[0].releases")
                .value(STRINGS, r -> assertThat(r).containsExactly("unstable"))
                .jsonPath("$.entries[?(@.subject=='SUPPORT.md: extend security support for 4.17')].commit")
                .value(
                        STRINGS,
                        c -> assertThat(c).containsExactly(fixture.commits().extension417()))
                .jsonPath("$.entries[?(@.subject=='Add SUPPORT.md')].releases")
                .value(
                        new ParameterizedTypeReference<List<List<String>>>() {},
                        r -> assertThat(r.get(0)).containsExactlyInAnyOrder("unstable", "4.17"));
        http.get()
                .uri("/api/v1/changes?size=1&page=1")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.entries.length()")
                .isEqualTo(1)
                .jsonPath("$.total")
                .value(Integer.class, total -> assertThat(total).isGreaterThan(5));
        http.get().uri("/api/v1/changes?size=0").exchange().expectStatus().isBadRequest();
        http.get().uri("/api/v1/changes?page=-1").exchange().expectStatus().isBadRequest();
    }

    @Test
    void aCommitSharedByBranchesIsOneEntryNamingTheReleasesWhoseHistoryHoldsIt() {
        http.get()
                .uri("/api/v1/changes")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.entries[?(@.subject=='Open 4.21')].releases")
                .value(new ParameterizedTypeReference<List<List<String>>>() {}, r -> {
                    assertThat(r).hasSize(1);
                    assertThat(r.get(0)).containsExactlyInAnyOrder("unstable", "4.21");
                })
                // What the commit changed on master, not "everything" as 4.21's first revision would say.
                .jsonPath("$.entries[?(@.subject=='Open 4.21')].changes.added[*].key")
                .value(STRINGS, keys -> assertThat(keys).containsExactly("vtpm--x86"));
    }

    @Test
    void theChangeFeedAsAtom() throws Exception {
        String xml = http.get()
                .uri("/api/v1/changes.atom")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.parseMediaType("application/atom+xml"))
                .returnResult(String.class)
                .getResponseBody();
        assertThat(xml).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"");
        SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));
        assertThat(feed.getEntries()).isNotEmpty();
        var extension = feed.getEntries().stream()
                .filter(e -> e.getTitle().equals("4.17: SUPPORT.md: extend security support for 4.17"))
                .findFirst()
                .orElseThrow();
        assertThat(extension.getUri())
                .isEqualTo("urn:xen-support:change:" + fixture.commits().extension417());
        assertThat(extension.getDescription().getValue()).contains("securitySupportUntil: 2025-12-12 → 2027-12-12");
        String base = "http://localhost:" + port;
        assertThat(extension.getLink())
                .as("what feed readers open")
                .isEqualTo(base + "/releases/4.17#r-" + fixture.commits().extension417());
        assertThat(extension.getLinks())
                .extracting(l -> l.getRel() + " " + l.getType() + " " + l.getHref())
                .containsExactlyInAnyOrder(
                        "alternate text/html " + base + "/releases/4.17#r-"
                                + fixture.commits().extension417(),
                        "related application/json " + base + "/api/v1/releases/4.17/history",
                        "via text/html https://xenbits.xen.org/docs/4.17-testing/SUPPORT.html");
        assertThat(feed.getEntries())
                .allSatisfy(entry -> assertThat(entry.getLinks())
                        .filteredOn(l -> "alternate".equals(l.getRel()))
                        .singleElement()
                        .satisfies(l -> {
                            assertThat(l.getType()).isEqualTo("text/html");
                            assertThat(l.getHref()).startsWith(base + "/releases/");
                        }));
        assertThat(feed.getLinks())
                .extracting(l -> l.getRel() + " " + l.getHref())
                .contains("self " + base + "/api/v1/changes.atom", "alternate " + base + "/");
        // The anchor the entry names is on the page.
        String page = http.get()
                .uri("/releases/4.17")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody();
        assertThat(page).contains("id=\"r-" + fixture.commits().extension417() + "\"");
    }

    @Test
    void theChangeFeedLinksToTheHostATrustedProxyForwarded() throws Exception {
        String forwarded = http.get()
                .uri("/api/v1/changes.atom")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "Status.Example.ORG")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody();
        SyndFeed feed = new SyndFeedInput().build(new StringReader(forwarded));
        assertThat(feed.getLinks())
                .extracting(l -> l.getRel() + " " + l.getHref())
                .contains("self https://status.example.org/api/v1/changes.atom");
        assertThat(feed.getEntries())
                .allSatisfy(entry -> assertThat(entry.getLink()).startsWith("https://status.example.org/releases/"));

        // Another host never gets those bytes, nor the same ETag.
        var direct = http.get()
                .uri("/api/v1/changes.atom")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class);
        assertThat(direct.getResponseBody())
                .doesNotContain("status.example.org")
                .contains("http://localhost:" + port + "/releases/");
        var again = http.get()
                .uri("/api/v1/changes.atom")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "status.example.org")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class);
        assertThat(again.getResponseBody())
                .as("one host, however it is spelled, one answer")
                .isEqualTo(forwarded);
        assertThat(again.getResponseHeaders().getETag())
                .isNotEqualTo(direct.getResponseHeaders().getETag());
    }
}
