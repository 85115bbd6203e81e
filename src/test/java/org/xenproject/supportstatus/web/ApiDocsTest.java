package org.xenproject.supportstatus.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** OpenAPI describes every path and every parameter; Swagger UI is served. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class ApiDocsTest {

    @Autowired
    RestTestClient http;

    @Test
    void everyPathAndParameterIsDescribed() {
        String body = http.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody();
        JsonNode paths = JsonMapper.builder().build().readTree(body).get("paths");
        List<String> names = new ArrayList<>();
        paths.propertyNames().forEach(names::add);
        assertThat(names)
                .contains(
                        "/api/v1/releases",
                        "/api/v1/releases/{version}",
                        "/api/v1/releases/{version}/features",
                        "/api/v1/releases/{version}/features/{key}",
                        "/api/v1/releases/{version}/history",
                        "/api/v1/releases/{version}/support.md",
                        "/api/v1/features",
                        "/api/v1/features/{key}",
                        "/api/v1/matrix",
                        "/api/v1/diff",
                        "/api/v1/changes",
                        "/api/v1/changes.atom",
                        "/api/v1/parse",
                        "/api/v1/imports",
                        "/api/endoflife/xen.json",
                        "/api/endoflife/xen/{cycle}.json",
                        "/api/v1/releases/{version}/versions",
                        "/api/endoflife/v1/products",
                        "/api/endoflife/v1/products/{product}",
                        "/api/endoflife/v1/products/{product}/releases/{name}",
                        "/api/v1/calendar.ics",
                        "/api/v1/releases/{version}/calendar.ics",
                        "/api/v1/events",
                        "/api/v1/events.atom",
                        "/api/v1/releases/{version}/openeox.json",
                        "/api/v1/openeox.json");
        List<String> undescribed = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                JsonNode parameters = operation.getValue().get("parameters");
                if (parameters == null) {
                    continue;
                }
                for (JsonNode parameter : parameters) {
                    if (!"header".equals(parameter.path("in").asString())
                            && parameter.path("description").asString("").isBlank()) {
                        undescribed.add(operation.getKey() + " " + path.getKey() + " " + parameter.get("name"));
                    }
                }
            }
        }
        assertThat(undescribed).isEmpty();
    }

    @Test
    void swaggerUiIsServed() {
        http.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
    }
}
