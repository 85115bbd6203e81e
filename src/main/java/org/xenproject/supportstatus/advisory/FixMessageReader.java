package org.xenproject.supportstatus.advisory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one xen.git commit message: which Xen Security Advisories it says it fixes, and the
 * commits it names (docs/advisories.md). Stateless; commit messages are upstream text, so
 * nothing in one makes it throw: odd spellings become warnings.
 */
public final class FixMessageReader {

    private FixMessageReader() {}

    /**
     * @return the fix, or empty when no fix sentence of the message names an XSA (a
     *         {@code Fixes:} line, a CVE alone, or an XSA mentioned in passing is no security fix)
     * @throws NullPointerException when {@code commitMessage} is null
     */
    public static Optional<FixMessage> read(String commitMessage) {
        Objects.requireNonNull(commitMessage, "commitMessage");
        MessageLines lines = MessageLines.of(commitMessage);
        Warnings warnings = new Warnings();
        Trailers trailers = Trailers.of(lines, warnings);

        Map<Integer, Boolean> partOf = new LinkedHashMap<>();
        Set<String> cves = new LinkedHashSet<>();
        for (Paragraph paragraph : paragraphs(lines, trailers)) {
            for (FixSentences.FixSentence sentence : FixSentences.in(paragraph, warnings)) {
                for (FixSentences.Advisory advisory : sentence.advisories()) {
                    partOf.merge(advisory.number(), advisory.partOf(), Boolean::logicalAnd);
                }
                cves.addAll(sentence.cves());
            }
        }
        if (partOf.isEmpty()) {
            return Optional.empty();
        }
        List<AdvisoryMention> advisories = new ArrayList<>();
        partOf.forEach((number, part) -> advisories.add(new AdvisoryMention(number, part)));
        return Optional.of(new FixMessage(
                advisories, List.copyOf(cves), trailers.pickedFrom(), trailers.introducedBy(), warnings.inLineOrder()));
    }

    /** Runs of prose lines: a blank line or a trailer ends one. */
    private static List<Paragraph> paragraphs(MessageLines lines, Trailers trailers) {
        List<Paragraph> paragraphs = new ArrayList<>();
        Paragraph.Builder current = new Paragraph.Builder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.line(i);
            if (MessageLines.isBlank(line) || trailers.isTrailer(i)) {
                if (!current.isEmpty()) {
                    paragraphs.add(current.build());
                    current = new Paragraph.Builder();
                }
            } else {
                current.add(i + 1, line);
            }
        }
        if (!current.isEmpty()) {
            paragraphs.add(current.build());
        }
        return paragraphs;
    }
}
