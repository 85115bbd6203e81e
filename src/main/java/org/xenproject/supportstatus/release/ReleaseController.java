package org.xenproject.supportstatus.release;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xenproject.supportstatus.feature.FeatureFilter;
import org.xenproject.supportstatus.feature.FeatureView;
import org.xenproject.supportstatus.feature.Features;
import org.xenproject.supportstatus.supportmd.SupportDocument;
import org.xenproject.supportstatus.system.NotFoundException;
import org.xenproject.supportstatus.system.QueryParameters;

/** Releases, their lifecycle and features, and the history of their SUPPORT.md (SPEC 5). */
@RestController
@Tag(name = "Releases")
class ReleaseController {

    private final CurrentCatalog catalog;
    private final Revisions revisions;
    private final ReleaseHistory history;
    private final StoredSupportFiles files;
    private final Clock clock;

    ReleaseController(CurrentCatalog catalog, Revisions revisions, ReleaseHistory history, StoredSupportFiles files,
            Clock clock) {
        this.catalog = catalog;
        this.revisions = revisions;
        this.history = history;
        this.files = files;
        this.clock = clock;
    }

    @Schema(name = "ReleaseList")
    record ReleaseList(@Schema(description = "The day states are computed for") LocalDate asOf,
            List<ReleaseView> releases) {
    }

    @Operation(summary = "Every release, newest first (unstable first), with its lifecycle state on a day")
    @GetMapping(path = "/api/v1/releases", produces = MediaType.APPLICATION_JSON_VALUE)
    ReleaseList releases(
            @Parameter(description = "The day (YYYY-MM-DD) to compute states for; default today, UTC")
            @RequestParam(required = false) String on,
            @Parameter(description = "Only releases in this state (comma-separated for several)",
                    schema = @Schema(allowableValues = {"unreleased", "supported", "security-only", "unsupported"}))
            @RequestParam(required = false) String state,
            @Parameter(description = "Only releases that are (true) or are not (false) security supported on the day")
            @RequestParam(required = false) String securitySupported) {
        LocalDate day = day(on);
        Set<LifecycleState> states = QueryParameters.oneOf("state", state, LifecycleState::fromId,
                Arrays.stream(LifecycleState.values()).map(LifecycleState::id).toList());
        Boolean secure = QueryParameters.bool("securitySupported", securitySupported);
        List<ReleaseView> views = catalog.get().releases().stream()
                .map(release -> ReleaseView.of(release, day))
                .filter(view -> states.isEmpty() || states.contains(LifecycleState.fromId(view.state())))
                .filter(view -> secure == null || view.securitySupported() == secure)
                .toList();
        return new ReleaseList(day, views);
    }

    @Operation(summary = "One release: lifecycle, state on a day, provenance and parse warnings")
    @GetMapping(path = "/api/v1/releases/{version}", produces = MediaType.APPLICATION_JSON_VALUE)
    ReleaseView release(
            @Parameter(description = "4.17, 4.17.3 (a point release: its branch), stable-4.17, unstable or master")
            @PathVariable String version,
            @Parameter(description = "The day (YYYY-MM-DD) to compute the state for; default today, UTC")
            @RequestParam(required = false) String on) {
        LocalDate day = day(on);
        return ReleaseView.of(current(version), day);
    }

    @Schema(name = "ReleaseFeatures")
    record ReleaseFeatures(@Schema(example = "4.19") String release,
            @Schema(description = "The revision read, when at= was given") RevisionView revision,
            List<FeatureView> features) {
    }

    @Operation(summary = "A release's features in document order, optionally filtered or as of a past revision")
    @GetMapping(path = "/api/v1/releases/{version}/features", produces = MediaType.APPLICATION_JSON_VALUE)
    ReleaseFeatures features(
            @Parameter(description = "4.17, 4.17.3, stable-4.17, unstable or master") @PathVariable String version,
            @Parameter(description = "Statuses that apply to this architecture (comma-separated for several)",
                    schema = @Schema(allowableValues = {"x86", "arm", "arm32", "arm64"}))
            @RequestParam(required = false) String arch,
            @Parameter(description = "Statuses of this level (comma-separated for several)",
                    schema = @Schema(allowableValues = {"supported", "deprecated", "tech-preview", "experimental",
                            "not-supported", "not-functional", "not-implemented", "other"}))
            @RequestParam(required = false) String level,
            @Parameter(description = "Statuses with this security support (comma-separated for several)",
                    schema = @Schema(allowableValues = {"yes", "conditional", "no", "external", "unknown"}))
            @RequestParam(required = false) String security,
            @Parameter(description = "Features in this section (a section key such as 'guest-type')")
            @RequestParam(required = false) String section,
            @Parameter(description = "Text in a feature's title, key or description, case-insensitive")
            @RequestParam(required = false) String q,
            @Parameter(description = "A past revision: commit id (or prefix) or YYYY-MM-DD")
            @RequestParam(required = false) String at) {
        FeatureFilter filter = FeatureFilter.of(arch, level, security, section, q);
        Served served = served(version, at);
        List<FeatureView> features = Features.of(served.document()).stream()
                .map(filter::apply)
                .flatMap(java.util.Optional::stream)
                .map(Features.Feature::view)
                .toList();
        return new ReleaseFeatures(served.release(), served.revision(), features);
    }

    @Operation(summary = "One feature of a release")
    @GetMapping(path = "/api/v1/releases/{version}/features/{key}", produces = MediaType.APPLICATION_JSON_VALUE)
    FeatureView feature(
            @Parameter(description = "4.17, 4.17.3, stable-4.17, unstable or master") @PathVariable String version,
            @Parameter(description = "The feature's key, e.g. x86pv") @PathVariable String key,
            @Parameter(description = "A past revision: commit id (or prefix) or YYYY-MM-DD")
            @RequestParam(required = false) String at) {
        String featureKey = QueryParameters.key("key", key);
        Served served = served(version, at);
        return Features.of(served.document()).stream()
                .filter(f -> f.key().equals(featureKey))
                .findFirst()
                .map(Features.Feature::view)
                .orElseThrow(() -> new NotFoundException(
                        "Release " + served.release() + " has no feature '" + featureKey + "'"));
    }

    @Schema(name = "RevisionView", description = "One revision of a branch's SUPPORT.md")
    record RevisionView(String commit, Instant committedAt, String author, Instant authoredAt, String subject,
            String sha256, Instant importedAt, String branchTip) {
        static RevisionView of(StoredRevision r) {
            return new RevisionView(r.commit(), r.committedAt(), r.author(), r.authoredAt(), r.subject(), r.sha256(),
                    r.importedAt(), r.branchTip());
        }
    }

    @Schema(name = "History")
    record History(String release, String branch, List<HistoryEntry> revisions) {
    }

    @Operation(summary = "Every stored revision of a release's SUPPORT.md, newest first, with what each changed")
    @GetMapping(path = "/api/v1/releases/{version}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    History history(@Parameter(description = "4.17, 4.17.3, stable-4.17, unstable or master")
            @PathVariable String version) {
        CatalogRelease release = current(version);
        return new History(release.version(), release.branch(), history.of(release));
    }

    @Operation(summary = "The stored SUPPORT.md of a release, as served now or at a past revision")
    @GetMapping(path = "/api/v1/releases/{version}/support.md", produces = "text/markdown;charset=UTF-8")
    ResponseEntity<String> supportMd(
            @Parameter(description = "4.17, 4.17.3, stable-4.17, unstable or master") @PathVariable String version,
            @Parameter(description = "A past revision: commit id (or prefix) or YYYY-MM-DD")
            @RequestParam(required = false) String at) {
        Served served = served(version, at);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/markdown;charset=UTF-8"))
                .body(files.content(served.supportFileId()));
    }

    /** The file a request reads: the current one, or the one at {@code at=}. */
    private record Served(String release, long supportFileId, SupportDocument document, RevisionView revision) {
    }

    private Served served(String version, String at) {
        RevisionPoint point = RevisionPoint.parse(at);
        CatalogRelease release = current(version);
        if (point == null) {
            return new Served(release.version(), release.supportFileId(), release.document(), null);
        }
        StoredRevision revision = revisions.at(release.version(), point)
                .orElseThrow(() -> new NotFoundException("No stored revision of " + release.branch()
                        + "'s SUPPORT.md at '" + at + "'"));
        SupportDocument document = files.load(List.of(revision.supportFileId())).get(revision.supportFileId());
        return new Served(release.version(), revision.supportFileId(), document, RevisionView.of(revision));
    }

    private CatalogRelease current(String version) {
        return catalog.get().named("version", version);
    }

    private LocalDate day(String on) {
        LocalDate day = QueryParameters.date("on", on);
        return day != null ? day : LocalDate.now(clock);
    }
}
