package org.xenproject.supportstatus.web.feature;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.xenproject.supportstatus.supportmd.Section;

/** A feature: a section of SUPPORT.md that has statuses of its own. */
@Schema(name = "Feature", description = "A feature: a SUPPORT.md section with its status lines")
public record FeatureView(
        @Schema(description = "pandoc's identifier of the heading; the anchor in SUPPORT.html", example = "x86pv")
        String key,

        @Schema(description = "The heading text", example = "x86/PV")
        String title,

        @Schema(description = "Section titles from the top, this one last")
        List<String> path,

        @Schema(description = "Paragraphs before the status block")
        List<String> description,

        @Schema(description = "Paragraphs after the status block")
        List<String> caveats,

        List<StatusView> statuses) {

    public static FeatureView of(Section section) {
        return new FeatureView(
                section.key(),
                section.title(),
                section.path(),
                section.description(),
                section.caveats(),
                section.statuses().stream().map(StatusView::of).toList());
    }
}
