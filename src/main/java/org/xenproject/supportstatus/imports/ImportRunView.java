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
                        + "release's current file before the history), fetch (cloning or fetching), branches "
                        + "(reading and storing each branch with its history), then fixes (each branch's "
                        + "security fixes); null once it finished")
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

    public record Branch(
            String branch,
            String release,
            String outcome,
            int revisionsImported,
            String detail,

            @Schema(
                    description = "Security fix commits this run stored for the branch, new to the service "
                            + "(a fix of master that a stable branch reaches counts on master); null when the "
                            + "branch's fixes were not read: its release is not stored, the source has no "
                            + "commits (http), or they could not be read (fixesFailure)",
                    example = "3")
            Integer fixesImported,

            @Schema(
                    description = "Commits whose message this run read for the branch's fixes, each once a "
                            + "run however many branches reach it; only the new ones when the branch grew from "
                            + "the tip last read, none when its tip is as then; null as fixesImported",
                    example = "12")
            Integer fixCommitsRead,

            @Schema(
                    description = "Odd spellings in the messages of the fix commits stored, each with its "
                            + "commit and line, such as 0a1b2c3d4e5f: line 5: XSA written \"XSA155\"; read as "
                            + "XSA-155. The fix is stored as read; the branch does not fail. At most 100, then "
                            + "how many more there were")
            List<String> fixWarnings,

            @Schema(
                    description = "Why the branch's security fixes could not be read; what was stored for "
                            + "them stays. Null when they were read")
            String fixesFailure) {}

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
                                b.branch(),
                                b.releaseVersion(),
                                Ids.id(b.outcome()),
                                b.revisionsImported(),
                                b.detail(),
                                b.fixesImported(),
                                b.fixCommitsRead(),
                                b.fixWarnings() == null ? List.of() : b.fixWarnings(),
                                b.fixesFailure()))
                        .toList());
    }
}
