package org.xenproject.supportstatus.release;

import org.xenproject.supportstatus.supportmd.SupportDocument;

/**
 * A release with the SUPPORT.md it serves now.
 *
 * @param version       {@code X.Y} or {@code unstable}
 * @param branch        {@code stable-X.Y} or {@code master}
 * @param revisionId    the stored revision served
 * @param supportFileId the stored file of that revision
 */
public record CatalogRelease(
        String version,
        String branch,
        long revisionId,
        long supportFileId,
        Provenance source,
        SupportDocument document) {

    public Lifecycle lifecycle() {
        var release = document.release();
        return new Lifecycle(release.initialRelease(), release.supportedUntil(), release.securitySupportUntil());
    }
}
