package org.xenproject.supportstatus.web.change;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xenproject.supportstatus.release.ReleaseVersion;
import org.xenproject.supportstatus.snapshot.Changes;
import org.xenproject.supportstatus.snapshot.Release;
import org.xenproject.supportstatus.snapshot.Snapshot;
import org.xenproject.supportstatus.snapshot.Snapshots;
import org.xenproject.supportstatus.snapshot.SupportChanges;
import org.xenproject.supportstatus.web.answer.Answer;

/** What changed from one release to another. */
@RestController
@Tag(name = "Changes")
class DiffController {

    private final Snapshots snapshots;

    DiffController(Snapshots snapshots) {
        this.snapshots = snapshots;
    }

    /** The question answered here: what the answer depends on, as the endpoint read it. */
    record DiffQuestion(ReleaseVersion from, ReleaseVersion to) {}

    @Schema(name = "Diff")
    record Diff(
            String from,
            String to,
            List<Changes.StatusEntry> added,
            List<Changes.StatusEntry> removed,
            List<Changes.StatusChange> changed,
            List<Changes.LifecycleChange> lifecycle) {}

    @Operation(
            summary = "Statuses added, removed and changed, and lifecycle changes, between two releases",
            description =
                    "Compares the SUPPORT.md of two releases: the statuses only one has, those whose text changed, and the lifecycle dates that differ.")
    @GetMapping(path = "/api/v1/diff", produces = MediaType.APPLICATION_JSON_VALUE)
    Answer<Diff> diff(
            @Parameter(description = "The older release, e.g. 4.21") @RequestParam ReleaseVersion from,
            @Parameter(description = "The newer release, e.g. 4.22") @RequestParam ReleaseVersion to) {
        Snapshot snapshot = snapshots.current();
        Release older = snapshot.release(from);
        Release newer = snapshot.release(to);
        return Answer.of(snapshot, new DiffQuestion(from, to), () -> {
            Changes changes = SupportChanges.between(older.document(), newer.document());
            return new Diff(
                    older.version(),
                    newer.version(),
                    changes.added(),
                    changes.removed(),
                    changes.changed(),
                    changes.lifecycle());
        });
    }
}
