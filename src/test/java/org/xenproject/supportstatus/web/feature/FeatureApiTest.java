package org.xenproject.supportstatus.web.feature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.xenproject.supportstatus.testing.ApiTest;

/** Features of a release and across releases, and the matrix, through HTTP over imported data. */
class FeatureApiTest extends ApiTest {

    private static final ParameterizedTypeReference<List<String>> STRINGS = new ParameterizedTypeReference<>() {};

    @Test
    void aReleaseListsItsFeaturesInDocumentOrder() {
        http.get()
                .uri("/api/v1/releases/4.22/features")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.release")
                .isEqualTo("4.22")
                .jsonPath("$.features[*].key")
                .value(STRINGS, keys -> assertThat(keys).containsExactly("x86-64", "arm-v8", "x86pv", "vtpm", "argo"))
                .jsonPath("$.features[2].title")
                .isEqualTo("x86/PV")
                .jsonPath("$.features[2].path")
                .value(STRINGS, path -> assertThat(path).containsExactly("Feature Support", "Guest Type", "x86/PV"))
                .jsonPath("$.features[2].description[0]")
                .isEqualTo("Traditional Xen PV guest.")
                .jsonPath("$.features[2].caveats[0]")
                .isEqualTo("PV guests are limited to 8 TiB of memory.")
                .jsonPath("$.features[2].statuses[1].key")
                .isEqualTo("x86pv--x8632-shim")
                .jsonPath("$.features[2].statuses[1].qualifier")
                .isEqualTo("x86_32, shim")
                .jsonPath("$.features[2].statuses[1].text")
                .isEqualTo("Supported")
                .jsonPath("$.features[2].statuses[1].level")
                .isEqualTo("supported")
                .jsonPath("$.features[2].statuses[1].security")
                .isEqualTo("yes")
                .jsonPath("$.features[2].statuses[1].arches")
                .value(STRINGS, arches -> assertThat(arches).containsExactly("x86"));
    }

    @Test
    void archKeepsOnlyStatusesThatApplyToIt() {
        http.get()
                .uri("/api/v1/releases/4.22/features?arch=arm64")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.features[*].key")
                .value(STRINGS, keys -> assertThat(keys).containsExactly("arm-v8", "vtpm", "argo"))
                .jsonPath("$.features[0].statuses.length()")
                .isEqualTo(1)
                .jsonPath("$.features[0].statuses[0].qualifier")
                .isEqualTo("Xen in AArch64 mode")
                .jsonPath("$.features[1].statuses.length()")
                .isEqualTo(1)
                .jsonPath("$.features[1].statuses[0].key")
                .isEqualTo("vtpm--arm")
                .jsonPath("$.features[1].statuses[0].level")
                .isEqualTo("experimental");
        http.get()
                .uri("/api/v1/releases/4.22/features?arch=arm32")
                .exchange()
                .expectBody()
                .jsonPath("$.features[0].statuses[0].qualifier")
                .isEqualTo("Xen in AArch32 mode");
        http.get()
                .uri("/api/v1/releases/4.22/features?arch=x86")
                .exchange()
                .expectBody()
                .jsonPath("$.features[*].key")
                .value(STRINGS, keys -> assertThat(keys).containsExactly("x86-64", "x86pv", "vtpm", "argo"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "level=experimental|vtpm,argo",
                "level=tech-preview,experimental|arm-v8,vtpm,argo",
                "security=no|arm-v8,vtpm,argo",
                "section=guest-type|x86pv",
                "section=feature-support|x86-64,arm-v8,x86pv,vtpm,argo",
                "q=TRUSTED|vtpm",
                "q=x86pv|x86pv",
                "q=pv guest|x86pv",
                "arch=arm64&level=experimental|vtpm,argo",
                "q=nothing-matches|"
            })
    void filtersCombine(String query, String keys) {
        List<String> expected = keys == null ? List.of() : List.of(keys.split(","));
        http.get()
                .uri("/api/v1/releases/4.22/features?" + query)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.features[*].key")
                .value(STRINGS, found -> assertThat(found).isEqualTo(expected));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "arch=sparc|arch",
                "arch=|arch",
                "level=great|level",
                "security=maybe|security",
                "section=Guest Type|section",
                "at=yesterday|at",
                "at=2026-02-30|at"
            })
    void badFiltersAre400NamingTheParameter(String query, String parameter) {
        http.get()
                .uri("/api/v1/releases/4.22/features?" + query)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.parameter")
                .isEqualTo(parameter)
                .jsonPath("$.title")
                .value(String.class, t -> assertThat(t).contains(parameter));
    }

    @Test
    void oneFeatureOfARelease() {
        http.get()
                .uri("/api/v1/releases/4.21/features/vtpm")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.key")
                .isEqualTo("vtpm")
                .jsonPath("$.title")
                .isEqualTo("vTPM")
                .jsonPath("$.statuses.length()")
                .isEqualTo(1)
                .jsonPath("$.statuses[0].text")
                .isEqualTo("Tech Preview");
        http.get()
                .uri("/api/v1/releases/4.21/features/argo")
                .exchange()
                .expectStatus()
                .isNotFound();
        http.get()
                .uri("/api/v1/releases/4.21/features/Not_A_Key!")
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void atReadsAPastRevisionByCommitOrDay() {
        http.get()
                .uri("/api/v1/releases/unstable/features/vtpm")
                .exchange()
                .expectBody()
                .jsonPath("$.statuses[0].text")
                .isEqualTo("Supported");
        String old = fixture.commits().first417();
        http.get()
                .uri("/api/v1/releases/4.17/features?at=" + old)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.revision.commit")
                .isEqualTo(old)
                .jsonPath("$.features.length()")
                .isEqualTo(3);
        http.get()
                .uri("/api/v1/releases/4.17/features?at=" + old.substring(0, 10))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.revision.commit")
                .isEqualTo(old);
        http.get()
                .uri("/api/v1/releases/4.17/features?at=2030-01-01")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.revision.commit")
                .isEqualTo(fixture.commits().extension417());
        http.get()
                .uri("/api/v1/releases/4.17/features?at=2023-12-31")
                .exchange()
                .expectStatus()
                .isNotFound();
        http.get()
                .uri("/api/v1/releases/4.17/features?at=" + fixture.commits().last422())
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void everyFeatureWithTheReleasesThatHaveIt() {
        http.get()
                .uri("/api/v1/features")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.features[*].key")
                .value(STRINGS, keys -> assertThat(keys).containsExactly("x86-64", "arm-v8", "x86pv", "vtpm", "argo"))
                .jsonPath("$.features[3].releases")
                .value(STRINGS, releases -> assertThat(releases).containsExactly("unstable", "4.22", "4.21"))
                .jsonPath("$.features[0].releases")
                .value(STRINGS, releases -> assertThat(releases).containsExactly("unstable", "4.22", "4.21", "4.17"));
        http.get()
                .uri("/api/v1/features?q=argo")
                .exchange()
                .expectBody()
                .jsonPath("$.features[*].key")
                .value(STRINGS, k -> assertThat(k).containsExactly("argo"));
    }

    @Test
    void oneFeatureAcrossReleasesNewestFirst() {
        http.get()
                .uri("/api/v1/features/vtpm")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.key")
                .isEqualTo("vtpm")
                .jsonPath("$.title")
                .isEqualTo("vTPM")
                .jsonPath("$.releases[*].version")
                .value(STRINGS, v -> assertThat(v).containsExactly("unstable", "4.22", "4.21"))
                .jsonPath("$.releases[1].statuses[1].text")
                .isEqualTo("Experimental")
                .jsonPath("$.releases[2].statuses[0].text")
                .isEqualTo("Tech Preview")
                .jsonPath("$.releases[1].upstream")
                .isEqualTo("https://xenbits.xen.org/docs/4.22-testing/SUPPORT.html#vtpm");
        http.get()
                .uri("/api/v1/features/no-such-feature")
                .exchange()
                .expectStatus()
                .isNotFound();
        http.get().uri("/api/v1/features/UPPER").exchange().expectStatus().isBadRequest();
    }

    @Test
    void theMatrixHasARowPerSectionAndQualifiedStatus() {
        http.get()
                .uri("/api/v1/matrix")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.releases")
                .value(STRINGS, r -> assertThat(r).containsExactly("unstable", "4.22", "4.21", "4.17"))
                .jsonPath("$.rows[?(@.key=='release-support--security-support-until')].cells['4.17']")
                .value(STRINGS, c -> assertThat(c).containsExactly("2027-12-12"))
                .jsonPath("$.rows[?(@.key=='vtpm--x86')].cells['4.21']")
                .value(STRINGS, c -> assertThat(c).containsExactly("Tech Preview"))
                .jsonPath("$.rows[?(@.key=='vtpm--x86')].depth")
                .value(
                        new ParameterizedTypeReference<List<Integer>>() {},
                        d -> assertThat(d).containsExactly(4))
                .jsonPath("$.rows[?(@.key=='x86-64')].cells['4.17']")
                .value(STRINGS, c -> assertThat(c).containsExactly("Supported"));
    }

    @Test
    void theMatrixFiltersByArchitectureAndReleases() {
        http.get()
                .uri("/api/v1/matrix?arch=arm64&releases=4.21,4.22")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.releases")
                .value(STRINGS, r -> assertThat(r).containsExactly("4.21", "4.22"))
                .jsonPath("$.rows[*].key")
                .value(
                        STRINGS,
                        keys -> assertThat(keys)
                                .contains("vtpm--arm", "arm-v8--xen-in-aarch64-mode", "vtpm")
                                .doesNotContain("vtpm--x86", "x86pv--x86-64", "x86-64", "arm-v8--xen-in-aarch32-mode"));
        http.get().uri("/api/v1/matrix?releases=4.99").exchange().expectStatus().isNotFound();
        http.get().uri("/api/v1/matrix?releases=4.x").exchange().expectStatus().isBadRequest();
    }

    /** A section filter keeps the headings above the section, so rows keep their place in the tree. */
    @Test
    void theMatrixAsCsv() {
        String byAccept = http.get()
                .uri("/api/v1/matrix?section=toolstack")
                .header(HttpHeaders.ACCEPT, "text/csv")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                .returnResult(String.class)
                .getResponseBody();
        assertThat(byAccept.split("\r\n"))
                .containsExactly(
                        "key,title,depth,unstable,4.22,4.21,4.17",
                        "feature-support,Feature Support,1,,,,",
                        "toolstack,Toolstack,2,,,,",
                        "vtpm,vTPM,3,,,,",
                        "vtpm--x86,x86,4,Supported,Supported,Tech Preview,",
                        "vtpm--arm,ARM,4,Experimental,Experimental,,",
                        "argo,Argo,3,Experimental,Experimental,,");
        String byFormat = http.get()
                .uri("/api/v1/matrix?section=toolstack&format=csv")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody();
        assertThat(byFormat).isEqualTo(byAccept);
        http.get().uri("/api/v1/matrix?format=xml").exchange().expectStatus().isBadRequest();
    }

    /** CSV or JSON by Spring's negotiation, as on every route: q-values, wildcards, 406; format= overrides Accept. */
    @Test
    void theMatrixIsNegotiated() {
        String[][] cases = {
            {null, null, "application/json"},
            {"*/*", null, "application/json"},
            {"text/csv", null, "text/csv"},
            {"text/*", null, "text/csv"},
            {"text/csv;q=0.5, application/json", null, "application/json"},
            {"application/json;q=0.2, text/csv;q=0.9", null, "text/csv"},
            {"application/json", "csv", "text/csv"},
            {"text/csv", "json", "application/json"},
            {"text/csv", "", "text/csv"},
            {"application/xml, */*;q=0.1", null, "application/json"}
        };
        for (String[] c : cases) {
            var request = http.get().uri("/api/v1/matrix" + (c[1] == null ? "" : "?format=" + c[1]));
            if (c[0] != null) {
                request.header(HttpHeaders.ACCEPT, c[0]);
            }
            request.exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.parseMediaType(c[2]));
        }
        http.get()
                .uri("/api/v1/matrix")
                .header(HttpHeaders.ACCEPT, "application/xml")
                .exchange()
                .expectStatus()
                .isEqualTo(406);
        http.get()
                .uri("/api/v1/matrix?format=yaml")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.parameter")
                .isEqualTo("format");
        // Elsewhere format= is a parameter like any other the endpoint does not know.
        http.get()
                .uri("/api/v1/releases?format=csv")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
    }
}
