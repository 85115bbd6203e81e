package org.xenproject.supportstatus.web.feature;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xenproject.supportstatus.release.UpstreamLinks;
import org.xenproject.supportstatus.snapshot.FeatureFilter;
import org.xenproject.supportstatus.snapshot.FeatureFilter.ArchName;
import org.xenproject.supportstatus.snapshot.Features;
import org.xenproject.supportstatus.snapshot.MergedOrder;
import org.xenproject.supportstatus.snapshot.Release;
import org.xenproject.supportstatus.snapshot.Snapshot;
import org.xenproject.supportstatus.snapshot.Snapshots;
import org.xenproject.supportstatus.web.answer.Answer;
import org.xenproject.supportstatus.web.param.FeatureKey;
import org.xenproject.supportstatus.web.param.Parameters;
import org.xenproject.supportstatus.web.param.SearchText;
import org.xenproject.supportstatus.web.problem.NotFoundException;

/** Features across releases: what exists, and how one feature stands in each release. */
@RestController
@Tag(name = "Features")
class FeatureController {

    private final Snapshots snapshots;

    FeatureController(Snapshots snapshots) {
        this.snapshots = snapshots;
    }

    /* The questions answered here: what each answer depends on, as the endpoint read it. */

    record FeatureListQuestion(FeatureFilter filter) {}

    record FeatureQuestion(FeatureKey key, FeatureFilter filter) {}

    @Schema(name = "FeatureSummary")
    record FeatureSummary(
            String key,
            String title,
            List<String> path,

            @Schema(description = "Releases whose SUPPORT.md has it, newest first")
            List<String> releases) {}

    @Schema(name = "FeatureList")
    record FeatureList(List<FeatureSummary> features) {}

    @Operation(
            summary = "Every feature of any release's current SUPPORT.md, with the releases that have it",
            description =
                    "One entry per feature key, with its title and section path, and the releases whose SUPPORT.md lists it.")
    @GetMapping(path = "/api/v1/features", produces = MediaType.APPLICATION_JSON_VALUE)
    Answer<FeatureList> features(
            @Parameter(description = "Text in a feature's title, key or description, case-insensitive")
                    @RequestParam(required = false)
                    SearchText q,
            @Parameter(description = "Features in this section (a section key such as 'guest-type')")
                    @RequestParam(required = false)
                    FeatureKey section) {
        Snapshot snapshot = snapshots.current();
        FeatureFilter filter = FeatureFilter.of(null, null, null, FeatureKey.valueOf(section), SearchText.valueOf(q));
        return Answer.of(snapshot, new FeatureListQuestion(filter), () -> list(snapshot, filter));
    }

    private static FeatureList list(Snapshot snapshot, FeatureFilter filter) {
        MergedOrder order = new MergedOrder();
        Map<String, FeatureSummary> byKey = new HashMap<>();
        for (Release release : snapshot.releases()) {
            List<String> releaseOrder = new ArrayList<>();
            for (Features.Feature feature : Features.of(release.document())) {
                if (filter.apply(feature).isEmpty()) {
                    continue;
                }
                releaseOrder.add(feature.key());
                FeatureSummary known = byKey.get(feature.key());
                List<String> releases = new ArrayList<>(known == null ? List.of() : known.releases());
                releases.add(release.version());
                byKey.put(
                        feature.key(),
                        known == null
                                ? new FeatureSummary(
                                        feature.key(),
                                        feature.section().title(),
                                        feature.section().path(),
                                        releases)
                                : new FeatureSummary(known.key(), known.title(), known.path(), releases));
            }
            order.add(releaseOrder);
        }
        return new FeatureList(order.keys().stream().map(byKey::get).toList());
    }

    @Schema(name = "FeatureInRelease")
    record FeatureInRelease(
            String version,
            List<StatusView> statuses,

            @Schema(description = "Xen's own rendering of it")
            String upstream) {}

    @Schema(name = "FeatureAcrossReleases")
    record FeatureAcrossReleases(String key, String title, List<FeatureInRelease> releases) {}

    @Operation(
            summary = "One feature in every release that has it, newest first",
            description = "How the support of one feature went from release to release: its statuses in each.")
    @GetMapping(path = "/api/v1/features/{key}", produces = MediaType.APPLICATION_JSON_VALUE)
    Answer<FeatureAcrossReleases> feature(
            @Parameter(description = "The feature's key, e.g. x86pv") @PathVariable FeatureKey key,
            @Parameter(
                            description = "Only statuses that apply to this architecture",
                            schema = @Schema(allowableValues = {"x86", "arm", "arm32", "arm64"}))
                    @RequestParam(required = false)
                    @Size(min = 1, message = Parameters.NOTHING_NAMED)
                    Set<@NotNull(message = Parameters.EMPTY_ITEM) ArchName> arch) {
        Snapshot snapshot = snapshots.current();
        FeatureFilter filter = FeatureFilter.of(arch, null, null, null, null);
        return Answer.of(snapshot, new FeatureQuestion(key, filter), () -> across(snapshot, key.value(), filter));
    }

    private static FeatureAcrossReleases across(Snapshot snapshot, String featureKey, FeatureFilter filter) {
        String title = null;
        Map<String, FeatureInRelease> releases = new LinkedHashMap<>();
        for (Release release : snapshot.releases()) {
            Optional<Features.Feature> found = Features.of(release.document()).stream()
                    .filter(f -> f.key().equals(featureKey))
                    .findFirst();
            if (found.isEmpty()) {
                continue;
            }
            if (title == null) {
                title = found.get().section().title();
            }
            List<StatusView> statuses = found.get().section().statuses().stream()
                    .filter(filter::matches)
                    .map(StatusView::of)
                    .toList();
            releases.put(
                    release.version(),
                    new FeatureInRelease(
                            release.version(), statuses, UpstreamLinks.supportHtml(release.version(), featureKey)));
        }
        if (releases.isEmpty()) {
            throw new NotFoundException("No release has a feature '" + featureKey + "'");
        }
        return new FeatureAcrossReleases(featureKey, title, List.copyOf(releases.values()));
    }
}
