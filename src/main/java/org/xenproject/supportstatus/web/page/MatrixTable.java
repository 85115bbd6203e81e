package org.xenproject.supportstatus.web.page;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.xenproject.supportstatus.release.UpstreamLinks;
import org.xenproject.supportstatus.snapshot.Features;
import org.xenproject.supportstatus.snapshot.Matrix;
import org.xenproject.supportstatus.snapshot.Release;
import org.xenproject.supportstatus.snapshot.Snapshot;
import org.xenproject.supportstatus.supportmd.Arch;
import org.xenproject.supportstatus.supportmd.FeatureStatus;
import org.xenproject.supportstatus.web.release.ReleaseView;

/**
 * The matrix page's table: every row of the {@link Matrix} with every cell, and, for the filter in
 * the URL, which rows and cells the filtered {@link Matrix} keeps. The page's script applies the
 * same rule to the same data attributes when the filter changes, without asking the server.
 *
 * @param rowsWithStatuses rows that have a status in some release (heading rows not counted)
 * @param rowsShown        of those, the rows the filter keeps
 */
record MatrixTable(LocalDate day, List<ReleaseColumn> columns, List<Line> lines, int rowsWithStatuses, int rowsShown) {

    /**
     * A row: a section, or a status qualified below its section.
     *
     * @param heading   no release has a status of its own here
     * @param shown     the filter keeps it
     * @param upstream  a feature's anchor in Xen's SUPPORT.html of the newest release that has it; else null
     * @param api       the feature's JSON across releases; null when the row is not a feature
     */
    record Line(
            String key,
            String title,
            int depth,
            boolean heading,
            boolean shown,
            String upstream,
            String api,
            List<Cell> cells) {}

    /**
     * A release's status on a row; {@code text == null} when that release has none.
     *
     * @param securityNote {@link SecurityNote}'s words for its security support, or null
     * @param arches       the architectures it applies to, space-separated, as the script reads them
     * @param matches      the filter keeps this cell
     */
    record Cell(String text, String level, String securityNote, String arches, boolean matches) {

        static final Cell NONE = new Cell(null, null, null, null, false);
    }

    static MatrixTable of(Snapshot snapshot, PageFilter filter, LocalDate day) {
        List<Release> releases = snapshot.releases();
        Matrix all = Matrix.of(releases, PageFilter.EVERY_FEATURE);
        Map<String, Matrix.Row> kept = (filter.isEmpty() ? all : Matrix.of(releases, filter.selection()))
                .rows().stream().collect(Collectors.toMap(Matrix.Row::key, row -> row));
        Map<String, String> newestWithFeature = newestWithFeature(releases);
        List<Line> lines = new ArrayList<>(all.rows().size());
        int withStatuses = 0;
        int shown = 0;
        for (Matrix.Row row : all.rows()) {
            Matrix.Row keptRow = kept.get(row.key());
            List<Cell> cells = new ArrayList<>(all.releases().size());
            for (String version : all.releases()) {
                FeatureStatus status = row.statuses().get(version);
                cells.add(
                        status == null
                                ? Cell.NONE
                                : new Cell(
                                        status.text(),
                                        status.level().id(),
                                        SecurityNote.of(status.security().id()),
                                        status.arches().stream().map(Arch::id).collect(Collectors.joining(" ")),
                                        keptRow != null && keptRow.cells().containsKey(version)));
            }
            String featureRelease = newestWithFeature.get(row.key());
            boolean heading = row.statuses().isEmpty();
            lines.add(new Line(
                    row.key(),
                    row.title(),
                    row.depth(),
                    heading,
                    keptRow != null,
                    featureRelease == null ? null : UpstreamLinks.supportHtml(featureRelease, row.key()),
                    featureRelease == null ? null : "/api/v1/features/" + row.key(),
                    cells));
            if (!heading) {
                withStatuses++;
                if (keptRow != null && !keptRow.cells().isEmpty()) {
                    shown++;
                }
            }
        }
        List<ReleaseColumn> columns = releases.stream()
                .map(release -> ReleaseColumn.of(ReleaseView.of(release, day)))
                .toList();
        return new MatrixTable(day, columns, lines, withStatuses, shown);
    }

    /** Feature keys and the newest release that has each: releases come newest first. */
    private static Map<String, String> newestWithFeature(List<Release> releases) {
        Map<String, String> newest = new HashMap<>();
        for (Release release : releases) {
            for (Features.Feature feature : Features.of(release.document())) {
                newest.putIfAbsent(feature.key(), release.version());
            }
        }
        return newest;
    }
}
