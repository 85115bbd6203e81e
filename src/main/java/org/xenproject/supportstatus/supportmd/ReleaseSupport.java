package org.xenproject.supportstatus.supportmd;

import java.time.LocalDate;
import java.util.Map;

/**
 * The {@code # Release Support} block: the release's lifecycle.
 * A date field is {@code null} when the file gives text ({@code TBD}, {@code n/a}) or nothing;
 * {@code raw} keeps every value verbatim under the same field names
 * ({@code xenVersion}, {@code initialRelease}, {@code supportedUntil}, {@code securitySupportUntil},
 * {@code releaseNotes}).
 */
public record ReleaseSupport(
        String xenVersion,
        LocalDate initialRelease,
        LocalDate supportedUntil,
        LocalDate securitySupportUntil,
        String releaseNotes,
        Map<String, String> raw) {

    public ReleaseSupport {
        raw = Map.copyOf(raw);
    }
}
