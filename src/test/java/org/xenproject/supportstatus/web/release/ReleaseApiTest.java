package org.xenproject.supportstatus.web.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.xenproject.supportstatus.store.DataVersions;
import org.xenproject.supportstatus.testing.ApiTest;
import org.xenproject.supportstatus.testing.XenFixture;

/** Releases and their lifecycle, through HTTP, from data the real importer stored. */
class ReleaseApiTest extends ApiTest {

    @Autowired
    DataVersions dataVersions;

    private static final ParameterizedTypeReference<List<String>> VERSIONS = new ParameterizedTypeReference<>() {};

    @Test
    void listsReleasesNewestFirstWithUnstableFirst() {
        http.get()
                .uri("/api/v1/releases")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.asOf")
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).toString())
                .jsonPath("$.releases.length()")
                .isEqualTo(4)
                .jsonPath("$.releases[0].version")
                .isEqualTo("unstable")
                .jsonPath("$.releases[0].branch")
                .isEqualTo("master")
                .jsonPath("$.releases[0].xenVersion")
                .isEqualTo("4.23-unstable")
                .jsonPath("$.releases[0].state")
                .isEqualTo("unreleased")
                .jsonPath("$.releases[1].version")
                .isEqualTo("4.22")
                .jsonPath("$.releases[2].version")
                .isEqualTo("4.21")
                .jsonPath("$.releases[3].version")
                .isEqualTo("4.17");
    }

    @Test
    void aReleaseHasItsLifecycleStateAndProvenance() {
        http.get()
                .uri("/api/v1/releases/4.17?on=2026-11-21")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo("4.17")
                .jsonPath("$.branch")
                .isEqualTo("stable-4.17")
                .jsonPath("$.initialRelease")
                .isEqualTo("2022-12-12")
                .jsonPath("$.supportedUntil")
                .isEqualTo("2024-06-12")
                .jsonPath("$.securitySupportUntil")
                .isEqualTo("2027-12-12")
                .jsonPath("$.state")
                .isEqualTo("security-only")
                .jsonPath("$.securitySupported")
                .isEqualTo(true)
                .jsonPath("$.releaseNotes")
                .isEqualTo("https://wiki.xenproject.org/wiki/Xen_Project_4.17_Release_Notes")
                .jsonPath("$.source.commit")
                .isEqualTo(fixture.commits().extension417())
                .jsonPath("$.source.committedAt")
                .value(String.class, at -> assertThat(at).endsWith("Z"))
                .jsonPath("$.source.sha256")
                .value(String.class, sha -> assertThat(sha).hasSize(64))
                .jsonPath("$.source.importedAt")
                .isNotEmpty()
                .jsonPath("$.warnings")
                .isArray()
                .jsonPath("$.links.upstream")
                .isEqualTo("https://xenbits.xen.org/docs/4.17-testing/SUPPORT.html");
    }

    @Test
    void boundsAreInclusiveOnTheGivenDay() {
        http.get()
                .uri("/api/v1/releases/4.17?on=2027-12-12")
                .exchange()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("security-only");
        http.get()
                .uri("/api/v1/releases/4.17?on=2027-12-13")
                .exchange()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("unsupported")
                .jsonPath("$.securitySupported")
                .isEqualTo(false);
        http.get()
                .uri("/api/v1/releases/4.22?on=2026-07-29")
                .exchange()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("unreleased");
        http.get()
                .uri("/api/v1/releases/4.22?on=2026-07-30")
                .exchange()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("supported");
    }

    @Test
    void textDatesAreNullWithTheTextUnderRaw() {
        http.get()
                .uri("/api/v1/releases/unstable")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.initialRelease")
                .isEmpty()
                .jsonPath("$.supportedUntil")
                .isEmpty()
                .jsonPath("$.securitySupportUntil")
                .isEmpty()
                .jsonPath("$.raw.initialRelease")
                .isEqualTo("n/a")
                .jsonPath("$.raw.supportedUntil")
                .isEqualTo("TBD")
                .jsonPath("$.raw.securitySupportUntil")
                .isEqualTo("Unreleased - not yet security-supported")
                .jsonPath("$.securitySupported")
                .isEqualTo(false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4.17", "4.17.3", "stable-4.17"})
    void aReleaseCanBeNamedByPointReleaseOrBranch(String name) {
        http.get()
                .uri("/api/v1/releases/" + name)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo("4.17");
    }

    @Test
    void aReleaseCarriesItsLatestPointRelease() {
        http.get()
                .uri("/api/v1/releases/4.17")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.latest.version")
                .isEqualTo("4.17.3")
                .jsonPath("$.latest.tag")
                .isEqualTo("RELEASE-4.17.3")
                .jsonPath("$.latest.date")
                .isEqualTo("2026-02-12")
                .jsonPath("$.latest.commit")
                .isEqualTo(fixture.commits().extension417())
                .jsonPath("$.pointRelease")
                .doesNotExist();
        String untagged = http.get()
                .uri("/api/v1/releases/4.21")
                .exchange()
                .returnResult(String.class)
                .getResponseBody();
        assertThat(untagged).contains("\"latest\":null");
    }

    @Test
    void aPointReleaseInTheUrlIsPlacedAmongItsReleases() {
        http.get()
                .uri("/api/v1/releases/4.17.0")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo("4.17")
                .jsonPath("$.pointRelease.version")
                .isEqualTo("4.17.0")
                .jsonPath("$.pointRelease.date")
                .isEqualTo("2024-01-01")
                .jsonPath("$.pointRelease.isLatest")
                .isEqualTo(false)
                .jsonPath("$.pointRelease.newer")
                .value(VERSIONS, v -> assertThat(v).containsExactly("4.17.3"));
        http.get()
                .uri("/api/v1/releases/4.17.3")
                .exchange()
                .expectBody()
                .jsonPath("$.pointRelease.isLatest")
                .isEqualTo(true)
                .jsonPath("$.pointRelease.newer.length()")
                .isEqualTo(0);
        // No such tag: the branch still answers, and says so.
        String untagged = http.get()
                .uri("/api/v1/releases/4.17.5")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody();
        assertThat(untagged).contains("\"version\":\"4.17\"", "\"pointRelease\":null");
    }

    @Test
    void versionsListsPointReleasesNewestFirst() {
        http.get()
                .uri("/api/v1/releases/4.17.3/versions")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.release")
                .isEqualTo("4.17")
                .jsonPath("$.versions[*].version")
                .value(VERSIONS, v -> assertThat(v).containsExactly("4.17.3", "4.17.0"))
                .jsonPath("$.versions[1].tag")
                .isEqualTo("RELEASE-4.17.0")
                .jsonPath("$.versions[1].commit")
                .isEqualTo(fixture.commits().first417())
                .jsonPath("$.versions[1].date")
                .isEqualTo("2024-01-01");
        http.get()
                .uri("/api/v1/releases/unstable/versions")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.versions.length()")
                .isEqualTo(0);
        http.get()
                .uri("/api/v1/releases/4.99/versions")
                .exchange()
                .expectStatus()
                .isNotFound();
        http.get()
                .uri("/api/v1/releases/4.x/versions")
                .exchange()
                .expectStatus()
                .isBadRequest();
        String etag = http.get()
                .uri("/api/v1/releases/4.17/versions")
                .exchange()
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
        http.get()
                .uri("/api/v1/releases/4.17/versions")
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus()
                .isNotModified();
    }

    @Test
    void masterIsUnstable() {
        http.get()
                .uri("/api/v1/releases/master")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo("unstable");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "4.x", "4", "stable-4"})
    void whatIsNotAVersionIs400NamingIt(String name) {
        http.get()
                .uri("/api/v1/releases/" + name)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(400)
                .jsonPath("$.parameter")
                .isEqualTo("version")
                .jsonPath("$.detail")
                .value(String.class, d -> assertThat(d).contains(name));
    }

    @Test
    void aVeryLongVersionIs400() {
        http.get()
                .uri("/api/v1/releases/" + "4".repeat(200))
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4.99", "3.4", "4.9"})
    void aWellFormedVersionWithoutDataIs404(String name) {
        http.get()
                .uri("/api/v1/releases/" + name)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(404);
    }

    @Test
    void filtersByStateAndSecuritySupportOnADay() {
        http.get()
                .uri("/api/v1/releases?on=2026-11-21&state=security-only")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.asOf")
                .isEqualTo("2026-11-21")
                .jsonPath("$.releases.length()")
                .isEqualTo(1)
                .jsonPath("$.releases[0].version")
                .isEqualTo("4.17");
        http.get()
                .uri("/api/v1/releases?on=2028-01-01&securitySupported=false")
                .exchange()
                .expectBody()
                .jsonPath("$.releases[*].version")
                .value(
                        VERSIONS,
                        versions -> assertThat(versions)
                                .contains("4.17", "unstable")
                                .doesNotContain("4.22"));
        http.get()
                .uri("/api/v1/releases?on=2026-11-21&securitySupported=true")
                .exchange()
                .expectBody()
                .jsonPath("$.releases[*].version")
                .value(VERSIONS, versions -> assertThat(versions).containsExactly("4.22", "4.21", "4.17"));
    }

    @Test
    void badQueryParametersAre400NamingThem() {
        http.get()
                .uri("/api/v1/releases?on=2026-13-01")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.parameter")
                .isEqualTo("on");
        http.get()
                .uri("/api/v1/releases?state=retired")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.parameter")
                .isEqualTo("state")
                .jsonPath("$.detail")
                .value(String.class, d -> assertThat(d).contains("security-only"));
        http.get()
                .uri("/api/v1/releases?securitySupported=yes")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.parameter")
                .isEqualTo("securitySupported");
    }

    @Test
    void historyShowsEachRevisionWithWhatItChanged() {
        http.get()
                .uri("/api/v1/releases/4.17/history")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.release")
                .isEqualTo("4.17")
                .jsonPath("$.revisions.length()")
                .isEqualTo(3)
                .jsonPath("$.revisions[0].commit")
                .isEqualTo(fixture.commits().extension417())
                .jsonPath("$.revisions[0].subject")
                .isEqualTo("SUPPORT.md: extend security support for 4.17")
                .jsonPath("$.revisions[0].changes.lifecycle.length()")
                .isEqualTo(1)
                .jsonPath("$.revisions[0].changes.lifecycle[0].field")
                .isEqualTo("securitySupportUntil")
                .jsonPath("$.revisions[0].changes.lifecycle[0].from")
                .isEqualTo("2025-12-12")
                .jsonPath("$.revisions[0].changes.lifecycle[0].to")
                .isEqualTo("2027-12-12")
                .jsonPath("$.revisions[0].changes.added.length()")
                .isEqualTo(0)
                .jsonPath("$.revisions[1].commit")
                .isEqualTo(fixture.commits().first417())
                .jsonPath("$.revisions[2].subject")
                .isEqualTo("Add SUPPORT.md")
                .jsonPath("$.revisions[2].changes.added.length()")
                .value(Integer.class, n -> assertThat(n).isPositive());
    }

    @Test
    void aReleaseHistoryStartsAtItsOwnDevelopment() {
        http.get()
                .uri("/api/v1/releases/4.22/history")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.revisions[*].subject")
                .value(VERSIONS, s -> assertThat(s).containsExactly("Release 4.22", "Open 4.22"));
        http.get()
                .uri("/api/v1/releases/4.21/history")
                .exchange()
                .expectBody()
                .jsonPath("$.revisions[*].subject")
                .value(
                        VERSIONS,
                        s -> assertThat(s)
                                .containsExactly(
                                        "SUPPORT.md: vTPM on x86 (3/3)",
                                        "SUPPORT.md: vTPM on x86 (2/3)",
                                        "SUPPORT.md: vTPM on x86 (1/3)",
                                        "Release 4.21",
                                        "Open 4.21"))
                .jsonPath("$.revisions[4].changes.added.length()")
                .value(Integer.class, n -> assertThat(n).isPositive());
        // unstable keeps its whole history, from the first skeleton.
        http.get()
                .uri("/api/v1/releases/unstable/history")
                .exchange()
                .expectBody()
                .jsonPath("$.revisions[*].subject")
                .value(
                        VERSIONS,
                        s -> assertThat(s).containsExactly("Open 4.23", "Open 4.22", "Open 4.21", "Add SUPPORT.md"));
        // The revisions before it belong to other releases: at= does not reach them either.
        http.get()
                .uri("/api/v1/releases/4.22/support.md?at=2024-01-01")
                .exchange()
                .expectStatus()
                .isNotFound();
        http.get()
                .uri("/api/v1/releases/4.22/features?at=" + fixture.commits().last421())
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void historySaysWhetherItIsComplete() {
        http.get()
                .uri("/api/v1/releases/4.17/history")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.complete")
                .isEqualTo(true);
        http.get()
                .uri("/api/v1/changes")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.complete")
                .isEqualTo(true);

        // As while a first import has stored the branch tip's file and not yet its history.
        try {
            withHistory("stable-4.17", false);

            http.get()
                    .uri("/api/v1/releases/4.17/history")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.complete")
                    .isEqualTo(false)
                    .jsonPath("$.revisions.length()")
                    .isEqualTo(3);
            http.get()
                    .uri("/api/v1/releases/4.21/history")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.complete")
                    .isEqualTo(true);
            http.get()
                    .uri("/api/v1/changes")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.complete")
                    .isEqualTo(false);
        } finally {
            withHistory("stable-4.17", true);
        }
    }

    /** Marks a branch's history imported or not, and moves the data version as an import would. */
    private void withHistory(String branch, boolean withHistory) {
        jdbc.sql("update source_branch set with_history = ? where branch = ?")
                .params(withHistory, branch)
                .update();
        jdbc.sql("update data_version set version = version + 1, changed_at = now()")
                .update();
        dataVersions.refresh();
    }

    @Test
    void theStoredFileIsServedAsMarkdown() {
        String body = http.get()
                .uri("/api/v1/releases/4.17/support.md")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.parseMediaType("text/markdown"))
                .returnResult(String.class)
                .getResponseBody();
        assertThat(body).isEqualTo(XenFixture.supportMd("4.17", "2022-12-12", "2024-06-12", "2027-12-12", ""));
        String older = http.get()
                .uri("/api/v1/releases/4.17/support.md?at=" + fixture.commits().first417())
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody();
        assertThat(older).contains("Security-Support-Until: 2025-12-12");
    }

    @Test
    void answersCarryAnETagAndRevalidateWith304() {
        var first = http.get()
                .uri("/api/v1/releases")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.CACHE_CONTROL, "public, max-age=60")
                .expectHeader()
                .exists(HttpHeaders.LAST_MODIFIED)
                .returnResult(String.class);
        String etag = first.getResponseHeaders().getETag();
        assertThat(etag).isNotBlank();
        http.get()
                .uri("/api/v1/releases")
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus()
                .isNotModified()
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, etag)
                .expectBody()
                .isEmpty();
        http.get()
                .uri("/api/v1/releases")
                .header(HttpHeaders.IF_NONE_MATCH, "\"something-else\"")
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void otherOriginsMayRead() {
        http.get()
                .uri("/api/v1/releases")
                .header(HttpHeaders.ORIGIN, "https://dashboard.example.org")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    }

    @Test
    void endoflifeUsesItsOwnFieldNames() {
        http.get()
                .uri("/api/endoflife/xen.json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(3)
                .jsonPath("$[0].cycle")
                .isEqualTo("4.22")
                .jsonPath("$[0].latest")
                .isEqualTo("4.22.1")
                .jsonPath("$[2].cycle")
                .isEqualTo("4.17")
                .jsonPath("$[2].releaseDate")
                .isEqualTo("2022-12-12")
                .jsonPath("$[2].support")
                .isEqualTo("2024-06-12")
                .jsonPath("$[2].eol")
                .isEqualTo("2027-12-12")
                .jsonPath("$[2].latest")
                .isEqualTo("4.17.3")
                .jsonPath("$[2].latestReleaseDate")
                .value(String.class, d -> assertThat(d).matches("\\d{4}-\\d\\d-\\d\\d"))
                .jsonPath("$[2].link")
                .value(String.class, l -> assertThat(l).contains("4.17_Release_Notes"));
        http.get()
                .uri("/api/endoflife/xen/4.21.json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.cycle")
                .isEqualTo("4.21")
                .jsonPath("$.eol")
                .isEqualTo("2028-11-19")
                .jsonPath("$.latest")
                .isEqualTo("4.21");
        http.get()
                .uri("/api/endoflife/xen/unstable.json")
                .exchange()
                .expectStatus()
                .isNotFound();
        http.get().uri("/api/endoflife/xen/abc.json").exchange().expectStatus().isBadRequest();
    }

    @Test
    void unknownPathsAreProblems() {
        http.get()
                .uri("/api/v1/nothing-here")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .value(String.class, d -> assertThat(d).doesNotContain("Exception"));
        http.get()
                .uri("/api/v1/releases/4.17/history?x=1")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.release")
                .isEqualTo("4.17");
    }
}
