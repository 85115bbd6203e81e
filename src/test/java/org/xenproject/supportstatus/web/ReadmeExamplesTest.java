package org.xenproject.supportstatus.web;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.xenproject.supportstatus.testing.ApiTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The README's example answers are the service's real answers: each block after a
 * {@code <!-- checked: GET path -->} marker must equal what the service says for that path over
 * the test data. With {@code -Dreadme.write=true} the blocks are written anew instead.
 * <p>
 * An example whose answer is not JSON, or is not shown, has a
 * {@code <!-- checked: GET path content-type -->} marker: the path answers 200 with that type when
 * asked for it, and the lines of a block after the marker (an excerpt; "…" skips) are lines of the
 * answer. {@code 304} in place of the type says the answer's ETag makes the next request a 304.
 * Every {@code curl} GET in the README has one marker or the other.
 */
// Absolute links as a deployment with its public URL set gives them (the README's examples run on localhost:8080).
@TestPropertySource(properties = "XEN_SUPPORT_PUBLIC_URL=http://localhost:8080")
class ReadmeExamplesTest extends ApiTest {

    private static final Path README = Path.of("README.md");
    private static final Pattern EXAMPLE =
            Pattern.compile("<!-- checked: GET (\\S+) -->\\n```json\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern TYPED =
            Pattern.compile("<!-- checked: GET (\\S+) (\\S+) -->(?:\\n```\\w*\\n(.*?)```)?", Pattern.DOTALL);
    /** The path of a curl line's URL; POSTs are left out (they change the data, or need a file). */
    private static final Pattern CURL =
            Pattern.compile("^ {4}.*\\bcurl\\b.*?http://localhost:8080(/[^\\s']*)", Pattern.MULTILINE);
    /** Fields that differ from one import, or one day, to the next. */
    private static final List<String> VOLATILE = List.of("importedAt", "generated_at", "asOf");

    private final JsonMapper json =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

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
            String answer =
                    http.get().uri(path).exchange().returnResult(String.class).getResponseBody();
            JsonNode actual = normalised(answer);
            String documented = m.group(2);
            if (documented.isBlank() || !normalised(documented).equals(actual)) {
                stale.add(path);
            }
            m.appendReplacement(
                    rewritten,
                    Matcher.quoteReplacement("<!-- checked: GET " + path + " -->\n```json\n"
                            + json.writeValueAsString(json.readTree(answer)) + "\n```"));
        }
        m.appendTail(rewritten);
        assertThat(examples).as("checked examples in the README").isGreaterThanOrEqualTo(4);
        if (Boolean.getBoolean("readme.write")) {
            Files.writeString(README, rewritten.toString(), StandardCharsets.UTF_8);
            return;
        }
        assertThat(stale)
                .as("README examples that no longer match the service; "
                        + "run ./mvnw verify -Dreadme.write=true to write them anew")
                .isEmpty();
    }

    @Test
    void examplesOfOtherTypesAnswerThatTypeAndHoldTheirExcerpts() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        Matcher m = TYPED.matcher(readme);
        int examples = 0;
        int excerpts = 0;
        while (m.find()) {
            examples++;
            String path = m.group(1);
            String type = m.group(2);
            if (type.equals("304")) {
                EntityExchangeResult<String> first =
                        http.get().uri(path).exchange().returnResult(String.class);
                assertThat(first.getStatus().value()).as(path).isEqualTo(200);
                String etag = first.getResponseHeaders().getETag();
                assertThat(etag).as(path).isNotBlank();
                assertThat(http.get()
                                .uri(path)
                                .header(HttpHeaders.IF_NONE_MATCH, etag)
                                .exchange()
                                .returnResult(String.class)
                                .getStatus()
                                .value())
                        .as(path + " with its ETag")
                        .isEqualTo(304);
                continue;
            }
            MediaType asked = MediaType.parseMediaType(type);
            EntityExchangeResult<String> answer =
                    http.get().uri(path).accept(asked).exchange().returnResult(String.class);
            assertThat(answer.getStatus().value()).as(path).isEqualTo(200);
            assertThat(answer.getResponseHeaders().getContentType())
                    .as(path)
                    .isNotNull()
                    .matches(actual -> actual.isCompatibleWith(asked), "compatible with " + type);
            String body = answer.getResponseBody();
            readsAs(asked, path, body);
            if (m.group(3) != null) {
                excerpts++;
                holdsExcerpt(asked, path, body, m.group(3));
            }
        }
        assertThat(examples).as("checked examples of other types in the README").isGreaterThanOrEqualTo(10);
        assertThat(excerpts).as("excerpts among them").isGreaterThanOrEqualTo(3);
    }

    @Test
    void everyCurlExampleIsChecked() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        Set<String> checked = new LinkedHashSet<>();
        EXAMPLE.matcher(readme).results().forEach(r -> checked.add(r.group(1)));
        TYPED.matcher(readme).results().forEach(r -> checked.add(r.group(1)));
        List<String> curls = CURL.matcher(readme)
                .results()
                .filter(r -> !r.group().contains("-X POST") && !r.group().contains("--data"))
                .map(r -> r.group(1))
                .toList();
        assertThat(curls).as("curl examples in the README").hasSizeGreaterThanOrEqualTo(15);
        assertThat(curls)
                .as("curl examples with no <!-- checked: GET path [type] --> marker")
                .allMatch(checked::contains);
    }

    /** The answer is what its type says: a calendar parses as iCalendar, a feed as Atom. */
    private static void readsAs(MediaType type, String path, String body) throws Exception {
        if (type.isCompatibleWith(MediaType.parseMediaType("text/calendar"))) {
            assertThat(Biweekly.parse(body).all()).as(path).hasSize(1);
        } else if (type.isCompatibleWith(MediaType.APPLICATION_ATOM_XML)) {
            SyndFeed feed = new SyndFeedInput().build(new StringReader(body));
            assertThat(feed.getFeedType()).as(path).isEqualTo("atom_1.0");
        }
    }

    private static void holdsExcerpt(MediaType type, String path, String body, String excerpt) {
        List<String> shown = Arrays.stream(excerpt.split("\n"))
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.equals("…"))
                .toList();
        if (type.isCompatibleWith(MediaType.parseMediaType("text/calendar"))) {
            // The events the README names are the calendar's events, read as a calendar reader reads them.
            ICalendar calendar = Biweekly.parse(body).first();
            Set<String> summaries = calendar.getEvents().stream()
                    .map(VEvent::getSummary)
                    .map(summary -> "SUMMARY:" + summary.getValue())
                    .collect(Collectors.toSet());
            assertThat(summaries)
                    .as(path)
                    .containsExactlyInAnyOrderElementsOf(shown.stream()
                            .filter(line -> line.startsWith("SUMMARY:"))
                            .toList());
        }
        List<String> lines = body.lines().map(String::strip).toList();
        assertThat(lines).as("%s holds the README's excerpt", path).containsAll(shown);
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
