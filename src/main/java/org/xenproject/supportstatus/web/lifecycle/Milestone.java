package org.xenproject.supportstatus.web.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.xenproject.supportstatus.snapshot.Changes;
import org.xenproject.supportstatus.snapshot.HistoryEntry;
import org.xenproject.supportstatus.snapshot.Release;
import org.xenproject.supportstatus.snapshot.Snapshot;
import org.xenproject.supportstatus.supportmd.ReleaseSupport;

/**
 * One dated step of a release's life as its SUPPORT.md gives it now: its initial release, the last
 * day of general support, the last day of security support. {@code moves} counts the revisions that
 * moved an already known date, and {@code changedAt} is when the date was last set or moved, so a
 * subscribed calendar can tell a moved event from a new one.
 */
record Milestone(Release release, Kind kind, LocalDate date, int moves, Instant changedAt) {

    enum Kind {
        RELEASED("released", "initialRelease", "released"),
        GENERAL_SUPPORT_ENDS("general-support-ends", "supportedUntil", "general support ends"),
        SECURITY_SUPPORT_ENDS("security-support-ends", "securitySupportUntil", "security support ends");

        final String id;
        final String field;
        final String words;

        Kind(String id, String field, String words) {
            this.id = id;
            this.field = field;
            this.words = words;
        }

        LocalDate of(ReleaseSupport support) {
            return switch (this) {
                case RELEASED -> support.initialRelease();
                case GENERAL_SUPPORT_ENDS -> support.supportedUntil();
                case SECURITY_SUPPORT_ENDS -> support.securitySupportUntil();
            };
        }
    }

    /** {@code Xen 4.17: security support ends} */
    String title() {
        return "Xen " + release.version() + ": " + kind.words;
    }

    /** The lifecycle releases: everything but unstable, which has none. */
    static List<Release> released(List<Release> releases) {
        return releases.stream().filter(r -> !r.releaseVersion().isUnstable()).toList();
    }

    /** The dated milestones of a release, in the order of its life. */
    static List<Milestone> of(Snapshot snapshot, Release release) {
        List<HistoryEntry> history = snapshot.history(release);
        List<Milestone> milestones = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            LocalDate date = kind.of(release.document().release());
            if (date == null) {
                continue;
            }
            int moves = 0;
            Instant changedAt = null;
            for (HistoryEntry entry : history) {
                for (Changes.LifecycleChange change : entry.changes().lifecycle()) {
                    if (change.field().equals(kind.field)) {
                        if (changedAt == null) {
                            changedAt = entry.committedAt() != null ? entry.committedAt() : entry.importedAt();
                        }
                        if (isDate(change.from())) {
                            moves++;
                        }
                    }
                }
            }
            milestones.add(new Milestone(
                    release,
                    kind,
                    date,
                    moves,
                    changedAt != null ? changedAt : release.source().committedAt()));
        }
        return milestones;
    }

    static boolean isDate(String text) {
        if (text == null) {
            return false;
        }
        try {
            LocalDate.parse(text.strip());
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
