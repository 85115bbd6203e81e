package org.xenproject.supportstatus.web.advisory;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.xenproject.supportstatus.release.UpstreamLinks;
import org.xenproject.supportstatus.snapshot.Advisories;

/** A Xen Security Advisory and its fix on each release. */
@Schema(name = "Advisory")
public record AdvisoryView(
        @Schema(example = "XSA-507") String id,
        int number,
        List<String> cves,

        @Schema(description = "When its first fix commit, on any branch, was committed")
        Instant firstFixedAt,

        @Schema(description = "One fix per release whose branch has a commit for it, newest release first")
        List<FixView> fixes,

        @Schema(
                description = "Releases security supported on the day of the first fix (by their lifecycle as "
                        + "known that day) whose branch has no commit for it. A fact about commits: an advisory need not "
                        + "affect every release")
        List<String> notFixedOn,

        Links links) {

    /** Where to read more: this answer, its OSV record, its page, and Xen's own advisory. */
    @Schema(name = "AdvisoryLinks")
    public record Links(String self, String osv, String page, String xenbits) {}

    static AdvisoryView of(Advisories.Advisory advisory, List<String> notFixedOn) {
        return new AdvisoryView(
                advisory.id(),
                advisory.number(),
                advisory.cves(),
                advisory.firstFixedAt(),
                advisory.fixes().stream().map(FixView::of).toList(),
                notFixedOn,
                new Links(
                        "/api/v1/advisories/" + advisory.id(),
                        "/api/v1/advisories/" + advisory.id() + "/osv.json",
                        "/advisories/" + advisory.id(),
                        UpstreamLinks.advisory(advisory.number())));
    }
}
