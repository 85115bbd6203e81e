package org.xenproject.supportstatus.supportmd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;

/**
 * Walks the top-level blocks of a parsed SUPPORT.md, as docs/parse-support-md walks pandoc's
 * top-level blocks, and assembles the {@link SupportDocument}: headings open sections; top-level code
 * blocks and definition lists give statuses; everything else is a section's description (before its
 * first status block) or caveats (after it). Blocks nested in lists or quotes are text only, as in
 * Xen's matrix; a status block found there is reported.
 */
final class DocumentAssembler {

    private enum Origin {
        STATUS_LINE,
        RELEASE_LINE,
        DEFINITION
    }

    /** A status line found, before it is known whether a later line with the same key supersedes it. */
    private record Found(StatusBlock.Entry entry, SectionDraft section, Origin origin, String key) {}

    private static final Pattern CLOSING_HASHES = Pattern.compile("^ {0,3}#{1,6}[ \\t].*[ \\t]#+[ \\t]*$");
    private static final Pattern HASH_WITHOUT_SPACE = Pattern.compile("^ {0,3}#{1,6}[^#\\s\\\\]");
    private static final Pattern STATUS_LIKE = Pattern.compile("^(?:Status|Supported)(?:,[^:]+)?:\\s+\\S");

    private final List<String> lines;
    private final List<String> sourceLines;
    private final WarningLog log;
    private final PandocIdentifier identifiers = new PandocIdentifier();
    private final List<SectionDraft> topLevel = new ArrayList<>();
    private final Deque<SectionDraft> open = new ArrayDeque<>();
    private final List<Found> found = new ArrayList<>();
    private final Map<String, Integer> foundByKey = new HashMap<>();
    private SectionDraft releaseSection;
    private final Map<String, List<Arch>> archesNamed = new HashMap<>();

    /**
     * @param lines       the lines CommonMark parsed (title blanked, escapes added)
     * @param sourceLines the lines as written
     */
    DocumentAssembler(List<String> lines, List<String> sourceLines, WarningLog log) {
        this.lines = lines;
        this.sourceLines = sourceLines;
        this.log = log;
    }

    SupportDocument assemble(Node document) {
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading) {
                heading(heading);
            } else if (node instanceof IndentedCodeBlock code) {
                codeBlock(code, code.getLiteral(), lineOf(code));
            } else if (node instanceof FencedCodeBlock code) {
                codeBlock(code, code.getLiteral(), lineOf(code) + 1);
            } else if (node instanceof Paragraph paragraph) {
                node = paragraph(paragraph);
            } else {
                nestedBlock(node);
            }
        }
        return finish();
    }

    private void heading(Heading heading) {
        int line = lineOf(heading);
        HeadingText text = HeadingText.of(heading);
        while (!open.isEmpty() && open.peek().level >= heading.getLevel()) {
            open.pop();
        }
        SectionDraft parent = open.peek();
        if (parent != null && heading.getLevel() > parent.level + 1) {
            log.add(line, "Heading of level " + heading.getLevel() + " directly under one of level " + parent.level);
        } else if (parent == null && heading.getLevel() > 1 && topLevel.isEmpty()) {
            log.add(line, "The first heading is of level " + heading.getLevel() + ", not 1");
        }
        if (line >= 1
                && line <= sourceLines.size()
                && sourceLines.get(line - 1).stripTrailing().endsWith("#")
                && CLOSING_HASHES.matcher(sourceLines.get(line - 1)).matches()) {
            log.add(line, "Closing hashes on the heading, ignored");
        }
        String key = identifier(text);
        List<String> path = new ArrayList<>(parent == null ? List.of() : parent.path);
        path.add(text.title());
        SectionDraft section = new SectionDraft(key, text.title(), heading.getLevel(), path, line);
        (parent == null ? topLevel : parent.children).add(section);
        open.push(section);
    }

    private String identifier(HeadingText text) {
        if (text.explicitId() != null) {
            identifiers.claim(text.explicitId());
            return text.explicitId();
        }
        return identifiers.unique(PandocIdentifier.of(text.identifierSource()));
    }

    private void codeBlock(Node node, String literal, int firstLine) {
        StatusBlock.Reading reading = StatusBlock.read(literal, firstLine);
        log.addAll(reading.warnings());
        SectionDraft section = open.peek();
        switch (reading.kind()) {
            case STATUS, RELEASE -> {
                if (section == null) {
                    log.add(firstLine, "Status block before the first heading belongs to no section; ignored");
                    return;
                }
                section.hadStatus = true;
                Origin origin = reading.kind() == StatusBlock.Kind.RELEASE ? Origin.RELEASE_LINE : Origin.STATUS_LINE;
                if (origin == Origin.RELEASE_LINE) {
                    if (releaseSection == null) {
                        releaseSection = section;
                    } else if (releaseSection != section) {
                        log.add(
                                firstLine,
                                "A second release-support block (the first is under '" + releaseSection.title
                                        + "'); its lines are statuses, the release dates come from the last line of each key");
                    }
                }
                for (StatusBlock.Entry entry : reading.entries()) {
                    add(entry, section, origin);
                }
            }
            case OTHER -> {
                // Something else in a code block (a list of register names, an example): text, quietly,
                // unless it looks like Key: value data that someone meant to be read.
                if (StatusBlock.looksLikeData(literal)) {
                    log.add(
                            firstLine,
                            "Code block of 'Key: value' lines without a Status line (first key '"
                                    + StatusBlock.abbreviated(StatusBlock.firstKey(literal))
                                    + "'); not read as statuses");
                }
                text(node);
            }
            case LABEL_DEFINITIONS -> text(node);
        }
    }

    /** @return the last node this took up (a loose definition list takes two paragraphs) */
    private Node paragraph(Paragraph paragraph) {
        DefinitionList.Definition definition = DefinitionList.at(paragraph, lines, log);
        if (definition == null) {
            checkParagraph(paragraph);
            text(paragraph);
            return paragraph;
        }
        SectionDraft section = open.peek();
        if (section == null) {
            log.add(definition.line(), "Definition list before the first heading belongs to no section; ignored");
            return definition.lastNode();
        }
        section.hadStatus = true;
        add(
                new StatusBlock.Entry(definition.term(), definition.term(), definition.definition(), definition.line()),
                section,
                Origin.DEFINITION);
        return definition.lastNode();
    }

    private void nestedBlock(Node node) {
        if (node instanceof BulletList || node instanceof OrderedList || node instanceof BlockQuote) {
            checkNested(node);
        }
        text(node);
    }

    /** Status lines that pandoc does not see as a top-level code block are not read: say so. */
    private void checkNested(Node parent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            String literal = node instanceof IndentedCodeBlock code
                    ? code.getLiteral()
                    : node instanceof FencedCodeBlock fenced ? fenced.getLiteral() : null;
            if (literal != null) {
                StatusBlock.Kind kind = StatusBlock.kind(literal);
                if (kind == StatusBlock.Kind.STATUS || kind == StatusBlock.Kind.RELEASE) {
                    log.add(
                            lineOf(node),
                            "Status block inside a list or quote; Xen's matrix does not read it, nor does this reader");
                }
            } else if (node instanceof Paragraph paragraph) {
                checkParagraph(paragraph);
            } else if (node instanceof Heading heading) {
                // not a section for Xen's matrix, but pandoc gives it an identifier, which later headings must avoid
                identifier(HeadingText.of(heading));
            } else {
                checkNested(node);
            }
        }
    }

    private void checkParagraph(Paragraph paragraph) {
        List<SourceSpan> spans = paragraph.getSourceSpans();
        if (spans.isEmpty()) {
            return;
        }
        SourceSpan first = spans.get(0);
        int index = first.getLineIndex();
        if (index < 0 || index >= lines.size()) {
            return;
        }
        String line = lines.get(index);
        String content = line.substring(Math.min(first.getColumnIndex(), line.length()));
        // Only a line starting with 'S' (Status, Supported) or '#' can be a misplaced status or heading.
        boolean worthALook = content.startsWith("S") || content.stripLeading().startsWith("#");
        if (worthALook && STATUS_LIKE.matcher(content).find()) {
            log.add(index + 1, "Looks like a status line but is not indented as a code block (4 spaces); read as text");
        } else if (worthALook && HASH_WITHOUT_SPACE.matcher(content).find()) {
            log.add(index + 1, "Looks like a heading but has no space after '#'; read as text");
        }
        // "Some text\n    Status: Supported": without a blank line the indented line continues the paragraph
        for (int i = 1; i < spans.size(); i++) {
            int lineIndex = spans.get(i).getLineIndex();
            String next = lineIndex < lines.size() ? lines.get(lineIndex) : "";
            if ((next.startsWith("    ") || next.startsWith("\t"))
                    && STATUS_LIKE.matcher(next.strip()).find()) {
                log.add(
                        lineIndex + 1,
                        "Status line with no blank line before it continues the paragraph above;"
                                + " read as text, as in Xen's support matrix");
            }
        }
    }

    private void text(Node node) {
        SectionDraft section = open.peek();
        if (section != null) {
            section.addText(PlainText.block(node));
        }
    }

    private void add(StatusBlock.Entry entry, SectionDraft section, Origin origin) {
        String key = StatusKeys.key(section.key, entry.rawQualifier());
        Integer earlier = foundByKey.get(key);
        if (earlier != null) {
            log.add(
                    entry.line(),
                    "Duplicate key '" + key + "' (also on line "
                            + found.get(earlier).entry().line()
                            + "); the later line counts, as in Xen's support matrix");
            found.set(earlier, null);
        }
        foundByKey.put(key, found.size());
        found.add(new Found(entry, section, origin, key));
    }

    private SupportDocument finish() {
        List<FeatureStatus> statuses = new ArrayList<>();
        List<FeatureStatus> releaseLines = new ArrayList<>();
        for (Found f : found) {
            if (f == null) {
                continue;
            }
            boolean release = f.origin() == Origin.RELEASE_LINE
                    || (f.origin() == Origin.DEFINITION && f.section() == releaseSection);
            FeatureStatus status = release ? releaseLine(f) : featureStatus(f);
            statuses.add(status);
            f.section().statuses.add(status);
            if (release) {
                releaseLines.add(status);
            }
        }
        ReleaseSupport release = ReleaseSupportReader.read(releaseLines, log);
        if (releaseSection == null) {
            log.add(1, "No release-support block ('Xen-Version: ...' in a code block); release dates unknown");
        }
        List<Section> sections = new ArrayList<>(topLevel.size());
        for (SectionDraft draft : topLevel) {
            sections.add(draft.build());
        }
        return new SupportDocument(release, sections, statuses, log.sorted());
    }

    /**
     * A release-support line: its value is a version, a date or a link, not a support level, so it is
     * {@code other}/{@code unknown}; and it describes the release as a whole, not a feature on some
     * host, so it has no architectures (an {@code arch=} filter leaves it out).
     */
    private FeatureStatus releaseLine(Found f) {
        StatusBlock.Entry entry = f.entry();
        if (!ReleaseSupportReader.isKnownField(StatusKeys.qualifierPart(entry.rawQualifier()))) {
            log.add(
                    entry.line(),
                    "Unknown release-support key '" + StatusBlock.abbreviated(entry.qualifier())
                            + "'; kept as a status, not a release date");
        }
        return new FeatureStatus(
                f.key(),
                f.section().key,
                entry.qualifier(),
                entry.value(),
                SupportLevel.OTHER,
                SecuritySupport.UNKNOWN,
                null,
                List.of(),
                entry.line());
    }

    private FeatureStatus featureStatus(Found f) {
        StatusBlock.Entry entry = f.entry();
        StatusNormaliser.Normalised meaning = StatusNormaliser.normalise(entry.value());
        if (meaning.typoOf() != null) {
            log.add(
                    entry.line(),
                    "Status '" + StatusBlock.abbreviated(entry.value()) + "' read as '" + meaning.typoOf()
                            + "' (misspelt)");
        }
        return new FeatureStatus(
                f.key(),
                f.section().key,
                entry.qualifier(),
                entry.value(),
                meaning.level(),
                meaning.security(),
                meaning.limit(),
                arches(entry.qualifier(), f.section()),
                entry.line());
    }

    /** {@link ArchitectureTags#of}, worked out once per qualifier and once per section. */
    private List<Arch> arches(String qualifier, SectionDraft section) {
        List<Arch> named =
                qualifier == null ? List.of() : archesNamed.computeIfAbsent(qualifier, ArchitectureTags::named);
        return named.isEmpty() ? section.arches() : named;
    }

    /** 1-based line where a block starts. */
    private static int lineOf(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? 1 : spans.get(0).getLineIndex() + 1;
    }
}
