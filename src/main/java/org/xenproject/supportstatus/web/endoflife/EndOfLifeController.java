package org.xenproject.supportstatus.web.endoflife;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xenproject.supportstatus.release.PointRelease;
import org.xenproject.supportstatus.release.ReleaseVersion;
import org.xenproject.supportstatus.release.RevisionPoint;
import org.xenproject.supportstatus.snapshot.LifecycleAt;
import org.xenproject.supportstatus.snapshot.Release;
import org.xenproject.supportstatus.snapshot.Snapshot;
import org.xenproject.supportstatus.snapshot.Snapshots;
import org.xenproject.supportstatus.web.answer.Answer;
import org.xenproject.supportstatus.web.problem.NotFoundException;

/**
 * The lifecycle in the field names of endoflife.date's product API, so tools built for it work
 * unchanged. Only released cycles are listed; {@code support}/{@code eol} are {@code false} while
 * the file says the date is still to be decided, as endoflife.date does.
 */
@RestController
@Tag(name = "Lifecycle")
class EndOfLifeController {

    private final Snapshots snapshots;

    EndOfLifeController(Snapshots snapshots) {
        this.snapshots = snapshots;
    }

    /* The questions answered here: what each answer depends on, as the endpoint read it. */

    record CyclesQuestion(RevisionPoint at) {}

    record CycleQuestion(ReleaseVersion cycle, RevisionPoint at) {}

    @Schema(name = "EndOfLifeCycle", description = "One release cycle as endoflife.date describes it")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Cycle(
            @Schema(example = "4.17") String cycle,
            LocalDate releaseDate,

            @Schema(description = "End of general support: a date, or false if not yet decided")
            Object support,

            @Schema(description = "End of security support: a date, or false if not yet decided")
            Object eol,

            @Schema(description = "The newest point release, from the RELEASE-X.Y.Z tags", example = "4.17.5")
            String latest,

            LocalDate latestReleaseDate,
            @Schema(description = "The release notes") String link,
            boolean lts) {}

    @Operation(
            summary = "Every released cycle, newest first, as endoflife.date lists them",
            description =
                    "The lifecycle in the field names of endoflife.date's product API (cycle, releaseDate, support, eol, latest, link), so tools built for it work unchanged.")
    @GetMapping(path = "/api/endoflife/xen.json", produces = MediaType.APPLICATION_JSON_VALUE)
    Answer<List<Cycle>> cycles(
            @Parameter(description = "The lifecycle as SUPPORT.md stood then: a commit id (or prefix) or YYYY-MM-DD")
                    @RequestParam(required = false)
                    RevisionPoint at) {
        Snapshot snapshot = snapshots.current();
        return Answer.of(snapshot, new CyclesQuestion(at), () -> cycles(snapshot, at));
    }

    @Operation(
            summary = "One released cycle, as endoflife.date describes it",
            description = "One cycle in the field names of endoflife.date's product API.")
    @GetMapping(path = "/api/endoflife/xen/{cycle}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    Answer<Cycle> cycle(
            @Parameter(description = "A release cycle, e.g. 4.17") @PathVariable ReleaseVersion cycle,
            @Parameter(description = "The lifecycle as SUPPORT.md stood then: a commit id (or prefix) or YYYY-MM-DD")
                    @RequestParam(required = false)
                    RevisionPoint at) {
        Snapshot snapshot = snapshots.current();
        return Answer.of(
                snapshot,
                new CycleQuestion(cycle, at),
                () -> cycles(snapshot, at).stream()
                        .filter(c -> c.cycle().equals(cycle.name()))
                        .findFirst()
                        .orElseThrow(() -> new NotFoundException("No released cycle " + cycle)));
    }

    private static List<Cycle> cycles(Snapshot snapshot, RevisionPoint at) {
        return LifecycleAt.releases(snapshot, at).stream()
                .filter(release -> !release.releaseVersion().isUnstable())
                .filter(release -> release.document().release().initialRelease() != null)
                .map(EndOfLifeController::cycle)
                .toList();
    }

    /**
     * When the newest point release came out: never before the release itself, whose day is the
     * {@code .0} (its tag is often made a day or two before the announcement).
     */
    static LocalDate latestDate(PointRelease latest, LocalDate initialRelease) {
        LocalDate tagged = latest.taggedAt() == null
                ? null
                : latest.taggedAt().atOffset(ZoneOffset.UTC).toLocalDate();
        if (latest.patch() == 0 || tagged == null) {
            return initialRelease;
        }
        return initialRelease != null && tagged.isBefore(initialRelease) ? initialRelease : tagged;
    }

    private static Cycle cycle(Release release) {
        var support = release.document().release();
        Optional<PointRelease> latest = release.latest();
        return new Cycle(
                release.version(),
                support.initialRelease(),
                support.supportedUntil() != null ? support.supportedUntil() : Boolean.FALSE,
                support.securitySupportUntil() != null ? support.securitySupportUntil() : Boolean.FALSE,
                latest.map(PointRelease::version).orElse(support.xenVersion()),
                latest.map(p -> latestDate(p, support.initialRelease())).orElse(support.initialRelease()),
                support.releaseNotes(),
                false);
    }
}
