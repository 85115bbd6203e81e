package org.xenproject.supportstatus.web.imports;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.xenproject.supportstatus.web.Answers;
import org.xenproject.supportstatus.web.NotFoundException;

/**
 * {@code GET /api/v1/imports}: recent import runs, newest first, with each branch's outcome.
 * {@code POST /api/v1/imports}: starts a run (admin token required, see SecurityConfiguration).
 */
@RestController
@RequestMapping("/api/v1/imports")
class ImportController {

    static final int MAX_LIMIT = 100;

    private final ImportJob job;
    private final Answers answers;

    ImportController(ImportJob job, Answers answers) {
        this.job = job;
        this.answers = answers;
    }

    record ImportRuns(List<ImportRunView> runs) {
    }

    @Operation(summary = "Recent import runs, newest first, with each branch's outcome")
    @GetMapping
    ResponseEntity<ImportRuns> recent(HttpServletRequest request, HttpServletResponse response,
            @Parameter(description = "How many runs, 1 to 100; default 20")
            @RequestParam(defaultValue = "20")
            @Min(value = 1, message = "must be a whole number from 1 to " + MAX_LIMIT)
            @Max(value = MAX_LIMIT, message = "must be a whole number from 1 to " + MAX_LIMIT) int limit) {
        return answers.unkept(request, job.runsVersion(), () -> new ImportRuns(job.recent(limit)));
    }

    @Operation(summary = "One import run")
    @GetMapping("/{id}")
    ResponseEntity<ImportRunView> one(HttpServletRequest request, HttpServletResponse response,
            @Parameter(description = "The run's id") @PathVariable @Min(value = 1, message = "must be a whole number from 1")
            long id) {
        return answers.unkept(request, job.runsVersion(),
                () -> job.find(id).orElseThrow(() -> new NotFoundException("No import run " + id)));
    }

    @Operation(summary = "Start an import now (admin token required); answers 202 with the run")
    @PostMapping
    ResponseEntity<ImportRunView> start() {
        ImportRunView run = job.start(ImportRun.Trigger.ADMIN);
        return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + run.id())).body(run);
    }
}
