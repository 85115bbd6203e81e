package org.xenproject.supportstatus.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xenproject.supportstatus.testing.ApiTest;
import org.xenproject.supportstatus.web.RawHttp;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A problem is written one way wherever it is refused: by Spring MVC's advice, by Spring
 * Security and its firewall ahead of it, by the error page, by Tomcat itself. Same media type,
 * same fields in the same order, the same JSON as the service's mapper writes it.
 */
class OneProblemShapeTest extends ApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Test
    void everyRefusalIsTheSameKindOfProblem() {
        RawHttp.Response mvc = RawHttp.send(port, "GET /api/v1/releases?state=bogus HTTP/1.1\r\nHost: x");
        assertThat(mvc.status()).isEqualTo(400);
        Map<String, RawHttp.Response> others = Map.of(
                "security", RawHttp.send(port, "POST /api/v1/imports HTTP/1.1\r\nHost: x\r\nContent-Length: 0"),
                "firewall", RawHttp.send(port, "GET /api/v1/releases/%2e%2e/x HTTP/1.1\r\nHost: x"),
                "error page", RawHttp.send(port, "TRACE /api/v1/releases HTTP/1.1\r\nHost: x"),
                "not found", RawHttp.send(port, "GET /api/v1/nothing HTTP/1.1\r\nHost: x"),
                "tomcat", RawHttp.send(port, "GET /api/v1/rel{eases HTTP/1.1\r\nHost: x"));
        assertThat(others.get("security").status()).isEqualTo(403);
        assertThat(others.get("firewall").status()).isEqualTo(400);
        assertThat(others.get("error page").status()).isEqualTo(405);
        assertThat(others.get("not found").status()).isEqualTo(404);
        assertThat(others.get("tomcat").status()).isEqualTo(400);
        List<String> order = keys(mvc.body());
        others.forEach((where, answer) -> {
            assertThat(answer.header("Content-Type")).as(where).isEqualTo(mvc.header("Content-Type"));
            assertThat(order).as(where).containsSubsequence(keys(answer.body()));
            assertThat(answer.body())
                    .as(where + ": as the mapper writes it")
                    .isEqualTo(json.writeValueAsString(
                            json.readValue(answer.body(), new TypeReference<Map<String, Object>>() {})));
        });
    }

    private List<String> keys(String body) {
        Map<String, Object> fields = json.readValue(body, new TypeReference<Map<String, Object>>() {});
        return new ArrayList<>(fields.keySet());
    }
}
