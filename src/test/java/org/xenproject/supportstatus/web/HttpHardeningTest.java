package org.xenproject.supportstatus.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What any client gets back, whatever it sends: security headers on every answer, no server
 * banner, and no version or stack trace even where Tomcat answers before the application does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HttpHardeningTest {

    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

    @LocalServerPort
    int port;

    RawHttp.Response get(String target) {
        return RawHttp.send(port, "GET " + target + " HTTP/1.1\r\nHost: localhost");
    }

    @Test
    void everyApiAnswerCarriesNosniffAndTheApiPolicyAndNoServerBanner() {
        for (String target : List.of(
                "/api/v1/releases",
                "/api/v1/releases/abc",
                "/api/v1/releases/4.99",
                "/api/v1/no-such-thing",
                "/api/endoflife/xen.json",
                "/actuator/health",
                "/v3/api-docs")) {
            RawHttp.Response response = get(target);
            assertThat(response.header("X-Content-Type-Options")).as(target).isEqualTo("nosniff");
            assertThat(response.header("Content-Security-Policy")).as(target).isEqualTo(API_CSP);
            assertThat(response.header("Server")).as(target).isNull();
        }
        RawHttp.Response refused =
                RawHttp.send(port, "POST /api/v1/imports HTTP/1.1\r\nHost: localhost\r\n" + "Content-Length: 0");
        assertThat(refused.status()).isIn(401, 403);
        assertThat(refused.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(refused.header("Content-Security-Policy")).isEqualTo(API_CSP);
    }

    @Test
    void pagesOutsideTheApiAreLeftToTheirOwnPolicy() {
        for (String target : List.of("/", "/releases/4.19", "/swagger-ui/index.html")) {
            RawHttp.Response response = get(target);
            assertThat(response.header("X-Content-Type-Options")).as(target).isEqualTo("nosniff");
            assertThat(response.header("Content-Security-Policy")).as(target).isNotEqualTo(API_CSP);
        }
    }

    @Test
    void urlsTheFirewallRefusesAre400ProblemsWithTheHeaders() {
        for (String target : List.of(
                "/api/v1/releases/..%2F..%2Fetc%2Fpasswd",
                "/api/v1/releases/%2e%2e/x",
                "/api/v1/features/a%00b",
                "/api/v1/releases/4.19;x=1",
                "//api/v1/releases",
                "/api/v1/releases/%252e%252e")) {
            RawHttp.Response response = get(target);
            assertThat(response.status()).as(target).isBetween(400, 499);
            assertThat(response.header("Content-Type")).as(target).startsWith("application/problem+json");
            assertThat(response.header("X-Content-Type-Options")).as(target).isEqualTo("nosniff");
            assertThat(response.body())
                    .as(target)
                    .contains("\"status\":" + response.status())
                    .doesNotContain("Exception", "at org.");
        }
    }

    @Test
    void answersTomcatGivesItselfShowNoVersionAndNoStackTrace() {
        RawHttp.Response badEscape = get("/api/v1/releases/%zz");
        RawHttp.Response badCharacter = get("/api/v1/releases/<script>");
        RawHttp.Response hugeHeader = RawHttp.send(
                port, "GET /api/v1/releases HTTP/1.1\r\nHost: localhost\r\n" + "X-Filler: " + "x".repeat(64 * 1024));
        RawHttp.Response badVersion = RawHttp.send(port, "GET /api/v1/releases HTTP/9.9\r\nHost: localhost");

        for (RawHttp.Response response : List.of(badEscape, badCharacter, hugeHeader, badVersion)) {
            assertThat(response.status()).as(response.toString()).isBetween(400, 505);
            assertThat(response.body())
                    .as(response.toString())
                    .doesNotContainIgnoringCase("tomcat")
                    .doesNotContain("Exception", "at org.", "at java.");
            assertThat(response.header("Server")).isNull();
        }
        assertThat(badEscape.status()).isEqualTo(400);
        for (RawHttp.Response response : List.of(badEscape, badCharacter)) {
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.body()).contains("\"status\":400");
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
        assertThat(hugeHeader.status()).isIn(400, 431);
    }
}
