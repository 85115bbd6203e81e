package org.xenproject.supportstatus.snapshot;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What differs between two SUPPORT.md files: statuses by key, and the release's lifecycle values.
 */
@Schema(name = "Changes")
public record Changes(
        @Schema(description = "Statuses only in the newer file")
        List<StatusEntry> added,

        @Schema(description = "Statuses only in the older file")
        List<StatusEntry> removed,

        @Schema(description = "Statuses in both whose text differs")
        List<StatusChange> changed,

        @Schema(description = "Release Support values that differ")
        List<LifecycleChange> lifecycle) {

    public Changes {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
        lifecycle = List.copyOf(lifecycle);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty() && lifecycle.isEmpty();
    }

    /** A status with the feature it belongs to. */
    @Schema(name = "StatusEntry")
    public record StatusEntry(
            String key,
            String feature,
            String featureTitle,
            String qualifier,
            String text,
            String level,
            String security,
            List<String> arches) {}

    @Schema(name = "StatusChange")
    public record StatusChange(
            String key,
            String feature,
            String featureTitle,
            @Schema(description = "The older text") String from,
            @Schema(description = "The newer text") String to,
            String fromLevel,
            String toLevel) {}

    /** E.g. {@code securitySupportUntil} moved from {@code 2026-12-12} to {@code 2027-12-12}. */
    @Schema(name = "LifecycleChange")
    public record LifecycleChange(
            @Schema(
                    allowableValues = {
                        "xenVersion",
                        "initialRelease",
                        "supportedUntil",
                        "securitySupportUntil",
                        "releaseNotes"
                    })
            String field,

            String from,
            String to) {}
}
