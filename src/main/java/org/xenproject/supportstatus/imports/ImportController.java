package org.xenproject.supportstatus.imports;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xenproject.supportstatus.system.InvalidParameterException;
import org.xenproject.supportstatus.system.NotFoundException;

/**
 * {@code GET /api/v1/imports}: recent import runs, newest first, with each branch's outcome.
 * {@code POST /api/v1/imports}: starts a run (admin token required, see SecurityConfiguration).
 */
@RestController
@RequestMapping("/api/v1/imports")
class ImportController {

    static final int MAX_LIMIT = 100;

    private final ImportJob job;

    ImportController(ImportJob job) {
        this.job = job;
    }

    record ImportRuns(List<ImportRunView> runs) {
    }

    @Operation(summary = "Recent import runs, newest first, with each branch's outcome")
    @GetMapping
    ImportRuns recent(@Parameter(description = "How many runs, 1 to 100; default 20")
            @RequestParam(required = false) String limit) {
        return new ImportRuns(job.recent((int) number("limit", limit, 20, MAX_LIMIT)));
    }

    @Operation(summary = "One import run")
    @GetMapping("/{id}")
    ImportRunView one(@Parameter(description = "The run's id") @PathVariable String id) {
        long runId = number("id", id, 0, Long.MAX_VALUE);
        return job.find(runId).orElseThrow(() -> new NotFoundException("No import run " + runId));
    }

    @Operation(summary = "Start an import now (admin token required); answers 202 with the run")
    @PostMapping
    ResponseEntity<ImportRunView> start() {
        ImportRunView run = job.start(ImportRun.Trigger.ADMIN);
        return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + run.id())).body(run);
    }

    private static long number(String name, String value, long fallback, long max) {
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= 1 && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidParameterException(name, "must be a whole number from 1 to " + max);
    }
}
