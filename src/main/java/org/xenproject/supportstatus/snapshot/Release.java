package org.xenproject.supportstatus.snapshot;

import java.util.List;
import java.util.Optional;
import org.xenproject.supportstatus.release.Lifecycle;
import org.xenproject.supportstatus.release.PointRelease;
import org.xenproject.supportstatus.release.ReleaseVersion;
import org.xenproject.supportstatus.store.Provenance;
import org.xenproject.supportstatus.supportmd.SupportDocument;

/**
 * A release with the SUPPORT.md it serves now.
 *
 * @param version       {@code X.Y} or {@code unstable}
 * @param branch        {@code stable-X.Y} or {@code master}
 * @param revisionId    the stored revision served
 * @param supportFileId the stored file of that revision
 * @param pointReleases its {@code RELEASE-X.Y.Z} tags, newest first
 * @param historyComplete whether every revision of its branch's SUPPORT.md is stored, rather than
 *                      only the current file (a first import still under way, or history off)
 */
public record Release(
        String version,
        String branch,
        long revisionId,
        long supportFileId,
        Provenance source,
        SupportDocument document,
        List<PointRelease> pointReleases,
        boolean historyComplete) {

    public Release {
        pointReleases = List.copyOf(pointReleases);
    }

    public ReleaseVersion releaseVersion() {
        return new ReleaseVersion(version);
    }

    public Lifecycle lifecycle() {
        var release = document.release();
        return new Lifecycle(release.initialRelease(), release.supportedUntil(), release.securitySupportUntil());
    }

    /** The newest point release, if it has any. */
    public Optional<PointRelease> latest() {
        return pointReleases.stream().findFirst();
    }
}
