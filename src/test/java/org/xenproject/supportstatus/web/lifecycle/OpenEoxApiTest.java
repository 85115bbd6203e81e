package org.xenproject.supportstatus.web.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.xenproject.supportstatus.testing.ApiTest;
import org.xenproject.supportstatus.testing.JsonSchemas;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** OpenEoX answers, validated against the OASIS TC's core schema (a copy under test resources). */
class OpenEoxApiTest extends ApiTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private Schema core;

    @BeforeAll
    void loadSchema() {
        core = JsonSchemas.load("/openeox/eox-core.json");
    }

    @Test
    void aReleaseIsAValidCoreObject() {
        JsonNode answer = get("/api/v1/releases/4.17/openeox.json");
        assertThat(errors(answer)).isEmpty();
        assertThat(answer.propertyNames())
                .containsExactlyInAnyOrder("$schema", "end_of_life", "end_of_security_support", "last_updated");
        assertThat(answer.get("end_of_life").asString()).isEqualTo("2027-12-12T23:59:59Z");
        assertThat(answer.get("end_of_security_support").asString()).isEqualTo("2027-12-12T23:59:59Z");
        // The commit that last moved a date: 4.17's extension.
        assertThat(OffsetDateTime.parse(answer.get("last_updated").asString())
                        .toInstant()
                        .toString())
                .isEqualTo("2026-02-12T10:01:00Z");
    }

    @Test
    void everyReleasedVersionIsAStatementWhoseCoreIsValid() {
        JsonNode answer = get("/api/v1/openeox.json");
        JsonNode statements = answer.get("statements");
        assertThat(statements.size()).isEqualTo(3);
        for (JsonNode statement : statements) {
            assertThat(errors(statement.get("core"))).as(statement.toString()).isEmpty();
        }
        JsonNode last = statements.get(2);
        assertThat(last.get("product").get("product_version").asString()).isEqualTo("4.17");
        assertThat(last.get("product").get("product_name").asString()).isEqualTo("Xen");
        assertThat(last.get("cpe").asString()).isEqualTo("cpe:2.3:o:xen:xen:4.17:*:*:*:*:*:*:*");
    }

    @Test
    void theSchemaRejectsWhatItShould() {
        // So that a passing validation above means something.
        JsonNode answer = get("/api/v1/releases/4.17/openeox.json");
        ObjectNode extra = ((ObjectNode) answer).deepCopy();
        extra.put("release", "4.17");
        assertThat(errors(extra)).isNotEmpty();
        ObjectNode badDate = ((ObjectNode) answer).deepCopy();
        badDate.put("end_of_life", "2027-12-12");
        assertThat(errors(badDate)).isNotEmpty();
        ObjectNode tba = ((ObjectNode) answer).deepCopy();
        tba.put("end_of_life", "tba");
        assertThat(errors(tba)).isEmpty();
    }

    @Test
    void unstableIsNotAStatementAndAnswersRevalidate() {
        http.get()
                .uri("/api/v1/releases/unstable/openeox.json")
                .exchange()
                .expectStatus()
                .isNotFound();
        http.get()
                .uri("/api/v1/releases/4.99/openeox.json")
                .exchange()
                .expectStatus()
                .isNotFound();
        http.get()
                .uri("/api/v1/releases/x/openeox.json")
                .exchange()
                .expectStatus()
                .isBadRequest();
        String etag = http.get()
                .uri("/api/v1/openeox.json")
                .exchange()
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
        http.get()
                .uri("/api/v1/openeox.json")
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus()
                .isNotModified();
    }

    private JsonNode get(String path) {
        return json.readTree(http.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody());
    }

    private List<Error> errors(JsonNode instance) {
        return core.validate(instance);
    }
}
