package org.xenproject.supportstatus.release;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.xenproject.supportstatus.system.InvalidParameterException;
import org.xenproject.supportstatus.system.NotFoundException;
import org.xenproject.supportstatus.system.QueryParameters;

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

    /**
     * The release a URL names (SPEC 3): a 400 naming {@code parameter} when {@code text} is no
     * version at all, a 404 when it is one that has not been imported.
     */
    public CatalogRelease named(String parameter, String text) {
        ReleaseVersion version = ReleaseVersion.parse(text)
                .orElseThrow(() -> new InvalidParameterException(parameter, "'" + QueryParameters.printable(text)
                        + "' is not a release: use 4.17, 4.17.3, stable-4.17, unstable or master"));
        return release(version)
                .orElseThrow(() -> new NotFoundException("No release " + version + " has been imported"));
    }
}
