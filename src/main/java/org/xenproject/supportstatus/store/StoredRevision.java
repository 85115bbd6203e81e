package org.xenproject.supportstatus.store;

import java.time.Instant;

/** One stored revision of a release's SUPPORT.md: where and when its branch had which file. */
public record StoredRevision(
        long id,
        String release,
        long supportFileId,
        String commit,
        String author,
        Instant authoredAt,
        Instant committedAt,
        String subject,
        String sha256,
        Instant importedAt,
        String branchTip) {}
