package org.xenproject.supportstatus.store;

import java.time.Instant;
import java.util.List;
import org.xenproject.supportstatus.advisory.AdvisoryMention;

/**
 * A commit whose message says it fixes a Xen Security Advisory (docs/advisories.md), with what git
 * adds to the message: its time and subject, and the full ids the message's abbreviated ones name.
 *
 * @param pickedFrom         the commit it was picked from, as the message writes it, or null
 * @param pickedFromResolved the full id of the one commit {@code pickedFrom} names, or null when it
 *                           names none of the repository's (kept as written, never guessed)
 * @param warnings           the reader's notes on odd spellings in the message
 */
public record FixCommit(
        String commit,
        Instant committedAt,
        String subject,
        String pickedFrom,
        String pickedFromResolved,
        List<AdvisoryMention> advisories,
        List<String> cves,
        List<Introduced> introducedBy,
        List<String> warnings) {

    public FixCommit {
        advisories = List.copyOf(advisories);
        cves = List.copyOf(cves);
        introducedBy = List.copyOf(introducedBy);
        warnings = List.copyOf(warnings);
    }

    /**
     * A commit a {@code Fixes:} line names.
     *
     * @param resolved the full id of the one commit {@code written} names, or null when none
     */
    public record Introduced(String written, String resolved, String subject) {}
}
