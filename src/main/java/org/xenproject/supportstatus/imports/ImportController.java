package org.xenproject.supportstatus.imports;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

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

    @GetMapping
    ResponseEntity<ImportRuns> recent(@RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw problem(HttpStatus.BAD_REQUEST, "limit must be between 1 and " + MAX_LIMIT + ": " + limit);
        }
        ImportRuns runs = new ImportRuns(job.recent(limit));
        // Runs change while an import goes on: clients revalidate every time, cheaply (304).
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).eTag(etag(runs)).body(runs);
    }

    @GetMapping("/{id}")
    ResponseEntity<ImportRunView> one(@PathVariable long id) {
        ImportRunView run = job.find(id)
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "No import run " + id));
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).eTag(etag(run)).body(run);
    }

    @PostMapping
    ResponseEntity<ImportRunView> start() {
        ImportRunView run = job.start(ImportRun.Trigger.ADMIN);
        return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + run.id())).body(run);
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    private static String etag(Object content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(content.toString().getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(hash, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
