package org.xenproject.supportstatus.web.advisory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xenproject.supportstatus.release.PointRelease;
import org.xenproject.supportstatus.release.UpstreamLinks;
import org.xenproject.supportstatus.snapshot.Advisories;
import org.xenproject.supportstatus.snapshot.Release;
import org.xenproject.supportstatus.store.FixCommit;

/**
 * An advisory as an OSV record (the OSV schema of ossf/osv-schema, 1.7), as OSV's own tools read
 * one: one {@code GIT} range on xen.git per release whose branch has the fix, from the commit its
 * {@code Fixes:} lines name (or {@code "0"}, from the start) to the branch's fix commit, and the
 * point releases that lack the fix as the affected versions.
 *
 * <p>Its id is {@code x_XSA-507}: the schema takes ids of the databases it knows, and {@code x_}
 * for any other, such as this one; the advisory's own id is in {@code database_specific}, its
 * CVEs are the aliases.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record Osv(
        @JsonProperty("schema_version") String schemaVersion,
        String id,
        Instant modified,
        Instant published,
        List<String> aliases,
        String summary,
        String details,
        List<Affected> affected,
        List<Reference> references,
        @JsonProperty("database_specific") DatabaseSpecific databaseSpecific) {

    static final String SCHEMA_VERSION = "1.7.5";

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Affected(
            List<Range> ranges,
            List<String> versions,
            @JsonProperty("database_specific") Branch databaseSpecific) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Branch(String release, String branch) {}

    record Range(String type, String repo, List<Map<String, String>> events) {}

    record Reference(String type, String url) {}

    record DatabaseSpecific(String xsa, String url) {}

    /** The record's id, and its file's name in the archive of every record. */
    static String id(Advisories.Advisory advisory) {
        return "x_" + advisory.id();
    }

    static Osv of(Advisories.Advisory advisory, List<Release> releases, String base) {
        List<Affected> affected = new ArrayList<>();
        List<Reference> references = new ArrayList<>();
        references.add(new Reference("ADVISORY", UpstreamLinks.advisory(advisory.number())));
        for (Advisories.Fix fix : advisory.fixes()) {
            List<Map<String, String>> events = new ArrayList<>();
            Set<String> introduced = new LinkedHashSet<>();
            for (FixCommit commit : fix.commits()) {
                commit.introducedBy().stream()
                        .map(FixCommit.Introduced::resolved)
                        .filter(id -> id != null)
                        .forEach(introduced::add);
            }
            if (introduced.isEmpty()) {
                introduced.add("0");
            }
            introduced.forEach(id -> events.add(Map.of("introduced", id)));
            events.add(Map.of("fixed", fix.commit().commit()));
            Release release = releases.stream()
                    .filter(r -> r.version().equals(fix.release()))
                    .findFirst()
                    .orElse(null);
            List<String> versions = release == null
                    ? List.of()
                    : release.pointReleases().stream()
                            .filter(p -> fix.pointRelease() == null
                                    || p.patch() < fix.pointRelease().patch())
                            .map(PointRelease::version)
                            .sorted()
                            .toList();
            affected.add(new Affected(
                    List.of(new Range("GIT", UpstreamLinks.XEN_GIT, events)),
                    versions,
                    new Branch(fix.release(), release == null ? null : release.branch())));
            fix.commits()
                    .forEach(commit -> references.add(new Reference("FIX", UpstreamLinks.commit(commit.commit()))));
        }
        FixCommit first = advisory.fixes().stream()
                .flatMap(f -> f.commits().stream())
                .min((a, b) -> a.committedAt().compareTo(b.committedAt()))
                .orElseThrow();
        return new Osv(
                SCHEMA_VERSION,
                id(advisory),
                advisory.modified(),
                advisory.firstFixedAt(),
                advisory.cves(),
                advisory.id() + ": " + first.subject(),
                "Xen Security Advisory " + advisory.id() + ", as the commits of xen.git that fix it say. Fixed on "
                        + String.join(
                                ", ",
                                advisory.fixes().stream()
                                        .map(Advisories.Fix::release)
                                        .toList())
                        + ". Xen's own advisory: " + UpstreamLinks.advisory(advisory.number()),
                affected,
                references,
                new DatabaseSpecific(advisory.id(), base + "/api/v1/advisories/" + advisory.id()));
    }
}
