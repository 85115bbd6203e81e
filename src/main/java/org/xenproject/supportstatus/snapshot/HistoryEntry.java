package org.xenproject.supportstatus.snapshot;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One revision of a branch's SUPPORT.md and what it changed from the revision before it. */
@Schema(name = "HistoryEntry")
public record HistoryEntry(
        String commit,
        Instant committedAt,
        String author,
        Instant authoredAt,
        String subject,
        String sha256,
        Instant importedAt,
        String branchTip,

        @Schema(description = "What this revision changed from the one before it")
        Changes changes) {}
