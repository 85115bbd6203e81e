package org.xenproject.supportstatus.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xenproject.supportstatus.testing.ApiTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad bytes are bad input: a path, request line or header Tomcat cannot read is a 400 problem,
 * answered before any route; never a 5xx, and never an error or a stack trace in the log. The
 * requests are written byte for byte to the service's own connector, as no well-behaved client
 * would send them.
 */
@ExtendWith(OutputCaptureExtension.class)
class BadBytesTest extends ApiTest {

    @LocalServerPort
    int port;

    @AfterEach
    void nothingWasLoggedAsAnErrorNorWithAStackTrace(CapturedOutput output) {
        assertThat(output.getAll()
                        .lines()
                        .filter(line ->
                                line.contains(" ERROR ") || line.startsWith("\tat ") || line.startsWith("Caused by: ")))
                .as("errors and stack traces in the log")
                .isEmpty();
    }

    @Test
    void aPathThatIsNotPercentEncodedUtf8IsRefusedBeforeAnyRoute() {
        for (String prefix : List.of("/api/v1/releases/", "/releases/", "/")) {
            for (String bad :
                    List.of("%ff", "%zz", "%", "%c0%af", "%e0%80%af", "%ed%a0%80", "4.22%00", "\u00ff", "4.22\u0000")) {
                get(prefix + bad).isRefusedByTomcat();
            }
        }
    }

    @Test
    void aRequestLineOverTheLimitIsRefused() {
        get("/api/v1/releases?x=" + "a".repeat(9_000)).isRefusedByTomcat();
        get("/api/v1/releases?x=" + "%ff".repeat(3_000)).isRefusedByTomcat();
        get("/releases/" + "4".repeat(9_000)).isRefusedByTomcat();
    }

    @Test
    void headersTomcatCannotParseAreRefused() {
        // NUL, a bare CR or another control character in a value, a name that is not a token, a
        // Content-Length that is no number or is said twice.
        for (String header : List.of(
                "X-Note: a\u0000b",
                "X-Note: a\rb",
                "Accept: a\u0001b",
                "X Note: 1",
                "X-N\u00f6te: 1",
                "Content-Length: 1x",
                "Content-Length: 1\r\nContent-Length: 2")) {
            send("GET /api/v1/releases HTTP/1.1\r\nHost: localhost\r\n" + header)
                    .isRefusedByTomcat();
        }
    }

    Answer get(String target) {
        return send("GET " + target + " HTTP/1.1\r\nHost: localhost");
    }

    Answer send(String head) {
        return new Answer(head, RawHttp.send(port, head));
    }

    /** An answer, and what it should be. */
    record Answer(String request, RawHttp.Response response) {

        int status() {
            return response.status();
        }

        String what() {
            String shown = request.length() > 120 ? request.substring(0, 120) + "…" : request;
            return shown.replace("\r\n", " | ") + " -> " + response.status() + " " + response.body();
        }

        JsonNode problem() {
            return JsonMapper.shared().readTree(response.body());
        }

        String detail() {
            return problem().path("detail").asString();
        }

        /** A problem+json with this status and no trace of the server's inside. */
        void isProblem(int status) {
            assertThat(response.status()).as(what()).isEqualTo(status);
            assertThat(response.header("Content-Type")).as(what()).startsWith("application/problem+json");
            assertThat(response.header("X-Content-Type-Options")).as(what()).isEqualTo("nosniff");
            assertThat(problem().path("status").asInt()).as(what()).isEqualTo(status);
            assertThat(problem().path("title").asString()).as(what()).isNotBlank();
            assertThat(problem().path("detail").asString()).as(what()).isNotBlank();
            assertThat(response.body()).as(what()).doesNotContain("Exception", "at org.", "tomcat", "Tomcat");
        }

        /** Tomcat's own 400, before any route: a problem, in fixed words. */
        void isRefusedByTomcat() {
            isProblem(400);
            assertThat(problem().path("title").asString()).as(what()).isEqualTo("Bad Request");
            assertThat(detail()).as(what()).isEqualTo("The request could not be read.");
        }
    }
}
