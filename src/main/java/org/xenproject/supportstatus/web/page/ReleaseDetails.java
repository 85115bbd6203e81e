package org.xenproject.supportstatus.web.page;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.xenproject.supportstatus.release.PointRelease;
import org.xenproject.supportstatus.release.UpstreamLinks;
import org.xenproject.supportstatus.snapshot.Changes;
import org.xenproject.supportstatus.snapshot.Features;
import org.xenproject.supportstatus.snapshot.HistoryEntry;
import org.xenproject.supportstatus.snapshot.Release;
import org.xenproject.supportstatus.web.feature.FeatureView;
import org.xenproject.supportstatus.web.lifecycle.LifecycleEvent;
import org.xenproject.supportstatus.web.release.ReleaseView;

/**
 * One release's page: lifecycle, where its SUPPORT.md came from, what the reader warned about, its
 * features, and the history of the file; now, or as the file stood at one of its revisions.
 *
 * @param releaseNotes the release notes' address when it is a web address, else null (never a
 *                     {@code javascript:} link from a file)
 * @param revision     the commit of the past revision shown, or null for the file served now
 * @param fixes        the security fixes on its branch, newest first
 */
record ReleaseDetails(
        LocalDate day,
        ReleaseColumn column,
        String releaseNotes,
        String committedAt,
        String importedAt,
        List<Feature> features,
        List<Revision> history,
        List<PointReleaseLine> pointReleases,
        List<LifecycleEvent> events,
        String revision,
        List<FixLines.FixLine> fixes) {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** A point release, newest first, with the day it was tagged (UTC) where the source tells. */
    record PointReleaseLine(String version, String date) {
        static PointReleaseLine of(PointRelease p) {
            return new PointReleaseLine(
                    p.version(),
                    p.taggedAt() == null
                            ? null
                            : p.taggedAt()
                                    .atOffset(ZoneOffset.UTC)
                                    .toLocalDate()
                                    .toString());
        }
    }

    /** A feature with its links, Xen's rendering and the API's, and a note per status. */
    record Feature(FeatureView view, List<String> securityNotes, String upstream, String api) {}

    /**
     * A revision of the file.
     *
     * @param shortCommit the commit id as people quote it, or null
     * @param summary     what changed, in a few words
     */
    record Revision(
            String commit,
            String shortCommit,
            String committedAt,
            String author,
            String subject,
            String summary,
            Changes changes) {}

    static ReleaseDetails of(
            Release release,
            List<HistoryEntry> history,
            LocalDate day,
            List<LifecycleEvent> events,
            boolean past,
            List<FixLines.FixLine> fixes) {
        ReleaseView view = ReleaseView.of(release, day);
        List<Feature> features = Features.of(release.document()).stream()
                .map(feature -> new Feature(
                        FeatureView.of(feature.section()),
                        FeatureView.of(feature.section()).statuses().stream()
                                .map(s -> SecurityNote.of(s.security()))
                                .toList(),
                        UpstreamLinks.supportHtml(release.version(), feature.key()),
                        "/api/v1/releases/" + release.version() + "/features/" + feature.key()))
                .toList();
        List<Revision> revisions = history.stream()
                .map(entry -> new Revision(
                        entry.commit(),
                        entry.commit() == null
                                ? null
                                : entry.commit()
                                        .substring(
                                                0, Math.min(12, entry.commit().length())),
                        time(entry.committedAt() != null ? entry.committedAt() : entry.importedAt()),
                        entry.author(),
                        entry.subject(),
                        summary(entry.changes()),
                        entry.changes()))
                .toList();
        return new ReleaseDetails(
                day,
                ReleaseColumn.of(view),
                webAddress(view.releaseNotes()),
                time(view.source().committedAt()),
                time(view.source().importedAt()),
                features,
                revisions,
                release.pointReleases().stream().map(PointReleaseLine::of).toList(),
                events,
                past ? release.source().commit() : null,
                fixes);
    }

    static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }

    private static String webAddress(String address) {
        return address != null && (address.startsWith("https://") || address.startsWith("http://")) ? address : null;
    }

    private static String summary(Changes changes) {
        if (changes.isEmpty()) {
            return "no status or date changed";
        }
        StringBuilder text = new StringBuilder();
        append(text, changes.lifecycle().size(), "release value changed", "release values changed");
        append(text, changes.changed().size(), "status changed", "statuses changed");
        append(text, changes.added().size(), "status added", "statuses added");
        append(text, changes.removed().size(), "status removed", "statuses removed");
        return text.toString();
    }

    private static void append(StringBuilder text, int count, String one, String many) {
        if (count == 0) {
            return;
        }
        if (!text.isEmpty()) {
            text.append(", ");
        }
        text.append(count).append(' ').append(count == 1 ? one : many);
    }
}
