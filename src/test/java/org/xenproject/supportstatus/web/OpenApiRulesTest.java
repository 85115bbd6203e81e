package org.xenproject.supportstatus.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * /v3/api-docs read by an OpenAPI parser, as the tools that lint or generate clients from it read
 * it, and held to the rules those linters apply: every operation says what it does, under a
 * declared tag, with the failures it can answer as problems; enums are typed; the admin call names
 * its security scheme; what the service wraps its answers in never shows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiRulesTest {

    @Autowired
    RestTestClient http;

    OpenAPI api;

    @BeforeAll
    void read() {
        String body = http.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody();
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(body, null, options);
        assertThat(result.getMessages()).as("what the parser found wrong").isEmpty();
        api = result.getOpenAPI();
        assertThat(api).isNotNull();
        assertThat(api.getOpenapi()).startsWith("3.");
    }

    @Test
    void theApiSaysWhoLooksAfterItUnderWhatLicenceAndNamesNoLocalServer() {
        assertThat(api.getInfo().getContact()).isNotNull();
        assertThat(api.getInfo().getContact().getUrl()).isNotBlank();
        assertThat(api.getInfo().getDescription()).isNotBlank();
        assertThat(api.getInfo().getLicense()).as("info.license").isNotNull();
        assertThat(api.getInfo().getLicense().getName()).isNotBlank();
        assertThat(api.getInfo().getLicense().getUrl()).startsWith("https://");
        assertThat(api.getServers())
                .isNotEmpty()
                .allSatisfy(
                        server -> assertThat(server.getUrl()).doesNotContain("localhost", "example.com", "127.0.0.1"));
    }

    @Test
    void everyOperationHasASummaryADescriptionAndADeclaredTag() {
        Set<String> declared = api.getTags().stream().map(Tag::getName).collect(Collectors.toSet());
        List<String> broken = new ArrayList<>();
        operations().forEach((name, operation) -> {
            if (blank(operation.getSummary())) {
                broken.add(name + ": no summary");
            }
            if (blank(operation.getDescription())) {
                broken.add(name + ": no description");
            }
            if (operation.getTags() == null || operation.getTags().isEmpty()) {
                broken.add(name + ": no tag");
            } else if (!declared.containsAll(operation.getTags())) {
                broken.add(name + ": undeclared tag " + operation.getTags());
            }
            if (blank(operation.getOperationId())) {
                broken.add(name + ": no operationId");
            }
        });
        assertThat(broken).isEmpty();
        assertThat(api.getTags())
                .allSatisfy(tag -> assertThat(tag.getDescription()).isNotBlank());
    }

    @Test
    void everyOperationDescribesItsFailuresAsProblems() {
        List<String> broken = new ArrayList<>();
        operations().forEach((name, operation) -> {
            Map<String, ApiResponse> responses = operation.getResponses();
            if (responses.keySet().stream().noneMatch(code -> code.startsWith("4"))) {
                broken.add(name + ": no 4xx answer");
            }
            if (responses.keySet().stream().noneMatch(code -> code.startsWith("2"))) {
                broken.add(name + ": no 2xx answer");
            }
            responses.forEach((code, response) -> {
                if (blank(response.getDescription())) {
                    broken.add(name + " " + code + ": no description");
                }
                if (code.startsWith("4") || code.startsWith("5")) {
                    MediaType problem = response.getContent() == null
                            ? null
                            : response.getContent().get("application/problem+json");
                    if (problem == null
                            || problem.getSchema() == null
                            || !"#/components/schemas/Problem"
                                    .equals(problem.getSchema().get$ref())) {
                        broken.add(name + " " + code + ": not a problem+json Problem");
                    }
                }
            });
        });
        assertThat(broken).isEmpty();
        assertThat(api.getComponents().getSchemas()).containsKey("Problem");
    }

    @Test
    void everyOperationSaysWhoMayCallIt() {
        List<String> undeclared = new ArrayList<>();
        operations().forEach((name, operation) -> {
            if (operation.getSecurity() == null && api.getSecurity() == null) {
                undeclared.add(name);
            }
        });
        assertThat(undeclared).isEmpty();

        Operation start = api.getPaths().get("/api/v1/imports").getPost();
        assertThat(start.getSecurity()).hasSize(1);
        String scheme = start.getSecurity().get(0).keySet().iterator().next();
        SecurityScheme declared = api.getComponents().getSecuritySchemes().get(scheme);
        assertThat(declared).isNotNull();
        assertThat(declared.getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(declared.getScheme()).isEqualTo("bearer");
        assertThat(start.getResponses()).containsKeys("202", "401", "403");
        assertThat(api.getPaths().get("/api/v1/imports").getGet().getSecurity()).isEmpty();
    }

    @Test
    void everyEnumIsTypedAndOnTheValuesNotTheArray() {
        List<String> broken = new ArrayList<>();
        Map<Schema<?>, Boolean> seen = new IdentityHashMap<>();
        api.getComponents().getSchemas().forEach((name, schema) -> checkEnums(name, schema, broken, seen));
        operations().forEach((name, operation) -> {
            if (operation.getParameters() != null) {
                operation
                        .getParameters()
                        .forEach(parameter ->
                                checkEnums(name + " " + parameter.getName(), parameter.getSchema(), broken, seen));
            }
            operation.getResponses().forEach((code, response) -> {
                if (response.getContent() != null) {
                    response.getContent()
                            .forEach((type, media) ->
                                    checkEnums(name + " " + code + " " + type, media.getSchema(), broken, seen));
                }
            });
        });
        assertThat(broken).isEmpty();
    }

    @Test
    void answersAreDescribedAsWhatTheyAreNotAsWhatCarriesThem() {
        assertThat(api.getComponents().getSchemas().keySet()).noneMatch(name -> name.startsWith("Prepared"));
        Schema<?> release = api.getPaths()
                .get("/api/v1/releases/{version}")
                .getGet()
                .getResponses()
                .get("200")
                .getContent()
                .get("application/json")
                .getSchema();
        assertThat(release.get$ref()).isEqualTo("#/components/schemas/Release");
        Schema<?> atom = api.getPaths()
                .get("/api/v1/changes.atom")
                .getGet()
                .getResponses()
                .get("200")
                .getContent()
                .get("application/atom+xml")
                .getSchema();
        assertThat(type(atom)).isEqualTo("string");
    }

    private static void checkEnums(String where, Schema<?> schema, List<String> broken, Map<Schema<?>, Boolean> seen) {
        if (schema == null || seen.put(schema, true) != null) {
            return;
        }
        List<?> values = schema.getEnum();
        if (values != null && !values.isEmpty()) {
            String type = type(schema);
            if (type == null) {
                broken.add(where + ": enum without a type");
            } else if ("array".equals(type) || "object".equals(type)) {
                broken.add(where + ": enum on an " + type);
            } else if ("string".equals(type) && !values.stream().allMatch(String.class::isInstance)) {
                broken.add(where + ": enum values that are not strings");
            }
        }
        checkEnums(where + "[]", schema.getItems(), broken, seen);
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> checkEnums(where + "." + name, property, broken, seen));
        }
        if (schema.getAdditionalProperties() instanceof Schema<?> values2) {
            checkEnums(where + "{}", values2, broken, seen);
        }
        for (List<?> parts : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (parts != null) {
                parts.forEach(part -> checkEnums(where, (Schema<?>) part, broken, seen));
            }
        }
    }

    /** The one type of a schema, as OpenAPI 3.0 ({@code type}) or 3.1 ({@code types}) gives it. */
    private static String type(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        return schema.getTypes() != null && schema.getTypes().size() == 1
                ? schema.getTypes().iterator().next()
                : null;
    }

    private Map<String, Operation> operations() {
        Map<String, Operation> all = new java.util.LinkedHashMap<>();
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .forEach((method, operation) -> all.put(method + " " + path, operation)));
        assertThat(all).hasSizeGreaterThan(15);
        return all;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
