package org.xenproject.supportstatus.web.feature;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.xenproject.supportstatus.supportmd.Arch;
import org.xenproject.supportstatus.supportmd.FeatureStatus;

/** One status line as clients see it. */
@Schema(name = "Status", description = "One status line of SUPPORT.md, verbatim and normalised")
public record StatusView(
        @Schema(description = "Identity across releases: section key, plus --qualifier", example = "x86pv--x8632-shim")
        String key,

        @Schema(description = "The part after the comma in 'Status, <qualifier>:', or null", example = "x86_32, shim")
        String qualifier,

        @Schema(description = "The status text verbatim", example = "Supported")
        String text,

        @Schema(
                description = "Normalised level",
                allowableValues = {
                    "supported",
                    "deprecated",
                    "tech-preview",
                    "experimental",
                    "not-supported",
                    "not-functional",
                    "not-implemented",
                    "other"
                })
        String level,

        @Schema(
                description = "Normalised security support",
                allowableValues = {"yes", "conditional", "no", "external", "unknown"})
        String security,

        @Schema(description = "For 'Supported up to <limit>': the limit", example = "4096")
        String limit,

        @ArraySchema(
                arraySchema = @Schema(description = "Architectures it applies to"),
                schema =
                        @Schema(
                                type = "string",
                                allowableValues = {"x86", "arm32", "arm64"}))
        List<String> arches) {

    public static StatusView of(FeatureStatus status) {
        return new StatusView(
                status.key(),
                status.qualifier(),
                status.text(),
                status.level().id(),
                status.security().id(),
                status.limit(),
                status.arches().stream().map(Arch::id).toList());
    }
}
