package org.xenproject.supportstatus.web.page;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.xenproject.supportstatus.release.UpstreamLinks;
import org.xenproject.supportstatus.snapshot.Advisories;
import org.xenproject.supportstatus.store.FixCommit;

/** The security fixes as the pages show them: a line per fix, each commit linked to Xen's gitweb. */
final class FixLines {

    private FixLines() {}

    /** A commit, as people quote it, and its page. */
    record CommitLink(String shortId, String link) {
        static CommitLink of(FixCommit commit) {
            return new CommitLink(commit.commit().substring(0, 12), UpstreamLinks.commit(commit.commit()));
        }
    }

    /**
     * One advisory's fix on a release.
     *
     * @param pointRelease the earliest point release holding it, or null while on the branch only
     */
    record FixLine(
            String advisory,
            List<String> cves,
            String release,
            String day,
            String pointRelease,
            List<CommitLink> commits,
            String subject) {

        static FixLine of(Advisories.Advisory advisory, Advisories.Fix fix) {
            return new FixLine(
                    advisory.id(),
                    advisory.cves(),
                    fix.release(),
                    FixLines.day(fix.commit().committedAt()),
                    fix.pointRelease() == null ? null : fix.pointRelease().version(),
                    fix.commits().stream().map(CommitLink::of).toList(),
                    fix.commit().subject());
        }
    }

    /** An advisory's page: where it was fixed and since when. */
    record AdvisoryDetails(
            String id,
            List<String> cves,
            String firstFixed,
            String xenbits,
            List<FixLine> fixes,
            List<String> notFixedOn) {

        static AdvisoryDetails of(Advisories.Advisory advisory, List<String> notFixedOn) {
            return new AdvisoryDetails(
                    advisory.id(),
                    advisory.cves(),
                    FixLines.day(advisory.firstFixedAt()),
                    UpstreamLinks.advisory(advisory.number()),
                    advisory.fixes().stream()
                            .map(fix -> FixLine.of(advisory, fix))
                            .toList(),
                    notFixedOn);
        }
    }

    static List<FixLine> of(List<Advisories.ReleaseFix> fixes) {
        return fixes.stream().map(f -> FixLine.of(f.advisory(), f.fix())).toList();
    }

    private static String day(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
}
