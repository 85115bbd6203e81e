package org.xenproject.supportstatus.advisory;

import java.util.List;

/**
 * What one xen.git commit message says about the security fix it carries (docs/advisories.md).
 *
 * @param advisories   the XSAs the message says it fixes, distinct, in order of first appearance; never empty
 * @param cves         the CVE ids of its fix sentences, upper case, distinct, in order
 * @param pickedFrom   the commit it was picked from, as written (lower case), or {@code null}
 * @param introducedBy one per {@code Fixes:} line naming a commit, in order, a commit named twice once
 * @param warnings     odd spellings the reader took or left out, each starting with its line number
 */
public record FixMessage(
        List<AdvisoryMention> advisories,
        List<String> cves,
        String pickedFrom,
        List<IntroducedBy> introducedBy,
        List<String> warnings) {

    public FixMessage {
        advisories = List.copyOf(advisories);
        if (advisories.isEmpty()) {
            throw new IllegalArgumentException("a fix message names at least one advisory");
        }
        cves = List.copyOf(cves);
        introducedBy = List.copyOf(introducedBy);
        warnings = List.copyOf(warnings);
    }

    /** The numbers of {@link #advisories()}, in the same order. */
    public List<Integer> numbers() {
        return advisories.stream().map(AdvisoryMention::number).toList();
    }
}
