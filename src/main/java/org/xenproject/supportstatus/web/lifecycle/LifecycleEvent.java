package org.xenproject.supportstatus.web.lifecycle;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.xenproject.supportstatus.release.PointRelease;
import org.xenproject.supportstatus.snapshot.Changes;
import org.xenproject.supportstatus.snapshot.HistoryEntry;
import org.xenproject.supportstatus.snapshot.Release;
import org.xenproject.supportstatus.snapshot.Snapshot;
import org.xenproject.supportstatus.supportmd.ReleaseSupport;

/** Something that happened to a release, up to a day: not only what changed in its file. */
@Schema(name = "LifecycleEvent")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LifecycleEvent(
        @Schema(description = "Stable identifier") String id,

        @Schema(
                allowableValues = {
                    "released",
                    "point-released",
                    "general-support-ended",
                    "security-support-ended",
                    "security-support-ending",
                    "lifecycle-changed"
                })
        String type,

        @Schema(example = "4.17") String release,
        LocalDate date,

        @Schema(description = "point-released: the point release", example = "4.17.3")
        String version,

        @Schema(description = "lifecycle-changed: the field moved")
        String field,

        String from,
        String to,

        @Schema(description = "security-support-ending: days until security support ends")
        Integer daysLeft,

        String commit,
        @Schema(description = "The release's page") String link) {

    enum Type {
        RELEASED,
        POINT_RELEASED,
        GENERAL_SUPPORT_ENDED,
        SECURITY_SUPPORT_ENDED,
        SECURITY_SUPPORT_ENDING,
        LIFECYCLE_CHANGED;

        String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Days before the end of security support that are an event of their own. */
    static final List<Integer> WARNING_DAYS = List.of(90, 30, 7);

    private static final List<String> DATE_FIELDS = List.of("initialRelease", "supportedUntil", "securitySupportUntil");

    /** Every event of {@code releases} on or before {@code today}, newest first. */
    public static List<LifecycleEvent> upTo(Snapshot snapshot, List<Release> releases, LocalDate today, String base) {
        List<LifecycleEvent> events = new ArrayList<>();
        for (Release release : Milestone.released(releases)) {
            String v = release.version();
            String link = base + "/releases/" + v;
            ReleaseSupport support = release.document().release();
            if (support.initialRelease() != null) {
                events.add(new LifecycleEvent(
                        v + ":released",
                        Type.RELEASED.id(),
                        v,
                        support.initialRelease(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        link));
            }
            for (PointRelease p : release.pointReleases()) {
                if (p.taggedAt() != null) {
                    events.add(new LifecycleEvent(
                            v + ":point-released:" + p.version(),
                            Type.POINT_RELEASED.id(),
                            v,
                            p.taggedAt().atOffset(ZoneOffset.UTC).toLocalDate(),
                            p.version(),
                            null,
                            null,
                            null,
                            null,
                            p.commitId(),
                            link));
                }
            }
            if (support.supportedUntil() != null) {
                events.add(new LifecycleEvent(
                        v + ":general-support-ended",
                        Type.GENERAL_SUPPORT_ENDED.id(),
                        v,
                        support.supportedUntil().plusDays(1),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        link));
            }
            LocalDate securityEnd = support.securitySupportUntil();
            if (securityEnd != null) {
                LocalDate ended = securityEnd.plusDays(1);
                events.add(new LifecycleEvent(
                        v + ":security-support-ended",
                        Type.SECURITY_SUPPORT_ENDED.id(),
                        v,
                        ended,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        link));
                for (int days : WARNING_DAYS) {
                    events.add(new LifecycleEvent(
                            v + ":security-support-ending:" + securityEnd + ":" + days,
                            Type.SECURITY_SUPPORT_ENDING.id(),
                            v,
                            ended.minusDays(days),
                            null,
                            null,
                            null,
                            null,
                            days,
                            null,
                            link));
                }
            }
            for (HistoryEntry entry : snapshot.history(release)) {
                for (Changes.LifecycleChange change : entry.changes().lifecycle()) {
                    if (DATE_FIELDS.contains(change.field()) && Milestone.isDate(change.from())) {
                        var at = entry.committedAt() != null ? entry.committedAt() : entry.importedAt();
                        events.add(new LifecycleEvent(
                                v + ":lifecycle-changed:" + entry.commit() + ":" + change.field(),
                                Type.LIFECYCLE_CHANGED.id(),
                                v,
                                at.atOffset(ZoneOffset.UTC).toLocalDate(),
                                null,
                                change.field(),
                                change.from(),
                                change.to(),
                                null,
                                entry.commit(),
                                link));
                    }
                }
            }
        }
        return events.stream()
                .filter(e -> !e.date().isAfter(today))
                .sorted(Comparator.comparing(LifecycleEvent::date)
                        .reversed()
                        .thenComparing(LifecycleEvent::release, Comparator.reverseOrder())
                        .thenComparing(LifecycleEvent::id))
                .toList();
    }

    String title() {
        return switch (type) {
            case "released" -> "Xen " + release + " released";
            case "point-released" -> "Xen " + version + " released";
            case "general-support-ended" -> "Xen " + release + ": general support ended";
            case "security-support-ended" -> "Xen " + release + ": security support ended";
            case "security-support-ending" -> "Xen " + release + ": security support ends in " + daysLeft + " days";
            default -> "Xen " + release + ": " + field + " moved from " + from + " to " + to;
        };
    }
}
