package org.xenproject.supportstatus.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.xenproject.supportstatus.supportmd.FeatureStatus;
import org.xenproject.supportstatus.supportmd.Section;

/**
 * What Xen's support-matrix.html shows: a row per section and per qualified status, a column per
 * release, each cell the status text. Heading rows without statuses are kept only above rows that
 * are shown.
 */
@Schema(name = "Matrix")
public record Matrix(
        @Schema(description = "The columns, newest first") List<String> releases, List<Row> rows) {

    @Schema(name = "MatrixRow")
    public record Row(
            @Schema(description = "A section key, or a status key for a qualified status")
            String key,

            @Schema(description = "The heading, or the qualifier")
            String title,

            @Schema(description = "Heading level; a qualified status is one deeper than its section")
            int depth,

            @Schema(description = "Status text by release; releases without it are absent")
            Map<String, String> cells,

            @Schema(description = "Normalised level by release, for colouring")
            Map<String, String> levels,
            // The whole status behind each cell, for the web page; the API shows text and level only.
            @JsonIgnore @Schema(hidden = true) Map<String, FeatureStatus> statuses) {}

    /**
     * A row as one release has it.
     *
     * @param pathTitles the titles of the sections it stands under, from the top
     */
    private record Candidate(
            String key,
            String title,
            int depth,
            List<String> pathKeys,
            List<String> pathTitles,
            FeatureStatus status) {}

    public static Matrix of(List<Release> releases, FeatureFilter filter) {
        MergedOrder order = new MergedOrder();
        Map<String, Candidate> first = new HashMap<>();
        Map<String, Map<String, FeatureStatus>> cells = new HashMap<>();
        for (Release release : releases) {
            List<String> releaseOrder = new ArrayList<>();
            collect(release.document().sections(), List.of(), release.version(), releaseOrder, first, cells);
            order.add(releaseOrder);
        }
        List<String> versions = releases.stream().map(Release::version).toList();
        List<Row> shown = new ArrayList<>();
        Set<String> headingsNeeded = new HashSet<>();
        // Walk from the bottom so a heading knows whether anything under it is shown.
        List<String> keys = order.keys();
        for (int i = keys.size() - 1; i >= 0; i--) {
            Candidate row = first.get(keys.get(i));
            Map<String, String> texts = new LinkedHashMap<>();
            Map<String, String> levels = new LinkedHashMap<>();
            Map<String, FeatureStatus> statuses = new LinkedHashMap<>();
            Map<String, FeatureStatus> byRelease = cells.getOrDefault(row.key(), Map.of());
            for (String version : versions) {
                FeatureStatus status = byRelease.get(version);
                if (status != null && filter.matches(status)) {
                    texts.put(version, status.text());
                    levels.put(version, status.level().id());
                    statuses.put(version, status);
                }
            }
            boolean inSection = filter.section() == null || row.pathKeys().contains(filter.section());
            // A row matches text in its own title or key or in a section it stands under: so a search
            // for "x86/PV" finds the statuses qualified below that heading too.
            boolean matchesText = filter.text() == null
                    || row.key().contains(filter.text())
                    || Stream.concat(Stream.of(row.title()), row.pathTitles().stream())
                            .anyMatch(title -> title.toLowerCase(Locale.ROOT).contains(filter.text()));
            boolean hasCells = !texts.isEmpty() && inSection && matchesText;
            if (hasCells || headingsNeeded.contains(row.key())) {
                shown.add(
                        0,
                        new Row(
                                row.key(),
                                row.title(),
                                row.depth(),
                                hasCells ? texts : Map.of(),
                                hasCells ? levels : Map.of(),
                                hasCells ? statuses : Map.of()));
                headingsNeeded.addAll(row.pathKeys());
            }
        }
        return new Matrix(versions, shown);
    }

    private static void collect(
            List<Section> sections,
            List<String> parentKeys,
            String version,
            List<String> releaseOrder,
            Map<String, Candidate> first,
            Map<String, Map<String, FeatureStatus>> cells) {
        for (Section section : sections) {
            List<String> pathKeys = new ArrayList<>(parentKeys);
            pathKeys.add(section.key());
            FeatureStatus own = section.statuses().stream()
                    .filter(s -> s.qualifier() == null)
                    .findFirst()
                    .orElse(null);
            List<String> titles = section.path();
            add(
                    new Candidate(
                            section.key(),
                            section.title(),
                            section.level(),
                            parentKeys,
                            titles.subList(0, Math.max(0, titles.size() - 1)),
                            own),
                    version,
                    releaseOrder,
                    first,
                    cells);
            for (FeatureStatus status : section.statuses()) {
                if (status.qualifier() != null) {
                    add(
                            new Candidate(
                                    status.key(),
                                    status.qualifier(),
                                    section.level() + 1,
                                    List.copyOf(pathKeys),
                                    titles,
                                    status),
                            version,
                            releaseOrder,
                            first,
                            cells);
                }
            }
            collect(section.children(), pathKeys, version, releaseOrder, first, cells);
        }
    }

    private static void add(
            Candidate candidate,
            String version,
            List<String> releaseOrder,
            Map<String, Candidate> first,
            Map<String, Map<String, FeatureStatus>> cells) {
        if (releaseOrder.contains(candidate.key())) {
            return; // a key a file repeats counts once, as it first stands
        }
        releaseOrder.add(candidate.key());
        first.putIfAbsent(candidate.key(), candidate);
        if (candidate.status() != null) {
            cells.computeIfAbsent(candidate.key(), k -> new HashMap<>()).put(version, candidate.status());
        }
    }

    /** RFC 4180 CSV: key, title, depth, then one column per release. */
    public String toCsv() {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("key", "title", "depth"));
        header.addAll(releases);
        line(csv, header);
        for (Row row : rows) {
            List<String> fields = new ArrayList<>(List.of(row.key(), row.title(), Integer.toString(row.depth())));
            for (String version : releases) {
                fields.add(row.cells().getOrDefault(version, ""));
            }
            line(csv, fields);
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            String field = fields.get(i);
            if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
                csv.append('"').append(field.replace("\"", "\"\"")).append('"');
            } else {
                csv.append(field);
            }
        }
        csv.append("\r\n");
    }
}
