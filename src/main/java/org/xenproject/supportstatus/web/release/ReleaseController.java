package org.xenproject.supportstatus.web.release;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xenproject.supportstatus.release.LifecycleState;
import org.xenproject.supportstatus.release.PointRelease;
import org.xenproject.supportstatus.release.ReleaseVersion;
import org.xenproject.supportstatus.release.RevisionPoint;
import org.xenproject.supportstatus.snapshot.FeatureFilter;
import org.xenproject.supportstatus.snapshot.FeatureFilter.ArchName;
import org.xenproject.supportstatus.snapshot.Features;
import org.xenproject.supportstatus.snapshot.HistoryEntry;
import org.xenproject.supportstatus.snapshot.LifecycleAt;
import org.xenproject.supportstatus.snapshot.Release;
import org.xenproject.supportstatus.snapshot.Snapshot;
import org.xenproject.supportstatus.snapshot.Snapshots;
import org.xenproject.supportstatus.store.StoredRevision;
import org.xenproject.supportstatus.supportmd.SecuritySupport;
import org.xenproject.supportstatus.supportmd.SupportDocument;
import org.xenproject.supportstatus.supportmd.SupportLevel;
import org.xenproject.supportstatus.web.answer.Answer;
import org.xenproject.supportstatus.web.feature.FeatureView;
import org.xenproject.supportstatus.web.param.FeatureKey;
import org.xenproject.supportstatus.web.param.Parameters;
import org.xenproject.supportstatus.web.param.SearchText;
import org.xenproject.supportstatus.web.param.Truth;
import org.xenproject.supportstatus.web.problem.NotFoundException;

/** Releases, their lifecycle and features, and the history of their SUPPORT.md. */
@RestController
@Tag(name = "Releases")
class ReleaseController {

    static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");

    private final Snapshots snapshots;

    ReleaseController(Snapshots snapshots) {
        this.snapshots = snapshots;
    }

    /* The questions answered here: what each answer depends on, as the endpoint read it. */

    record ReleasesQuestion(LocalDate day, Set<LifecycleState> states, Boolean securitySupported, RevisionPoint at) {}

    record ReleaseQuestion(ReleaseVersion version, Integer pointRelease, LocalDate day, RevisionPoint at) {}

    record VersionsQuestion(ReleaseVersion version) {}

    record FeaturesQuestion(ReleaseVersion version, FeatureFilter filter, RevisionPoint at) {}

    record FeatureQuestion(ReleaseVersion version, FeatureKey key, RevisionPoint at) {}

    record HistoryQuestion(ReleaseVersion version) {}

    record SupportMdQuestion(ReleaseVersion version, RevisionPoint at) {}

    @Schema(name = "ReleaseList")
    record ReleaseList(
            @Schema(description = "The day states are computed for")
            LocalDate asOf,

            List<ReleaseView> releases) {}

    @Operation(
            summary = "Every release, newest first (unstable first), with its lifecycle state on a day",
            description =
                    "Each release's lifecycle dates as its SUPPORT.md gives them, its state on the day asked (today by default), where its data came from, and any warnings from reading its file. Filters keep the releases in a state or with security support.")
    @GetMapping(path = "/api/v1/releases", produces = MediaType.APPLICATION_JSON_VALUE)
    Answer<ReleaseList> releases(
            @Parameter(description = "The day (YYYY-MM-DD) to compute states for; default today, UTC")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate on,
            @Parameter(
                            description = "Only releases in this state (comma-separated for several)",
                            schema =
                                    @Schema(
                                            allowableValues = {"unreleased", "supported", "security-only", "unsupported"
                                            }))
                    @RequestParam(required = false)
                    @Size(min = 1, message = Parameters.NOTHING_NAMED)
                    Set<@NotNull(message = Parameters.EMPTY_ITEM) LifecycleState> state,
            @Parameter(description = "Only releases that are (true) or are not (false) security supported on the day")
                    @RequestParam(required = false)
                    @Schema(type = "boolean")
                    Truth securitySupported,
            @Parameter(
                            description =
                                    "The lifecycle as SUPPORT.md stood then: a commit id (or prefix) or YYYY-MM-DD; "
                                            + "with a date and no on=, states are computed for that date")
                    @RequestParam(required = false)
                    RevisionPoint at) {
        Snapshot snapshot = snapshots.current();
        LocalDate day = LifecycleAt.day(snapshot, on, at);
        Set<LifecycleState> states = state == null ? Set.of() : Set.copyOf(state);
        Boolean secure = Truth.valueOf(securitySupported);
        return Answer.of(
                snapshot,
                new ReleasesQuestion(day, states, secure, at),
                () -> new ReleaseList(
                        day,
                        LifecycleAt.releases(snapshot, at).stream()
                                .map(release -> ReleaseView.of(release, day))
                                .filter(view ->
                                        states.isEmpty() || states.contains(LifecycleState.fromId(view.state())))
                                .filter(view -> secure == null || view.securitySupported() == secure)
                                .toList()));
    }

    @Operation(
            summary = "One release: lifecycle, state on a day, provenance and parse warnings",
            description =
                    "A release by its version, branch or a point release of it (4.17.3 answers for stable-4.17 and says whether that point release is the latest).")
    @GetMapping(path = "/api/v1/releases/{version}", produces = MediaType.APPLICATION_JSON_VALUE)
    Answer<ReleaseView> release(
            @Parameter(description = "4.17, 4.17.3 (a point release: its branch), stable-4.17, unstable or master")
                    @PathVariable
                    ReleaseVersion version,
            @Parameter(hidden = true) @PathVariable("version") String named,
            @Parameter(description = "The day (YYYY-MM-DD) to compute the state for; default today, UTC")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate on,
            @Parameter(
                            description =
                                    "The lifecycle as SUPPORT.md stood then: a commit id (or prefix) or YYYY-MM-DD; "
                                            + "with a date and no on=, states are computed for that date")
                    @RequestParam(required = false)
                    RevisionPoint at) {
        Snapshot snapshot = snapshots.current();
        LocalDate day = LifecycleAt.day(snapshot, on, at);
        snapshot.release(version);
        OptionalInt patch = PointRelease.patchNamedBy(named);
        Integer point = patch.isPresent() ? patch.getAsInt() : null;
        return Answer.of(snapshot, new ReleaseQuestion(version, point, day, at), () -> {
            Release release = LifecycleAt.release(snapshot, version, at);
            ReleaseView view = ReleaseView.of(release, day);
            return point == null
                    ? view
                    : view.named(release.pointReleases().stream()
                            .filter(p -> p.patch() == point)
                            .findFirst()
                            .map(p -> NamedPointRelease.of(p, release.pointReleases())));
        });
    }

    @Schema(name = "PointReleases")
    record Versions(@Schema(example = "4.17") String release, List<PointReleaseView> versions) {}

    @Operation(
            summary = "A release's point releases (RELEASE-X.Y.Z tags), newest first",
            description = "Each RELEASE-X.Y.Z tag of the release, with its date and commit.")
    @GetMapping(path = "/api/v1/releases/{version}/versions", produces = MediaType.APPLICATION_JSON_VALUE)
    Answer<Versions> versions(
            @Parameter(description = "4.17, 4.17.3, stable-4.17, unstable or master") @PathVariable
                    ReleaseVersion version) {
        Snapshot snapshot = snapshots.current();
        Release release = snapshot.release(version);
        return Answer.of(
                snapshot,
                new VersionsQuestion(version),
                () -> new Versions(
                        release.version(),
                        release.pointReleases().stream()
                                .map(PointReleaseView::of)
                                .toList()));
    }

    @Schema(name = "ReleaseFeatures")
    record ReleaseFeatures(
            @Schema(example = "4.19") String release,

            @Schema(description = "The revision read, when at= was given")
            RevisionView revision,

            List<FeatureView> features) {}

    @Operation(
            summary = "A release's features in document order, optionally filtered or as of a past revision",
            description =
                    "Every feature of the release's SUPPORT.md with its statuses. A filter keeps the features with at least one matching status, and in them only the matching statuses; at= reads the file as it stood at a commit or on a day.")
    @GetMapping(path = "/api/v1/releases/{version}/features", produces = MediaType.APPLICATION_JSON_VALUE)
    Answer<ReleaseFeatures> features(
            @Parameter(description = "4.17, 4.17.3, stable-4.17, unstable or master") @PathVariable
                    ReleaseVersion version,
            @Parameter(
                            description = "Statuses that apply to this architecture (comma-separated for several)",
                            schema = @Schema(allowableValues = {"x86", "arm", "arm32", "arm64"}))
                    @RequestParam(required = false)
                    @Size(min = 1, message = Parameters.NOTHING_NAMED)
                    Set<@NotNull(message = Parameters.EMPTY_ITEM) ArchName> arch,
            @Parameter(
                            description = "Statuses of this level (comma-separated for several)",
                            schema =
                                    @Schema(
                                            allowableValues = {
                                                "supported",
                                                "deprecated",
                                                "tech-preview",
                                                "experimental",
                                                "not-supported",
                                                "not-functional",
                                                "not-implemented",
                                                "other"
                                            }))
                    @RequestParam(required = false)
                    @Size(min = 1, message = Parameters.NOTHING_NAMED)
                    Set<@NotNull(message = Parameters.EMPTY_ITEM) SupportLevel> level,
            @Parameter(
                            description = "Statuses with this security support (comma-separated for several)",
                            schema = @Schema(allowableValues = {"yes", "conditional", "no", "external", "unknown"}))
                    @RequestParam(required = false)
                    @Size(min = 1, message = Parameters.NOTHING_NAMED)
                    Set<@NotNull(message = Parameters.EMPTY_ITEM) SecuritySupport> security,
            @Parameter(description = "Features in this section (a section key such as 'guest-type')")
                    @RequestParam(required = false)
                    FeatureKey section,
            @Parameter(description = "Text in a feature's title, key or description, case-insensitive")
                    @RequestParam(required = false)
                    SearchText q,
            @Parameter(description = "A past revision: commit id (or prefix) or YYYY-MM-DD")
                    @RequestParam(required = false)
                    RevisionPoint at) {
        Snapshot snapshot = snapshots.current();
        Release release = snapshot.release(version);
        FeatureFilter filter =
                FeatureFilter.of(arch, level, security, FeatureKey.valueOf(section), SearchText.valueOf(q));
        return Answer.of(snapshot, new FeaturesQuestion(version, filter, at), () -> {
            Served served = served(snapshot, release, at);
            List<FeatureView> features = Features.of(served.document()).stream()
                    .map(filter::apply)
                    .flatMap(java.util.Optional::stream)
                    .map(feature -> FeatureView.of(feature.section()))
                    .toList();
            return new ReleaseFeatures(release.version(), served.revision(), features);
        });
    }

    @Operation(
            summary = "One feature of a release",
            description =
                    "A feature by its key, with its section path, description and every status it has in that release.")
    @GetMapping(path = "/api/v1/releases/{version}/features/{key}", produces = MediaType.APPLICATION_JSON_VALUE)
    Answer<FeatureView> feature(
            @Parameter(description = "4.17, 4.17.3, stable-4.17, unstable or master") @PathVariable
                    ReleaseVersion version,
            @Parameter(description = "The feature's key, e.g. x86pv") @PathVariable FeatureKey key,
            @Parameter(description = "A past revision: commit id (or prefix) or YYYY-MM-DD")
                    @RequestParam(required = false)
                    RevisionPoint at) {
        Snapshot snapshot = snapshots.current();
        Release release = snapshot.release(version);
        return Answer.of(
                snapshot,
                new FeatureQuestion(version, key, at),
                () -> Features.of(served(snapshot, release, at).document()).stream()
                        .filter(f -> f.key().equals(key.value()))
                        .findFirst()
                        .map(f -> FeatureView.of(f.section()))
                        .orElseThrow(() -> new NotFoundException(
                                "Release " + release.version() + " has no feature '" + key.value() + "'")));
    }

    @Schema(name = "RevisionView", description = "One revision of a branch's SUPPORT.md")
    record RevisionView(
            String commit,
            Instant committedAt,
            String author,
            Instant authoredAt,
            String subject,
            String sha256,
            Instant importedAt,
            String branchTip) {
        static RevisionView of(StoredRevision r) {
            return new RevisionView(
                    r.commit(),
                    r.committedAt(),
                    r.author(),
                    r.authoredAt(),
                    r.subject(),
                    r.sha256(),
                    r.importedAt(),
                    r.branchTip());
        }
    }

    @Schema(name = "History")
    record History(
            String release,
            String branch,

            @Schema(
                    description = "false while only the current file of the branch is stored: a first import "
                            + "still bringing the history, or an import without history; the revisions are then "
                            + "not the branch's whole history")
            boolean complete,

            List<HistoryEntry> revisions) {}

    @Operation(
            summary = "Every stored revision of a release's SUPPORT.md, newest first, with what each changed",
            description =
                    "The commits that changed the branch's SUPPORT.md, each with its subject, the file's digest and the statuses and lifecycle dates it changed.")
    @GetMapping(path = "/api/v1/releases/{version}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    Answer<History> history(
            @Parameter(description = "4.17, 4.17.3, stable-4.17, unstable or master") @PathVariable
                    ReleaseVersion version) {
        Snapshot snapshot = snapshots.current();
        Release release = snapshot.release(version);
        return Answer.of(
                snapshot,
                new HistoryQuestion(version),
                () -> new History(
                        release.version(), release.branch(), release.historyComplete(), snapshot.history(release)));
    }

    @Operation(
            summary = "The stored SUPPORT.md of a release, as served now or at a past revision",
            description = "The file exactly as stored, as text/markdown.")
    @GetMapping(path = "/api/v1/releases/{version}/support.md", produces = "text/markdown;charset=UTF-8")
    Answer<String> supportMd(
            @Parameter(description = "4.17, 4.17.3, stable-4.17, unstable or master") @PathVariable
                    ReleaseVersion version,
            @Parameter(description = "A past revision: commit id (or prefix) or YYYY-MM-DD")
                    @RequestParam(required = false)
                    RevisionPoint at) {
        Snapshot snapshot = snapshots.current();
        Release release = snapshot.release(version);
        return Answer.of(
                snapshot,
                new SupportMdQuestion(version, at),
                MARKDOWN,
                () -> snapshot.content(at == null ? release.supportFileId() : fileAt(snapshot, release, at)));
    }

    /** The file a request reads: the current one, or the one at {@code at=}. */
    private record Served(SupportDocument document, RevisionView revision) {}

    private static Served served(Snapshot snapshot, Release release, RevisionPoint at) {
        if (at == null) {
            return new Served(release.document(), null);
        }
        Snapshot.Revision revision = revisionAt(snapshot, release, at);
        return new Served(revision.document(), RevisionView.of(revision.stored()));
    }

    private static long fileAt(Snapshot snapshot, Release release, RevisionPoint at) {
        return revisionAt(snapshot, release, at).stored().supportFileId();
    }

    private static Snapshot.Revision revisionAt(Snapshot snapshot, Release release, RevisionPoint at) {
        return snapshot.at(release, at)
                .orElseThrow(() -> new NotFoundException(
                        "No stored revision of " + release.branch() + "'s SUPPORT.md at '" + describe(at) + "'"));
    }

    private static String describe(RevisionPoint at) {
        return at instanceof RevisionPoint.Commit commit
                ? commit.prefix()
                : ((RevisionPoint.Day) at).day().toString();
    }
}
