package org.xenproject.supportstatus.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.xenproject.supportstatus.snapshot.Snapshots;
import org.xenproject.supportstatus.testing.ApiTest;

/**
 * An answer is prepared once per data version, keyed by what it means: parameters an endpoint does
 * not know, their order and spellings of the same value never cause new work or a new ETag.
 */
class AnswersByMeaningTest extends ApiTest {

    @Autowired
    Snapshots snapshots;

    @Test
    void unknownParametersAskTheSameQuestion() {
        assertOneComputation(List.of(
                "/api/v1/matrix?releases=4.21,4.22&x=1",
                "/api/v1/matrix?x=2&releases=4.21,4.22",
                "/api/v1/matrix?releases=stable-4.21,4.22.1",
                "/api/v1/matrix?bust=123456&releases=4.21,4.22"));
    }

    @Test
    void orderAndSpellingOfKnownParametersAskTheSameQuestion() {
        assertOneComputation(List.of(
                "/api/v1/releases/4.22/features?arch=arm64&level=supported",
                "/api/v1/releases/4.22/features?level=supported&arch=arm64&bust=1",
                "/api/v1/releases/stable-4.22/features?arch=arm64&level=supported",
                "/api/v1/releases/4.22.1/features?level=supported&arch=arm64&arch=arm64"));
        assertOneComputation(List.of("/api/v1/releases/4.22/features?q=vTPM", "/api/v1/releases/4.22/features?q=vtpm"));
        assertOneComputation(List.of(
                "/api/v1/releases?state=supported,unsupported",
                "/api/v1/releases?state=unsupported&state=supported&securitySupported="));
    }

    @Test
    void anotherMeaningIsAnotherAnswer() {
        String all = etag("/api/v1/matrix");
        assertThat(etag("/api/v1/matrix?arch=x86")).isNotEqualTo(all);
        assertThat(etag("/api/v1/matrix?format=csv")).isNotEqualTo(all);
    }

    private void assertOneComputation(List<String> paths) {
        long before = snapshots.current().computations();
        String first = etag(paths.get(0));
        for (String path : paths) {
            assertThat(etag(path)).as(path).isEqualTo(first);
        }
        assertThat(snapshots.current().computations() - before)
                .as("answers computed for " + paths)
                .isEqualTo(1);
    }

    private String etag(String path) {
        return http.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getFirst(HttpHeaders.ETAG);
    }
}
