package org.xenproject.supportstatus.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.test.context.TestPropertySource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import org.xenproject.supportstatus.testing.ApiTest;

/**
 * The README's example answers are the service's real answers: each block after a
 * {@code <!-- checked: GET path -->} marker must equal what the service says for that path over
 * the test data. With {@code -Dreadme.write=true} the blocks are written anew instead.
 */
// Absolute links as a deployment with its public URL set gives them (the README's examples run on localhost:8080).
@TestPropertySource(properties = "XEN_SUPPORT_PUBLIC_URL=http://localhost:8080")
class ReadmeExamplesTest extends ApiTest {

    private static final Path README = Path.of("README.md");
    private static final Pattern EXAMPLE = Pattern.compile(
            "<!-- checked: GET (\\S+) -->\\n```json\\n(.*?)```", Pattern.DOTALL);
    /** Fields that differ from one import, or one day, to the next. */
    private static final List<String> VOLATILE = List.of("importedAt", "generated_at", "asOf");

    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Test
    void examplesAreWhatTheServiceAnswers() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        Matcher m = EXAMPLE.matcher(readme);
        StringBuilder rewritten = new StringBuilder();
        List<String> stale = new ArrayList<>();
        int examples = 0;
        while (m.find()) {
            examples++;
            String path = m.group(1);
            String answer = http.get().uri(path).exchange().returnResult(String.class).getResponseBody();
            JsonNode actual = normalised(answer);
            String documented = m.group(2);
            if (documented.isBlank() || !normalised(documented).equals(actual)) {
                stale.add(path);
            }
            m.appendReplacement(rewritten, Matcher.quoteReplacement(
                    "<!-- checked: GET " + path + " -->\n```json\n" + json.writeValueAsString(json.readTree(answer))
                            + "\n```"));
        }
        m.appendTail(rewritten);
        assertThat(examples).as("checked examples in the README").isGreaterThanOrEqualTo(4);
        if (Boolean.getBoolean("readme.write")) {
            Files.writeString(README, rewritten.toString(), StandardCharsets.UTF_8);
            return;
        }
        assertThat(stale).as("README examples that no longer match the service; "
                + "run ./mvnw verify -Dreadme.write=true to write them anew").isEmpty();
    }

    private JsonNode normalised(String text) {
        JsonNode node = json.readTree(text);
        blankVolatile(node);
        return node;
    }

    private static void blankVolatile(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String field : VOLATILE) {
                if (object.has(field)) {
                    object.put(field, "…");
                }
            }
        }
        node.forEach(ReadmeExamplesTest::blankVolatile);
    }
}
