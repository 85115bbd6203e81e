package org.xenproject.supportstatus.web.release;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.xenproject.supportstatus.release.PointRelease;

/** The point release a URL named ({@code /releases/4.17.3}): where it stands among its release's. */
@Schema(name = "NamedPointRelease")
public record NamedPointRelease(
        @Schema(example = "4.17.3") String version,
        LocalDate date,

        @Schema(description = "Whether it is the release's newest point release")
        boolean isLatest,

        @Schema(description = "The point releases after it, oldest first", example = "[\"4.17.4\"]")
        List<String> newer) {

    /** {@code pointReleases} newest first, as a release holds them. */
    static NamedPointRelease of(PointRelease named, List<PointRelease> pointReleases) {
        List<String> newer = new ArrayList<>(pointReleases.stream()
                .filter(p -> p.patch() > named.patch())
                .map(PointRelease::version)
                .toList());
        Collections.reverse(newer);
        return new NamedPointRelease(named.version(), PointReleaseView.day(named), newer.isEmpty(), newer);
    }
}
