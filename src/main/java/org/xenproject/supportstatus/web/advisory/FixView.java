package org.xenproject.supportstatus.web.advisory;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.xenproject.supportstatus.release.PointRelease;
import org.xenproject.supportstatus.release.UpstreamLinks;
import org.xenproject.supportstatus.snapshot.Advisories;
import org.xenproject.supportstatus.store.FixCommit;

/** One advisory's fix on one release's branch. */
@Schema(name = "SecurityFix")
public record FixView(
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The advisory, in a release's list of fixes")
        String advisory,

        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Its CVEs, in a release's list of fixes")
        List<String> cves,

        String release,

        @Schema(description = "The commit on the branch that completed the fix")
        String commit,

        Instant committedAt,
        String subject,

        @Schema(
                description = "The commit it was picked from (master's), in full where it names one commit of "
                        + "xen.git, else as written (and listed in unresolved)")
        String pickedFrom,

        @Schema(description = "The commits its Fixes: lines name: the change that brought the bug in")
        List<String> introducedBy,

        @Schema(
                description =
                        "The earliest point release that holds the whole fix; null while it is on the branch " + "only")
        String pointRelease,

        @Schema(description = "The commit in Xen's gitweb") String link,

        @Schema(description = "Every commit of the fix on the branch, newest first (a series is several)")
        List<String> commits,

        @Schema(description = "Ids the messages name that name no commit of xen.git, kept as written")
        List<String> unresolved,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "For a point release: whether a system running it has the fix")
        Boolean included) {

    static FixView of(Advisories.Fix fix) {
        return of(fix, null, null, null);
    }

    /** In a release's list, with its advisory, and whether {@code point} has it (when named). */
    static FixView of(Advisories.Fix fix, Advisories.Advisory advisory, PointRelease point, Boolean included) {
        FixCommit last = fix.commit();
        Set<String> introduced = new LinkedHashSet<>();
        Set<String> unresolved = new LinkedHashSet<>();
        for (FixCommit commit : fix.commits()) {
            for (FixCommit.Introduced by : commit.introducedBy()) {
                introduced.add(by.resolved() != null ? by.resolved() : by.written());
                if (by.resolved() == null) {
                    unresolved.add(by.written());
                }
            }
            if (commit.pickedFrom() != null && commit.pickedFromResolved() == null) {
                unresolved.add(commit.pickedFrom());
            }
        }
        return new FixView(
                advisory == null ? null : advisory.id(),
                advisory == null ? null : advisory.cves(),
                fix.release(),
                last.commit(),
                last.committedAt(),
                last.subject(),
                last.pickedFromResolved() != null ? last.pickedFromResolved() : last.pickedFrom(),
                new ArrayList<>(introduced),
                fix.pointRelease() == null ? null : fix.pointRelease().version(),
                UpstreamLinks.commit(last.commit()),
                fix.commits().stream().map(FixCommit::commit).toList(),
                new ArrayList<>(unresolved),
                included);
    }
}
