package org.xenproject.supportstatus.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.xenproject.supportstatus.testing.ApiTest;

/**
 * Every answer goes through Spring MVC, prepared or not, so request metrics name its route: a
 * per-endpoint dashboard sees every GET, 304s included.
 */
class RouteMetricsTest extends ApiTest {

    static final List<String> GETS = List.of(
            "/api/v1/releases",
            "/api/v1/releases/4.22",
            "/api/v1/releases/4.22/features?arch=arm64",
            "/api/v1/releases/4.22/features/vtpm",
            "/api/v1/releases/4.22/history",
            "/api/v1/releases/4.22/support.md",
            "/api/v1/features",
            "/api/v1/features/vtpm",
            "/api/v1/matrix",
            "/api/v1/matrix?format=csv",
            "/api/v1/diff?from=4.21&to=4.22",
            "/api/v1/changes",
            "/api/v1/changes.atom",
            "/api/v1/imports",
            "/api/endoflife/xen.json",
            "/api/endoflife/xen/4.22.json",
            "/",
            "/releases/4.22");

    @Test
    void everyAnsweredRequestIsCountedUnderItsRoute() {
        for (String path : GETS) {
            for (int i = 0; i < 2; i++) { // computed, then prepared
                http.get().uri(path).exchange().expectStatus().isOk();
            }
            String etag = http.get()
                    .uri(path)
                    .exchange()
                    .returnResult(String.class)
                    .getResponseHeaders()
                    .getFirst(HttpHeaders.ETAG);
            http.get()
                    .uri(path)
                    .header(HttpHeaders.IF_NONE_MATCH, etag)
                    .exchange()
                    .expectStatus()
                    .isNotModified();
        }
        String metrics = http.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody();
        List<String> counts = metrics.lines()
                .filter(l -> l.startsWith("http_server_requests_seconds_count"))
                .toList();
        // Every answer has its route; only a request refused before any route took it has none
        // (a path none answers, an Accept none meets, bytes the firewall or Tomcat refuse).
        assertThat(counts)
                .noneMatch(l -> l.contains("uri=\"UNKNOWN\"")
                        && (l.contains("outcome=\"SUCCESS\"") || l.contains("outcome=\"REDIRECTION\"")));
        for (String route : List.of(
                "/api/v1/releases",
                "/api/v1/releases/{version}/features",
                "/api/v1/matrix",
                "/api/v1/features/{key}",
                "/api/v1/changes.atom",
                "/api/v1/imports",
                "/",
                "/releases/{version}")) {
            assertThat(counts)
                    .as(route)
                    .anyMatch(l -> l.contains("uri=\"" + route + "\"") && l.contains("status=\"200\""));
            assertThat(counts)
                    .as(route)
                    .anyMatch(l -> l.contains("uri=\"" + route + "\"") && l.contains("status=\"304\""));
        }
        // The per-request "active requests" long-task timer is not kept: nobody reads it, and every request paid for
        // it.
        assertThat(metrics)
                .contains("http_server_requests_seconds_count")
                .doesNotContain("http_server_requests_active");
    }
}
