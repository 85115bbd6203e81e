package org.xenproject.supportstatus.web.parse;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.xenproject.supportstatus.snapshot.Features;
import org.xenproject.supportstatus.supportmd.ParseWarning;
import org.xenproject.supportstatus.supportmd.ReleaseSupport;
import org.xenproject.supportstatus.supportmd.SupportDocument;
import org.xenproject.supportstatus.web.feature.FeatureView;

/** What the service makes of a SUPPORT.md, without storing it. */
@Schema(name = "ParseResult")
public record ParseResult(Release release, List<FeatureView> features, List<ParseWarning> warnings) {

    @Schema(
            name = "ParsedRelease",
            description = "The Release Support block; text dates are null here and kept under raw")
    public record Release(
            String xenVersion,
            LocalDate initialRelease,
            LocalDate supportedUntil,
            LocalDate securitySupportUntil,
            String releaseNotes,

            @Schema(description = "Every value verbatim, keyed by the same field names")
            Map<String, String> raw) {}

    static ParseResult of(SupportDocument document) {
        ReleaseSupport release = document.release();
        List<FeatureView> features = Features.of(document).stream()
                .map(f -> FeatureView.of(f.section()))
                .toList();
        return new ParseResult(
                new Release(
                        release.xenVersion(),
                        release.initialRelease(),
                        release.supportedUntil(),
                        release.securitySupportUntil(),
                        release.releaseNotes(),
                        release.raw()),
                features,
                document.warnings());
    }
}
