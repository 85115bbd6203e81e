package org.xenproject.supportstatus.web.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xenproject.supportstatus.imports.ImportJob;
import org.xenproject.supportstatus.imports.ImportRunView;
import org.xenproject.supportstatus.store.ImportRun;
import org.xenproject.supportstatus.web.answer.Answer;
import org.xenproject.supportstatus.web.problem.NotFoundException;
import org.xenproject.supportstatus.web.server.OpenApiConfiguration;

/**
 * {@code GET /api/v1/imports}: recent import runs, newest first, with each branch's outcome.
 * {@code POST /api/v1/imports}: starts a run (admin token required, see SecurityConfiguration).
 */
@RestController
@Tag(name = "Imports")
@RequestMapping("/api/v1/imports")
class ImportController {

    static final int MAX_LIMIT = 100;

    private final ImportJob job;

    ImportController(ImportJob job) {
        this.job = job;
    }

    record ImportRuns(List<ImportRunView> runs) {}

    @Operation(
            summary = "Recent import runs, newest first, with each branch's outcome",
            description =
                    "Each run with when it started and ended, what started it, and for each branch whether it was stored, unchanged or failed.")
    @GetMapping
    Answer<ImportRuns> recent(
            @Parameter(description = "How many runs, 1 to 100; default 20")
                    @RequestParam(defaultValue = "20")
                    @Min(value = 1, message = "must be a whole number from 1 to " + MAX_LIMIT)
                    @Max(value = MAX_LIMIT, message = "must be a whole number from 1 to " + MAX_LIMIT)
                    int limit) {
        return Answer.fresh(() -> new ImportRuns(job.recent(limit)));
    }

    @Operation(summary = "One import run", description = "A run by its id, with each branch's outcome.")
    @GetMapping("/{id}")
    Answer<ImportRunView> one(
            @Parameter(description = "The run's id")
                    @PathVariable
                    @Min(value = 1, message = "must be a whole number from 1")
                    long id) {
        return Answer.fresh(() -> job.find(id).orElseThrow(() -> new NotFoundException("No import run " + id)));
    }

    @Operation(
            summary = "Start an import now (admin token required); answers 202 with the run",
            description =
                    "Starts an import of every branch at once, or joins the one under way. Needs the admin token as a bearer token.")
    @SecurityRequirement(name = OpenApiConfiguration.ADMIN_TOKEN)
    @ApiResponse(responseCode = "202", description = "The run, started or already under way")
    @ApiResponse(
            responseCode = "401",
            description = "No admin token, or a wrong one",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "403",
            description = "The service has no admin token, so accepts no admin call",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping
    ResponseEntity<ImportRunView> start() {
        ImportRunView run = job.start(ImportRun.Trigger.ADMIN);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/imports/" + run.id()))
                .body(run);
    }
}
