package org.xenproject.supportstatus.release;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the service serves now, as of one data version: the releases, newest first with
 * {@code unstable} first, each with its current SUPPORT.md. Immutable; a new import makes a new one.
 *
 * @param dataVersion bumped by every import that stores something
 * @param changedAt   when that import committed
 */
public record Catalog(long dataVersion, Instant changedAt, List<CatalogRelease> releases) {

    public Catalog {
        releases = List.copyOf(releases);
    }

    public Optional<CatalogRelease> release(ReleaseVersion version) {
        return releases.stream().filter(r -> r.version().equals(version.name())).findFirst();
    }
}
