package org.xenproject.supportstatus.supportmd;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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

    /** The order the file gives the values in, which is also the order clients see them in. */
    public static final List<String> FIELDS =
            List.of("xenVersion", "initialRelease", "supportedUntil", "securitySupportUntil", "releaseNotes");

    public ReleaseSupport {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String field : FIELDS) {
            if (raw.containsKey(field)) {
                ordered.put(field, raw.get(field));
            }
        }
        raw.forEach(ordered::putIfAbsent);
        raw = Collections.unmodifiableMap(ordered);
    }
}
