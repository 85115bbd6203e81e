package org.xenproject.supportstatus.snapshot;

import java.time.LocalDate;
import java.util.List;
import org.xenproject.supportstatus.release.ReleaseVersion;
import org.xenproject.supportstatus.release.RevisionPoint;

/**
 * {@code at=} on lifecycle answers: the releases as their SUPPORT.md stood then, and the day their
 * states are computed for. A date with no {@code on=} is evaluated on that date, so the answer is
 * the one the service would have given that day.
 */
public final class LifecycleAt {

    private LifecycleAt() {}

    /** The day states are computed for. */
    public static LocalDate day(Snapshot snapshot, LocalDate on, RevisionPoint at) {
        if (on != null) {
            return on;
        }
        return at instanceof RevisionPoint.Day day ? day.day() : snapshot.day();
    }

    /** Every release now, or as it stood at {@code at}: a 404 when no stored revision has that commit. */
    public static List<Release> releases(Snapshot snapshot, RevisionPoint at) {
        if (at == null) {
            return snapshot.releases();
        }
        return snapshot.releasesAt(at)
                .orElseThrow(() -> new Snapshot.NoSuchRevision(
                        "No stored revision of SUPPORT.md has commit '" + describe(at) + "'"));
    }

    /** One release now, or as it stood at {@code at}: a 404 when it had no SUPPORT.md yet. */
    public static Release release(Snapshot snapshot, ReleaseVersion version, RevisionPoint at) {
        Release now = snapshot.release(version);
        if (at == null) {
            return now;
        }
        return releases(snapshot, at).stream()
                .filter(r -> r.version().equals(now.version()))
                .findFirst()
                .orElseThrow(() -> new Snapshot.NoSuchRevision(
                        "Release " + now.version() + " had no SUPPORT.md at '" + describe(at) + "'"));
    }

    public static String describe(RevisionPoint at) {
        return at instanceof RevisionPoint.Commit commit
                ? commit.prefix()
                : ((RevisionPoint.Day) at).day().toString();
    }
}
