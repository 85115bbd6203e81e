package org.xenproject.supportstatus.web.release;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xenproject.supportstatus.release.LifecycleState;
import org.xenproject.supportstatus.release.UpstreamLinks;
import org.xenproject.supportstatus.snapshot.Release;
import org.xenproject.supportstatus.store.Provenance;
import org.xenproject.supportstatus.supportmd.ParseWarning;
import org.xenproject.supportstatus.supportmd.ReleaseSupport;

/** A release, its lifecycle on a day, and where its data came from. */
@Schema(name = "Release")
public record ReleaseView(
        @Schema(example = "4.17") String version,
        @Schema(example = "stable-4.17") String branch,

        @Schema(description = "Xen-Version as the file says it", example = "4.17")
        String xenVersion,

        LocalDate initialRelease,
        LocalDate supportedUntil,
        LocalDate securitySupportUntil,

        @Schema(allowableValues = {"unreleased", "supported", "security-only", "unsupported"})
        String state,

        boolean securitySupported,
        @Schema(description = "Link to the release notes") String releaseNotes,

        @Schema(description = "Every Release Support value verbatim; dates that are text (TBD) are null above")
        Map<String, String> raw,

        Source source,
        List<ParseWarning> warnings,
        Links links,

        @Schema(description = "The newest point release (RELEASE-X.Y.Z tag); null without tags")
        @JsonInclude(JsonInclude.Include.ALWAYS)
        PointReleaseView latest,

        @Schema(
                description = "Only when the URL named a point release (4.17.3): that point release; "
                        + "null when no such tag exists",
                nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Optional<NamedPointRelease> pointRelease) {

    /** The same release as reached through a point release's name. */
    public ReleaseView named(Optional<NamedPointRelease> point) {
        return new ReleaseView(
                version,
                branch,
                xenVersion,
                initialRelease,
                supportedUntil,
                securitySupportUntil,
                state,
                securitySupported,
                releaseNotes,
                raw,
                source,
                warnings,
                links,
                latest,
                point);
    }

    @Schema(name = "ReleaseSource", description = "Provenance of the served SUPPORT.md")
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record Source(
            @Schema(description = "The last commit on the branch that changed SUPPORT.md; null for the http source")
            @JsonInclude(JsonInclude.Include.ALWAYS)
            String commit,

            @JsonInclude(JsonInclude.Include.ALWAYS) Instant committedAt,
            String sha256,
            Instant importedAt,

            @Schema(description = "http source only: the branch's commit when the file was fetched")
            String branchTip) {}

    @Schema(name = "ReleaseLinks")
    public record Links(
            String self,
            String features,
            String history,
            String supportMd,

            @Schema(description = "Xen's own rendering of this SUPPORT.md")
            String upstream) {}

    public static ReleaseView of(Release release, LocalDate on) {
        ReleaseSupport support = release.document().release();
        LifecycleState state = release.lifecycle().stateOn(on);
        Provenance p = release.source();
        String self = "/api/v1/releases/" + release.version();
        return new ReleaseView(
                release.version(),
                release.branch(),
                support.xenVersion(),
                support.initialRelease(),
                support.supportedUntil(),
                support.securitySupportUntil(),
                state.id(),
                state.securitySupported(),
                support.releaseNotes(),
                support.raw(),
                new Source(p.commit(), p.committedAt(), p.sha256(), p.importedAt(), p.branchTip()),
                release.document().warnings(),
                new Links(
                        self,
                        self + "/features",
                        self + "/history",
                        self + "/support.md",
                        UpstreamLinks.supportHtml(release.version())),
                release.latest().map(PointReleaseView::of).orElse(null),
                null);
    }
}
