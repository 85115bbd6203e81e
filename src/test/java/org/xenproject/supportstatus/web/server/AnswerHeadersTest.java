package org.xenproject.supportstatus.web.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.xenproject.supportstatus.testing.ApiTest;
import org.xenproject.supportstatus.web.RawHttp;

/**
 * What plain HTTP clients see beyond the body: no download name on answers that are not files,
 * and refusals of a method or a media type as problems like every other error.
 */
// Its 405s and 406s are counted under no route (Spring matched none): a context of its own, so that
// the route metrics other tests read are not theirs.
@DirtiesContext
class AnswerHeadersTest extends ApiTest {

    @LocalServerPort
    int port;

    @Test
    void aVersionInThePathIsNoFileName() {
        for (String path : new String[] {
            "/api/v1/releases/4.17",
            "/api/v1/releases/4.17.3",
            "/releases/4.17",
            "/api/endoflife/xen/4.17.json",
            "/api/v1/releases/4.99"
        }) {
            RawHttp.Response response = RawHttp.send(port, "GET " + path + " HTTP/1.1\r\nHost: localhost");
            assertThat(response.status()).as(path).isIn(200, 404);
            assertThat(response.header("Content-Disposition")).as(path).isNull();
        }
    }

    @Test
    void aSuffixThatCouldBeRunKeepsSpringsGuard() {
        RawHttp.Response response = RawHttp.send(port, "GET /api/v1/releases/4.bat HTTP/1.1\r\nHost: localhost");
        assertThat(response.header("Content-Disposition")).isEqualTo("inline;filename=f.txt");
    }

    @Test
    void traceIsRefusedAsAProblem() {
        RawHttp.Response response = RawHttp.send(port, "TRACE /api/v1/releases HTTP/1.1\r\nHost: localhost");
        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body())
                .contains("\"status\":405", "\"instance\":\"/api/v1/releases\"")
                .doesNotContain("timestamp", "/error");
        // Tomcat refuses it before any filter runs: the headers come with the error page.
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Content-Security-Policy")).isEqualTo(ResponseHeaders.API_POLICY);
    }

    @Test
    void anotherMethodIsRefusedAsAProblem() {
        RawHttp.Response response = RawHttp.send(port, "DELETE /api/v1/releases HTTP/1.1\r\nHost: localhost");
        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.header("Allow")).contains("GET");
    }

    @Test
    void anAcceptThatCannotBeMetIsAProblem() {
        for (String path :
                new String[] {"/api/v1/releases", "/api/v1/releases/4.17", "/api/v1/releases/4.17/features", "/"}) {
            RawHttp.Response response =
                    RawHttp.send(port, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: image/png");
            assertThat(response.status()).as(path).isEqualTo(406);
            assertThat(response.header("Content-Type")).as(path).startsWith("application/problem+json");
            assertThat(response.body()).as(path).contains("\"status\":406");
        }
    }
}
