package org.xenproject.supportstatus.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
 * Bad bytes are bad input: a query string, path or header whose bytes do not read is a 400, as a
 * problem (a page on the pages), on every endpoint, whether or not the endpoint reads the parameter;
 * never a 5xx, and never an error or a stack trace in the log. The requests are written byte for byte
 * to the service's own connector, as no well-behaved client would send them.
 */
@ExtendWith(OutputCaptureExtension.class)
class BadBytesTest extends ApiTest {

    /**
     * Endpoints of every kind: with parameters and without, prepared answers, feeds, Spring Security's
     * chain, Actuator, the API description and static files. {@code x=} is a parameter none of them reads.
     */
    static final List<String> ENDPOINTS = List.of(
            "/api/v1/releases",
            "/api/v1/releases/4.22",
            "/api/v1/releases/4.22/features",
            "/api/v1/releases/4.22/versions",
            "/api/v1/features",
            "/api/v1/matrix",
            "/api/v1/changes",
            "/api/v1/changes.atom",
            "/api/v1/events",
            "/api/v1/calendar.ics",
            "/api/v1/openeox.json",
            "/api/endoflife/xen.json",
            "/api/endoflife/v1/products/xen",
            "/api/v1/imports",
            "/actuator/health",
            "/v3/api-docs",
            "/swagger-ui/index.html");

    static final String ESCAPE = "has a '%' not followed by two hexadecimal digits";

    static final String NOT_UTF8 = "is not UTF-8 once its %-escapes are decoded";

    /** Values that are not percent-encoded UTF-8: a {@code %} that starts no escape. */
    static final List<String> BROKEN_ESCAPES = List.of("%", "%zz", "%f", "a%g1", "%%41", "100%");

    /**
     * Escapes of bytes that are not UTF-8: stray, truncated and impossible bytes, a surrogate, a code
     * point past U+10FFFF, and overlong encodings (of '/', of NUL, of 'A').
     */
    static final List<String> BROKEN_UTF8 = List.of(
            "%ff",
            "%80",
            "%c3",
            "%c3%28",
            "x%e2%82",
            "%ed%a0%80",
            "%f4%90%80%80",
            "%c0%af",
            "%e0%80%af",
            "%f0%80%80%af",
            "%c0%80",
            "%c1%81");

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
    void aValueThatIsNotPercentEncodedUtf8IsA400NamingItsParameterOnEveryEndpoint(CapturedOutput output) {
        for (String endpoint : ENDPOINTS) {
            for (String value : BROKEN_ESCAPES) {
                get(endpoint + "?x=" + value).isInvalidParameter("x", endpoint, "'" + value + "' " + ESCAPE);
            }
            for (String value : BROKEN_UTF8) {
                get(endpoint + "?x=" + value).isInvalidParameter("x", endpoint, "'" + value + "' " + NOT_UTF8);
            }
        }
        // One line each, and the capture saw them: the check after each test means something.
        assertThat(output.getAll()
                        .lines()
                        .filter(line -> line.contains(" WARN ") && line.contains("/api/v1/openeox.json")))
                .hasSize(BROKEN_ESCAPES.size() + BROKEN_UTF8.size());
    }

    @Test
    void theParameterNamedIsTheOneAtFaultWhereverItIsAndWhateverTheEndpointReads() {
        get("/api/v1/releases?state=%ff").isInvalidParameter("state", "/api/v1/releases", "'%ff' " + NOT_UTF8);
        get("/api/v1/releases?at=%ff").isInvalidParameter("at", "/api/v1/releases");
        get("/api/v1/releases/4.22?at=%c0%af").isInvalidParameter("at", "/api/v1/releases/4.22");
        get("/api/v1/releases/4.22/features?arch=x86&q=%zz").isInvalidParameter("q", "/api/v1/releases/4.22/features");
        get("/api/v1/features?q=pv&x=1&section=%ed%a0%80").isInvalidParameter("section", "/api/v1/features");
        get("/api/v1/diff?from=4.21&to=4.22&x=%80").isInvalidParameter("x", "/api/v1/diff");
        // Repeated: the one copy that does not read is at fault, first or last.
        get("/api/v1/releases?state=supported&state=%ff").isInvalidParameter("state", "/api/v1/releases");
        get("/api/v1/releases?state=%ff&state=supported").isInvalidParameter("state", "/api/v1/releases");
        // A name that reads is named, encoded or not; '+' is a space.
        get("/api/v1/releases?s%74ate=%ff").isInvalidParameter("state", "/api/v1/releases");
        get("/api/v1/releases?my+x=%zz").isInvalidParameter("my x", "/api/v1/releases");
        // A valid NUL is no broken encoding: an unknown parameter is ignored, a known one judged.
        assertThat(get("/api/v1/releases?x=%00").status()).isEqualTo(200);
        get("/api/v1/features?q=%00").isInvalidParameter("q", "/api/v1/features", "contains control characters");
    }

    @Test
    void aQueryStringWhoseNamesDoNotReadIsA400WithoutAName() {
        for (String query : List.of("%ff=1", "%zz=1", "a%c0%af=1", "%ff", "x=1&%e0%80%af=2")) {
            for (String endpoint : List.of("/api/v1/releases", "/api/v1/openeox.json", "/actuator/health")) {
                Answer answer = get(endpoint + "?" + query);
                answer.isInvalidQuery(endpoint);
                assertThat(answer.detail()).as(answer.what()).startsWith("a parameter's name, '");
            }
        }
        for (String query : List.of("=x", "a=1&=x", "=")) {
            Answer answer = get("/api/v1/releases?" + query);
            answer.isInvalidQuery("/api/v1/releases");
            assertThat(answer.detail()).as(answer.what()).endsWith("gives a value but no name");
        }
        // Empty pairs are no fault.
        assertThat(get("/api/v1/releases?&&state=supported&").status()).isEqualTo(200);
    }

    @Test
    void moreParametersThanARequestMayHaveIsA400() {
        String thousand = IntStream.range(0, 1000).mapToObj(i -> "p" + i + "=1").collect(Collectors.joining("&"));
        assertThat(get("/api/v1/releases?" + thousand).status()).isEqualTo(200);
        Answer tooMany = get("/api/v1/releases?" + thousand + "&one=more");
        tooMany.isInvalidQuery("/api/v1/releases");
        assertThat(tooMany.detail()).isEqualTo("it holds more parameters than a request may have");
        get("/api/v1/openeox.json?" + "x=1&".repeat(1001)).isInvalidQuery("/api/v1/openeox.json");

        // A long value of an unknown parameter is ignored, as any unknown parameter is.
        Answer plain = get("/api/v1/releases");
        Answer longValue = get("/api/v1/releases?x=" + "a".repeat(7_000));
        assertThat(longValue.status()).isEqualTo(200);
        assertThat(longValue.response().body()).isEqualTo(plain.response().body());
    }

    @Test
    void onThePagesTheSame400IsAPage() {
        for (String target : List.of(
                "/?q=%ff",
                "/?level=%zz", "/?arch=%c0%af", "/?x=%ed%a0%80", "/releases/4.22?x=%ff", "/releases/4.22?at=%")) {
            Answer answer = get(target);
            String parameter = target.substring(target.indexOf('?') + 1, target.indexOf('='));
            answer.isPage(400, "Invalid parameter &#39;" + parameter + "&#39;");
        }
        get("/?%ff=1").isPage(400, "Invalid query string");
        get("/releases/4.22?=x").isPage(400, "Invalid query string");
        get("/?" + "x=1&".repeat(1001)).isPage(400, "Invalid query string");
        // As before: what the page reads is judged by the page.
        get("/?q=%00").isPage(400, "Invalid parameter &#39;q&#39;");
        assertThat(get("/releases/4.22?x=%00").status()).isEqualTo(200);
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

    @Test
    void headerValuesTheFirewallRefusesAsTheServiceReadsThemAre400s() {
        // A C1 control character, in a header the service reads on every route or on some.
        for (String target : List.of("/api/v1/releases", "/api/v1/releases/4.22", "/")) {
            for (String header : List.of("If-None-Match: \"a\u0085\"", "Accept: application/json\u0085")) {
                Answer answer = send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + header);
                answer.isProblem(400);
                assertThat(answer.problem().path("title").asString())
                        .as(answer.what())
                        .isEqualTo("Bad Request");
            }
        }
        // A header the service never reads is not judged.
        assertThat(send("GET /api/v1/releases HTTP/1.1\r\nHost: localhost\r\nX-Note: caf\u00e9\u0085")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aBodyShorterThanItsContentLengthIsA400() {
        byte[] body = "# Support\n".getBytes(StandardCharsets.UTF_8);
        RawHttp.Response response = RawHttp.sendThenShut(
                port,
                "POST /api/v1/parse HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/markdown\r\nContent-Length: 100",
                body);
        new Answer("POST /api/v1/parse, 10 of its 100 bytes", response).isProblem(400);
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

        /** The 400 of the API for a parameter: the same fields as for a value that does not convert. */
        void isInvalidParameter(String parameter, String path, String detail) {
            isInvalidParameter(parameter, path);
            assertThat(detail()).as(what()).isEqualTo(detail);
        }

        void isInvalidParameter(String parameter, String path) {
            isProblem(400);
            JsonNode problem = problem();
            assertThat(problem.path("type").asString())
                    .as(what())
                    .isEqualTo("urn:xen-support:problem:invalid-parameter");
            assertThat(problem.path("title").asString()).as(what()).isEqualTo("Invalid parameter '" + parameter + "'");
            assertThat(problem.path("parameter").asString()).as(what()).isEqualTo(parameter);
            assertThat(problem.path("instance").asString()).as(what()).isEqualTo(path);
        }

        /** The 400 for a query string where no one parameter is at fault, or none can be named. */
        void isInvalidQuery(String path) {
            isProblem(400);
            JsonNode problem = problem();
            assertThat(problem.path("type").asString()).as(what()).isEqualTo("urn:xen-support:problem:invalid-query");
            assertThat(problem.path("title").asString()).as(what()).isEqualTo("Invalid query string");
            assertThat(problem.has("parameter")).as(what()).isFalse();
            assertThat(problem.path("instance").asString()).as(what()).isEqualTo(path);
        }

        /** Tomcat's own 400, before any route: a problem, in fixed words. */
        void isRefusedByTomcat() {
            isProblem(400);
            assertThat(problem().path("title").asString()).as(what()).isEqualTo("Bad Request");
            assertThat(detail()).as(what()).isEqualTo("The request could not be read.");
        }

        /** A page of the site, with the status and the problem's title as its heading. */
        void isPage(int status, String title) {
            assertThat(response.status()).as(what()).isEqualTo(status);
            assertThat(response.header("Content-Type")).as(what()).startsWith("text/html");
            assertThat(response.body())
                    .as(what())
                    .contains("<h1><span>" + status + "</span> <span>" + title + "</span></h1>");
        }
    }
}
