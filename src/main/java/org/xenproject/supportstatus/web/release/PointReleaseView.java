package org.xenproject.supportstatus.web.release;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.xenproject.supportstatus.release.PointRelease;

/** A point release: a {@code RELEASE-X.Y.Z} tag, dated by the tag (or its commit when not annotated). */
@Schema(name = "PointRelease")
public record PointReleaseView(
        @Schema(example = "4.17.7") String version,

        @Schema(description = "The tag's day, UTC; null when the source does not tell")
        LocalDate date,

        @Schema(example = "RELEASE-4.17.7") String tag,
        String commit) {

    public static PointReleaseView of(PointRelease p) {
        return new PointReleaseView(p.version(), day(p), p.tag(), p.commitId());
    }

    static LocalDate day(PointRelease p) {
        return p.taggedAt() == null
                ? null
                : p.taggedAt().atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
