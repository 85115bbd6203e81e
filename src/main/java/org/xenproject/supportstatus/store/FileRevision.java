package org.xenproject.supportstatus.store;

import java.time.Instant;

/** One state of SUPPORT.md on a branch; commit fields are null for the http source. */
public record FileRevision(
        byte[] content,
        String commitId,
        String branchTip,
        String authorName,
        Instant authoredAt,
        Instant committedAt,
        String subject) {}
