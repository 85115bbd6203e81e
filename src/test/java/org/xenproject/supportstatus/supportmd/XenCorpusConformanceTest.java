package org.xenproject.supportstatus.supportmd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The reader against what Xen's own tooling (pandoc + docs/parse-support-md) made of the 14 real
 * SUPPORT.md files in the shared corpus: every (key, branch, text) row, nothing more, and every
 * heading identifier. Skipped, visibly, when the corpus is not there.
 */
class XenCorpusConformanceTest {

    private static final Pattern HREF = Pattern.compile("href=\\\\\"([^\"\\\\]*)\\\\\"");

    private static Path corpus;
    /** branch -> what the reader made of that branch's file */
    private static final Map<String, SupportDocument> documents = new LinkedHashMap<>();

    @BeforeAll
    static void readCorpus() throws IOException, SupportMdRejected {
        corpus = Path.of(System.getProperty("xen.corpus.dir", "../shared/corpus/xen"));
        if (!present()) {
            return;
        }
        SupportMdReader reader = new SupportMdReader();
        for (String[] row : tsv(corpus.resolve("MANIFEST.tsv"))) {
            documents.put(row[0], reader.read(Files.readAllBytes(corpus.resolve(row[3]))));
        }
    }

    /** Each test, not the class, is skipped without the corpus, so that surefire counts and shows the skips. */
    @BeforeEach
    void needsTheCorpus() {
        assumeTrue(
                present(),
                "Xen corpus not found at " + corpus.toAbsolutePath()
                        + " (system property xen.corpus.dir): conformance not checked");
    }

    private static boolean present() {
        return Files.isRegularFile(corpus.resolve("MANIFEST.tsv"));
    }

    @Test
    void everyAnchorRowIsReproducedExactly() throws IOException {
        List<String[]> anchor = tsv(corpus.resolve("anchor-matrix.tsv"));
        List<String> mismatches = new ArrayList<>();
        for (String[] row : anchor) {
            String key = row[0];
            String branch = row[1];
            String expected = row[2];
            SupportDocument document = documents.get(branch);
            if (document == null) {
                mismatches.add(branch + ": no file in the corpus for this branch");
                continue;
            }
            Map<String, String> ours = textByKey(document, mismatches, branch);
            if (!ours.containsKey(key)) {
                mismatches.add(branch + " " + key + ": missing (anchor says '" + expected + "')");
            } else if (key.equals("release-support--release-notes")) {
                Matcher href = HREF.matcher(expected);
                String url = href.find() ? href.group(1) : "<no href in anchor>";
                if (!url.equals(document.release().releaseNotes())
                        || !ours.get(key).contains(url)
                        || !ours.get(key).equals(document.release().raw().get("releaseNotes"))) {
                    mismatches.add(
                            branch + " " + key + ": link '" + document.release().releaseNotes() + "', raw '"
                                    + ours.get(key) + "', anchor link '" + url + "'");
                }
            } else if (!ours.get(key).equals(expected)) {
                mismatches.add(branch + " " + key + ": '" + ours.get(key) + "' but anchor says '" + expected + "'");
            }
        }
        assertThat(anchor).hasSize(2610);
        assertThat(mismatches).as("rows of anchor-matrix.tsv not reproduced").isEmpty();
    }

    @Test
    void noStatusTheAnchorLacks() throws IOException {
        Map<String, List<String>> anchorKeys = new HashMap<>();
        for (String[] row : tsv(corpus.resolve("anchor-matrix.tsv"))) {
            anchorKeys.computeIfAbsent(row[1], b -> new ArrayList<>()).add(row[0]);
        }
        List<String> extra = new ArrayList<>();
        documents.forEach((branch, document) -> {
            for (FeatureStatus status : document.statuses()) {
                if (!anchorKeys.getOrDefault(branch, List.of()).contains(status.key())) {
                    extra.add(branch + " " + status.key() + " (line " + status.line() + "): '" + status.text() + "'");
                }
            }
        });
        assertThat(extra).as("statuses the anchor does not have").isEmpty();
    }

    @Test
    void everyHeadingIdentifierIsPandocs() throws IOException {
        List<String[]> headings = tsv(corpus.resolve("anchor-heading-ids.tsv"));
        Map<String, List<Section>> sectionsByTitle = new HashMap<>();
        for (SupportDocument document : documents.values()) {
            for (Section section : document.allSections()) {
                sectionsByTitle
                        .computeIfAbsent(sameQuotes(section.title()), t -> new ArrayList<>())
                        .add(section);
            }
        }
        List<String> mismatches = new ArrayList<>();
        for (String[] row : headings) {
            int level = Integer.parseInt(row[0]);
            String title = row[1];
            String id = row[2];
            String computed = PandocIdentifier.of(title);
            if (!computed.equals(id)) {
                mismatches.add("'" + title + "': identifier '" + computed + "', pandoc's '" + id + "'");
            }
            List<Section> seen = sectionsByTitle.getOrDefault(sameQuotes(title), List.of()).stream()
                    .filter(s -> s.level() == level)
                    .toList();
            if (seen.isEmpty()) {
                mismatches.add("'" + title + "' (level " + level + "): no such heading read from the corpus");
            } else if (seen.stream().anyMatch(s -> !s.key().equals(id))) {
                mismatches.add("'" + title + "': read with key(s) "
                        + seen.stream().map(Section::key).distinct().toList() + ", pandoc's '" + id + "'");
            }
        }
        assertThat(headings).hasSize(174);
        assertThat(mismatches).as("headings whose identifier is not pandoc's").isEmpty();
    }

    /**
     * The heading list gives pandoc's rendering of a title, where smart quotes may have become other
     * quotes ({@code 'debug keys'} is listed as {@code "debug keys"}): titles are compared with all quotes alike.
     */
    private static String sameQuotes(String title) {
        return title.replaceAll("['\"\u2018\u2019\u201C\u201D]", "\"");
    }

    /**
     * Forms the files have taken, or could take, that pandoc and docs/parse-support-md read exactly as
     * the originals: each variant of each corpus file must give the same (key, text) pairs.
     */
    @TestFactory
    Stream<DynamicTest> variantsXensToolingReadsTheSameGiveTheSameStatuses() throws IOException {
        Map<String, java.util.function.UnaryOperator<String>> variants = new LinkedHashMap<>();
        variants.put("CRLF line ends", text -> text.replace("\n", "\r\n"));
        variants.put("a byte order mark", text -> "\uFEFF" + text);
        variants.put("trailing spaces on every line", text -> text.replace("\n", "  \n"));
        variants.put("closing hashes on every heading", text -> text.replaceAll("(?m)^(#+ .*)$", "$1 ##"));
        variants.put("code blocks indented with a tab", text -> text.replaceAll("(?m)^    (\\S)", "\t$1"));
        variants.put("no title line", text -> text.replaceAll("\\A% [^\n]*\n", ""));
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] row : tsv(corpus.resolve("MANIFEST.tsv"))) {
            String original = Files.readString(corpus.resolve(row[3]), StandardCharsets.UTF_8);
            Map<String, String> expected = textByKey(documents.get(row[0]), new ArrayList<>(), row[0]);
            variants.forEach((name, variant) -> tests.add(DynamicTest.dynamicTest(row[0] + " with " + name, () -> {
                SupportDocument document =
                        new SupportMdReader().read(variant.apply(original).getBytes(StandardCharsets.UTF_8));
                assertThat(textByKey(document, new ArrayList<>(), row[0])).isEqualTo(expected);
            })));
        }
        return tests.stream();
    }

    @Test
    void withoutTheReleaseNotesDefinitionEverythingElseStays() throws IOException, SupportMdRejected {
        // before the release notes link was added, files ended the Release Support section with the block
        String original = Files.readString(corpus.resolve("SUPPORT-stable-4.19.md"), StandardCharsets.UTF_8);
        String older = original.replaceAll("\n\nRelease Notes\n: [^\n]*", "");
        assertThat(older).isNotEqualTo(original);
        SupportDocument document = new SupportMdReader().read(older.getBytes(StandardCharsets.UTF_8));
        Map<String, String> expected =
                new HashMap<>(textByKey(documents.get("stable-4.19"), new ArrayList<>(), "stable-4.19"));
        expected.remove("release-support--release-notes");
        assertThat(textByKey(document, new ArrayList<>(), "stable-4.19")).isEqualTo(expected);
        assertThat(document.release().releaseNotes()).isNull();
    }

    private static Map<String, String> textByKey(SupportDocument document, List<String> problems, String branch) {
        Map<String, String> byKey = new HashMap<>();
        for (FeatureStatus status : document.statuses()) {
            if (byKey.put(status.key(), status.text()) != null) {
                problems.add(branch + " " + status.key() + ": key twice in the reader's statuses");
            }
        }
        return byKey;
    }

    /** Rows of a TSV file, header dropped. */
    static List<String[]> tsv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isEmpty()) {
                rows.add(line.split("\t", -1));
            }
        }
        return rows;
    }
}
