package org.xenproject.supportstatus.web.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.xenproject.supportstatus.testing.ApiTest;

/**
 * {@code at=} on lifecycle answers: the lifecycle as each branch's SUPPORT.md stood on a past day or
 * at a commit. In the fixture, 4.17's end of security support moved from 2025-12-12 to 2027-12-12
 * on 2026-02-12; 4.21 and 4.22 were opened after that.
 */
class TimeTravelApiTest extends ApiTest {

    private static final ParameterizedTypeReference<List<String>> STRINGS = new ParameterizedTypeReference<>() {};

    @Test
    void aReleaseAsKnownOnAPastDayIsEvaluatedOnThatDay() {
        http.get()
                .uri("/api/v1/releases/4.17?at=2025-06-01")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.securitySupportUntil")
                .isEqualTo("2025-12-12")
                .jsonPath("$.state")
                .isEqualTo("security-only")
                .jsonPath("$.source.commit")
                .isEqualTo(fixture.commits().first417())
                .jsonPath("$.latest.version")
                .isEqualTo("4.17.0");
        // The day after the old end, before the move was known: unsupported then.
        http.get()
                .uri("/api/v1/releases/4.17?at=2026-01-01")
                .exchange()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("unsupported")
                .jsonPath("$.securitySupported")
                .isEqualTo(false);
        // The day the move was committed, and today.
        http.get()
                .uri("/api/v1/releases/4.17?at=2026-02-12")
                .exchange()
                .expectBody()
                .jsonPath("$.securitySupportUntil")
                .isEqualTo("2027-12-12")
                .jsonPath("$.state")
                .isEqualTo("security-only");
        http.get()
                .uri("/api/v1/releases/4.17")
                .exchange()
                .expectBody()
                .jsonPath("$.securitySupportUntil")
                .isEqualTo("2027-12-12");
    }

    @Test
    void onStillChoosesTheDayOfTheState() {
        http.get()
                .uri("/api/v1/releases/4.17?at=2025-06-01&on=2026-01-01")
                .exchange()
                .expectBody()
                .jsonPath("$.securitySupportUntil")
                .isEqualTo("2025-12-12")
                .jsonPath("$.state")
                .isEqualTo("unsupported");
        http.get()
                .uri("/api/v1/releases?at=2025-06-01&on=2026-01-01")
                .exchange()
                .expectBody()
                .jsonPath("$.asOf")
                .isEqualTo("2026-01-01");
    }

    @Test
    void aCommitNamesTheLifecycleAsItStoodThen() {
        String before = fixture.commits().first417();
        http.get()
                .uri("/api/v1/releases/4.17?at=" + before.substring(0, 12))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.securitySupportUntil")
                .isEqualTo("2025-12-12")
                .jsonPath("$.source.commit")
                .isEqualTo(before);
        http.get()
                .uri("/api/v1/releases/4.17?at=" + fixture.commits().extension417())
                .exchange()
                .expectBody()
                .jsonPath("$.securitySupportUntil")
                .isEqualTo("2027-12-12");
        // A commit of another branch: 4.17 as it stood when that commit was made.
        http.get()
                .uri("/api/v1/releases/4.17?at=" + fixture.commits().last421())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.securitySupportUntil")
                .isEqualTo("2027-12-12");
        http.get()
                .uri("/api/v1/releases/4.22?at=" + fixture.commits().last421())
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void listsLeaveOutReleasesWithNoFileYet() {
        http.get()
                .uri("/api/v1/releases?at=2025-06-01")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.asOf")
                .isEqualTo("2025-06-01")
                .jsonPath("$.releases[*].version")
                .value(STRINGS, v -> assertThat(v).containsExactly("unstable", "4.17"))
                .jsonPath("$.releases[1].securitySupportUntil")
                .isEqualTo("2025-12-12");
        http.get()
                .uri("/api/v1/releases?at=2023-12-31")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.releases.length()")
                .isEqualTo(0);
        http.get()
                .uri("/api/v1/releases/4.22?at=2025-06-01")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void endoflifeAnswersTravelToo() {
        http.get()
                .uri("/api/endoflife/xen.json?at=2025-06-01")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].cycle")
                .isEqualTo("4.17")
                .jsonPath("$[0].eol")
                .isEqualTo("2025-12-12")
                .jsonPath("$[0].latest")
                .isEqualTo("4.17.0");
        http.get()
                .uri("/api/endoflife/xen/4.17.json?at=" + fixture.commits().extension417())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.eol")
                .isEqualTo("2027-12-12");
        http.get()
                .uri("/api/endoflife/xen/4.22.json?at=2025-06-01")
                .exchange()
                .expectStatus()
                .isNotFound();
        http.get()
                .uri("/api/endoflife/v1/products/xen?at=2025-06-01")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.result.releases.length()")
                .isEqualTo(1)
                .jsonPath("$.result.releases[0].eolFrom")
                .isEqualTo("2025-12-12")
                .jsonPath("$.result.releases[0].isEol")
                .isEqualTo(false);
    }

    @Test
    void badOrUnknownPointsAreProblems() {
        for (String path : List.of(
                "/api/v1/releases?at=yesterday",
                "/api/v1/releases/4.17?at=2026-02-30",
                "/api/endoflife/xen.json?at=xyz",
                "/api/endoflife/v1/products/xen?at=12")) {
            http.get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.parameter")
                    .isEqualTo("at");
        }
        http.get()
                .uri("/api/v1/releases?at=deadbeef")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void eachPointIsItsOwnAnswerAndRevalidates() {
        String now = etag("/api/v1/releases/4.17");
        String then = etag("/api/v1/releases/4.17?at=2025-06-01");
        assertThat(then).isNotEqualTo(now);
        http.get()
                .uri("/api/v1/releases/4.17?at=2025-06-01")
                .header(HttpHeaders.IF_NONE_MATCH, then)
                .exchange()
                .expectStatus()
                .isNotModified();
    }

    private String etag(String path) {
        return http.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
    }
}
