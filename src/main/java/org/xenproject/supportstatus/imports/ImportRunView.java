package org.xenproject.supportstatus.imports;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.xenproject.supportstatus.store.Ids;
import org.xenproject.supportstatus.store.ImportRun;

/** An import run as {@code GET /api/v1/imports} shows it. */
public record ImportRunView(
        long id,
        String trigger,
        String outcome,

        @Schema(
                description = "While the run goes on, what it is doing: tips (a first import serving every "
                        + "release's current file before the history), fetch (cloning or fetching) or branches "
                        + "(reading and storing each branch with its history); null once it finished")
        String phase,

        @Schema(
                description = "While the run goes on, its latest progress in that phase",
                example = "Receiving objects 45% (123456/274000)")
        String progress,

        String source,
        String detail,
        Instant startedAt,
        Instant finishedAt,
        Long durationMillis,
        List<Branch> branches) {

    public record Branch(String branch, String release, String outcome, int revisionsImported, String detail) {}

    static ImportRunView of(ImportRun run) {
        return new ImportRunView(
                run.id(),
                Ids.id(run.trigger()),
                Ids.id(run.outcome()),
                run.phase(),
                run.progress(),
                run.source(),
                run.detail(),
                run.startedAt(),
                run.finishedAt(),
                run.finishedAt() == null
                        ? null
                        : Duration.between(run.startedAt(), run.finishedAt()).toMillis(),
                run.branches().stream()
                        .map(b -> new Branch(
                                b.branch(), b.releaseVersion(), Ids.id(b.outcome()), b.revisionsImported(), b.detail()))
                        .toList());
    }
}
