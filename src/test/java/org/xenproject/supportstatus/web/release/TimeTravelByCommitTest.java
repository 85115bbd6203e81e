package org.xenproject.supportstatus.web.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xenproject.supportstatus.testing.ApiTest;

/**
 * {@code at=<commit>} names exactly that commit's revision, on every endpoint that takes it, for
 * every revision of every release's own history: those of a patch series committed in one second
 * too, and one whose file is the same as an earlier revision's.
 */
class TimeTravelByCommitTest extends ApiTest {

    @Test
    void theSeriesInOneSecondIsStoredAsItsOwnRevisions() {
        List<String> commits =
                history("4.21").stream().map(r -> (String) r.get("commit")).toList();
        List<String> newestFirst = new ArrayList<>(fixture.commits().series421());
        java.util.Collections.reverse(newestFirst);
        assertThat(commits).containsSubsequence(newestFirst);
        assertThat(history("4.21").stream()
                        .filter(r -> fixture.commits().series421().contains(r.get("commit")))
                        .map(r -> r.get("committedAt"))
                        .distinct())
                .as("one second")
                .hasSize(1);
    }

    @Test
    void everyCommitOfEveryReleaseNamesItsOwnRevision() {
        List<String> asked = new ArrayList<>();
        for (String version : List.of("unstable", "4.22", "4.21", "4.17")) {
            for (Map<String, Object> revision : history(version)) {
                String commit = (String) revision.get("commit");
                String sha256 = (String) revision.get("sha256");
                for (String at : List.of(commit, commit.substring(0, 12))) {
                    http.get()
                            .uri("/api/v1/releases/" + version + "?at=" + at)
                            .exchange()
                            .expectStatus()
                            .isOk()
                            .expectBody()
                            .jsonPath("$.source.commit")
                            .isEqualTo(commit)
                            .jsonPath("$.source.sha256")
                            .isEqualTo(sha256);
                    http.get()
                            .uri("/api/v1/releases/" + version + "/features?at=" + at)
                            .exchange()
                            .expectStatus()
                            .isOk()
                            .expectBody()
                            .jsonPath("$.revision.commit")
                            .isEqualTo(commit)
                            .jsonPath("$.revision.subject")
                            .isEqualTo(revision.get("subject"));
                    http.get()
                            .uri("/api/v1/releases/" + version + "/features/vtpm?at=" + at)
                            .exchange()
                            .expectStatus()
                            .value(status -> assertThat(status).isIn(200, 404));
                    http.get()
                            .uri("/releases/" + version + "?at=" + at)
                            .exchange()
                            .expectStatus()
                            .isOk()
                            .expectBody(String.class)
                            .value(page -> assertThat(page).contains("data-revision=\"" + commit + "\""));
                }
                byte[] file = http.get()
                        .uri("/api/v1/releases/" + version + "/support.md?at=" + commit)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .returnResult(byte[].class)
                        .getResponseBody();
                assertThat(sha256(file)).as(version + " at " + commit).isEqualTo(sha256);
                asked.add(commit);
            }
        }
        assertThat(asked).containsAll(fixture.commits().series421());
    }

    @Test
    void eachCommitOfTheSeriesNamesItsOwnFileEverywhereLifecycleIsAnswered() {
        List<String> series = fixture.commits().series421();
        // The middle commit made vTPM on x86 Supported; the last took it back.
        List<String> statuses = series.stream()
                .map(commit -> http.get()
                        .uri("/api/v1/releases/4.21/features/vtpm?at=" + commit)
                        .exchange()
                        .returnResult(String.class)
                        .getResponseBody())
                .toList();
        assertThat(statuses.get(0)).contains("Tech Preview");
        assertThat(statuses.get(1)).contains("\"Supported\"");
        assertThat(statuses.get(2)).contains("Tech Preview");
        for (String commit : series) {
            http.get()
                    .uri("/api/v1/releases?at=" + commit)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.releases[?(@.version == '4.21')].source.commit")
                    .isEqualTo(List.of(commit));
            http.get()
                    .uri("/api/endoflife/v1/products/xen/releases/4.21?at=" + commit)
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
    }

    private List<Map<String, Object>> history(String version) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> revisions = (List<Map<String, Object>>) http.get()
                .uri("/api/v1/releases/" + version + "/history")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(Map.class)
                .getResponseBody()
                .get("revisions");
        return revisions;
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
