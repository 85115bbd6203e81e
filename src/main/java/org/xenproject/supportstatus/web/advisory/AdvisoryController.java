package org.xenproject.supportstatus.web.advisory;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.OptionalInt;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xenproject.supportstatus.release.PointRelease;
import org.xenproject.supportstatus.release.ReleaseVersion;
import org.xenproject.supportstatus.snapshot.Advisories;
import org.xenproject.supportstatus.snapshot.Release;
import org.xenproject.supportstatus.snapshot.Snapshot;
import org.xenproject.supportstatus.snapshot.Snapshots;
import org.xenproject.supportstatus.web.answer.Answer;
import org.xenproject.supportstatus.web.answer.Feeds;
import org.xenproject.supportstatus.web.answer.PublicLinks;
import org.xenproject.supportstatus.web.param.AdvisoryId;
import org.xenproject.supportstatus.web.param.Cve;
import org.xenproject.supportstatus.web.problem.NotFoundException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Xen Security Advisories and their fixes per release, from xen.git's commit messages
 * (docs/advisories.md): as JSON, as OSV records, and as an Atom feed.
 */
@RestController
@Tag(name = "Advisories")
class AdvisoryController {

    static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final Snapshots snapshots;
    private final PublicLinks links;
    private final JsonMapper json;

    AdvisoryController(Snapshots snapshots, PublicLinks links, JsonMapper json) {
        this.snapshots = snapshots;
        this.links = links;
        this.json = json;
    }

    /* The questions answered here: what each answer depends on, as the endpoint read it. */

    record AdvisoriesQuestion(ReleaseVersion release, String cve, LocalDate since, LocalDate at, int page, int size) {}

    record AdvisoryQuestion(int number, LocalDate at) {}

    record ReleaseAdvisoriesQuestion(ReleaseVersion release, Integer pointRelease, LocalDate at) {}

    record OsvQuestion(String linkBase, int number) {}

    record OsvArchiveQuestion(String linkBase) {}

    record FeedQuestion(String linkBase) {}

    @Schema(name = "AdvisoryPage")
    record AdvisoryPage(
            @Schema(description = "The day the answer is as known on")
            LocalDate asOf,

            int page,
            int size,
            int total,
            List<AdvisoryView> advisories) {}

    @Operation(
            summary = "Xen Security Advisories with their fixes per release, newest first, a page at a time",
            description = "Every advisory a commit of an imported branch says it fixes, newest first (by its first "
                    + "fix), with one fix per release whose branch has a commit for it, and the releases security "
                    + "supported then that have none. at= answers as known at the end of a day.")
    @GetMapping(path = "/api/v1/advisories", produces = MediaType.APPLICATION_JSON_VALUE)
    Answer<AdvisoryPage> advisories(
            @Parameter(description = "Only advisories fixed on this release (4.17, stable-4.17, 4.17.3)")
                    @RequestParam(required = false)
                    ReleaseVersion release,
            @Parameter(description = "Only the advisory of this CVE, e.g. CVE-2026-62434")
                    @RequestParam(required = false)
                    Cve cve,
            @Parameter(description = "Only advisories first fixed on or after this day (YYYY-MM-DD)")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate since,
            @Parameter(description = "As known at the end of this day (YYYY-MM-DD): the commits and tags made by then")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate at,
            @Parameter(description = "Page number, from 0")
                    @RequestParam(defaultValue = "0")
                    @Min(value = 0, message = "must be a whole number from 0")
                    int page,
            @Parameter(description = "Advisories per page, 1 to 200; default 50")
                    @RequestParam(defaultValue = "50")
                    @Min(value = 1, message = "must be a whole number from 1 to " + Feeds.MAX_PAGE_SIZE)
                    @Max(
                            value = Feeds.MAX_PAGE_SIZE,
                            message = "must be a whole number from 1 to " + Feeds.MAX_PAGE_SIZE)
                    int size) {
        Snapshot snapshot = snapshots.current();
        String version = release == null ? null : snapshot.release(release).version();
        String cveId = Cve.valueOf(cve);
        return Answer.of(snapshot, new AdvisoriesQuestion(release, cveId, since, at, page, size), () -> {
            List<Advisories.Advisory> all = snapshot.advisories(at).all().stream()
                    .filter(a -> version == null || a.on(version).isPresent())
                    .filter(a -> cveId == null || a.cves().contains(cveId))
                    .filter(a -> since == null || !a.firstFixDay().isBefore(since))
                    .toList();
            List<AdvisoryView> views = Feeds.page(all, page, size).stream()
                    .map(a -> AdvisoryView.of(a, snapshot.notFixedOn(a)))
                    .toList();
            return new AdvisoryPage(at == null ? snapshot.day() : at, page, size, all.size(), views);
        });
    }

    @Operation(
            summary = "One Xen Security Advisory: where it was fixed, and since when",
            description = "Its CVEs, one fix per release whose branch has a commit for it (with the point release "
                    + "that first holds it), and the releases security supported on the day of its first fix that "
                    + "have none.")
    @GetMapping(path = "/api/v1/advisories/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Answer<AdvisoryView> advisory(
            @Parameter(description = "XSA-507 or 507", schema = @Schema(type = "string", example = "XSA-507"))
                    @PathVariable
                    AdvisoryId id,
            @Parameter(description = "As known at the end of this day (YYYY-MM-DD)")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate at) {
        Snapshot snapshot = snapshots.current();
        return Answer.of(snapshot, new AdvisoryQuestion(id.number(), at), () -> {
            Advisories.Advisory advisory = find(snapshot.advisories(at), id);
            return AdvisoryView.of(advisory, snapshot.notFixedOn(advisory));
        });
    }

    @Schema(name = "ReleaseAdvisories")
    record ReleaseAdvisories(
            @Schema(example = "4.17") String release,

            @Schema(
                    description = "The point release the fixes are held against: the one the URL names (4.17.3), "
                            + "else the latest; null while the release has none")
            String pointRelease,

            @Schema(
                    description = "How many of the fixes on the branch that point release lacks: what a system "
                            + "running it is missing")
            int pending,

            @Schema(description = "The fixes on the branch, newest first")
            List<FixView> fixes) {}

    @Operation(
            summary = "The security fixes on a release's branch, newest first, and what a point release lacks",
            description = "Every advisory fixed on the release's branch, each with its fix. Each fix says whether "
                    + "the point release the URL names (4.17.3), or else the latest, holds it, and pending counts "
                    + "those it lacks.")
    @GetMapping(path = "/api/v1/releases/{version}/advisories", produces = MediaType.APPLICATION_JSON_VALUE)
    Answer<ReleaseAdvisories> releaseAdvisories(
            @Parameter(
                            description =
                                    "4.17, 4.17.3 (a point release: its branch, and what that point release lacks), "
                                            + "stable-4.17, unstable or master")
                    @PathVariable
                    ReleaseVersion version,
            @Parameter(hidden = true) @PathVariable("version") String named,
            @Parameter(description = "As known at the end of this day (YYYY-MM-DD)")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate at) {
        Snapshot snapshot = snapshots.current();
        Release release = snapshot.release(version);
        OptionalInt patch = PointRelease.patchNamedBy(named);
        Integer point = patch.isPresent() ? patch.getAsInt() : null;
        return Answer.of(snapshot, new ReleaseAdvisoriesQuestion(version, point, at), () -> {
            List<PointRelease> tags = release.pointReleases().stream()
                    .filter(p -> at == null
                            || p.taggedAt() == null
                            || !p.taggedAt()
                                    .atOffset(ZoneOffset.UTC)
                                    .toLocalDate()
                                    .isAfter(at))
                    .toList();
            PointRelease against = point == null
                    ? tags.stream().findFirst().orElse(null)
                    : tags.stream()
                            .filter(p -> p.patch() == point)
                            .findFirst()
                            .orElseThrow(() -> new NotFoundException("Release " + release.version()
                                    + " has no point release " + named + (at == null ? "" : " by " + at)));
            List<FixView> fixes = new ArrayList<>();
            int pending = 0;
            for (Advisories.ReleaseFix fix : snapshot.advisories(at).of(release.version())) {
                boolean included = fix.fix().in(against);
                pending += included ? 0 : 1;
                fixes.add(FixView.of(fix.fix(), fix.advisory(), against, included));
            }
            return new ReleaseAdvisories(release.version(), against == null ? null : against.version(), pending, fixes);
        });
    }

    @Operation(
            summary = "One advisory as an OSV record",
            description = "The advisory in the OSV format of ossf/osv-schema, for vulnerability scanners: one GIT "
                    + "range on xen.git per fixed branch, the point releases it affects, its CVEs as aliases. Its "
                    + "id is x_XSA-507: OSV ids name their database, and x_ is for one OSV does not gather.")
    @GetMapping(path = "/api/v1/advisories/{id}/osv.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(
            responseCode = "200",
            description = "An OSV record",
            content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
    Answer<Object> osv(
            @Parameter(description = "XSA-507 or 507", schema = @Schema(type = "string", example = "XSA-507"))
                    @PathVariable
                    AdvisoryId id) {
        Snapshot snapshot = snapshots.current();
        String base = links.base();
        return Answer.of(
                snapshot,
                new OsvQuestion(base, id.number()),
                () -> Osv.of(find(snapshot.advisories(null), id), snapshot.releases(), base));
    }

    @Operation(
            summary = "Every advisory as an OSV record, in one zip archive",
            description = "One file per advisory (x_XSA-507.json), as OSV's own tools read a local database.")
    @GetMapping(path = "/api/v1/osv/all.zip", produces = "application/zip")
    @ApiResponse(
            responseCode = "200",
            description = "A zip archive of OSV records",
            content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
    Answer<byte[]> osvArchive() {
        Snapshot snapshot = snapshots.current();
        String base = links.base();
        return Answer.of(snapshot, new OsvArchiveQuestion(base), ZIP, () -> zip(snapshot, base));
    }

    private byte[] zip(Snapshot snapshot, String base) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Advisories.Advisory advisory : snapshot.advisories(null).all()) {
                ZipEntry entry = new ZipEntry(Osv.id(advisory) + ".json");
                // The same bytes for the same records: the archive's tag depends on nothing else.
                entry.setTime(advisory.modified().toEpochMilli());
                zip.putNextEntry(entry);
                zip.write(json.writeValueAsBytes(Osv.of(advisory, snapshot.releases(), base)));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Operation(
            summary = "Security fixes as they land, newest first, as an Atom 1.0 feed",
            description = "One entry per fix of an advisory on a release, linking to the release's web page.")
    @GetMapping(path = "/api/v1/advisories.atom", produces = "application/atom+xml")
    Answer<String> atom() {
        Snapshot snapshot = snapshots.current();
        String base = links.base();
        return Answer.of(snapshot, new FeedQuestion(base), Feeds.ATOM, () -> atom(base, snapshot.advisories(null)));
    }

    private static String atom(String base, Advisories advisories) {
        List<Advisories.ReleaseFix> fixes = advisories.fixes();
        SyndFeed atom = new SyndFeedImpl();
        atom.setTitle("Xen security fixes");
        atom.setDescription("Xen Security Advisories as their fixes land on each release's branch");
        atom.setUri(base + "/api/v1/advisories.atom");
        atom.setLinks(List.of(
                Feeds.link(base + "/api/v1/advisories.atom", "self", "application/atom+xml"),
                Feeds.link(base + "/", "alternate", "text/html")));
        atom.setPublishedDate(
                fixes.isEmpty()
                        ? new Date(0)
                        : Date.from(fixes.get(0).fix().commit().committedAt()));
        List<SyndEntry> entries = new ArrayList<>();
        for (Advisories.ReleaseFix fix : Feeds.newest(fixes)) {
            String release = fix.fix().release();
            String link = base + "/releases/" + release;
            SyndEntry entry = new SyndEntryImpl();
            entry.setUri("urn:xen-support:fix:" + fix.advisory().id() + ":" + release + ":"
                    + fix.fix().commit().commit());
            entry.setTitle(fix.advisory().id() + " fixed on " + release + ": "
                    + fix.fix().commit().subject());
            Date when = Date.from(fix.fix().commit().committedAt());
            entry.setPublishedDate(when);
            entry.setUpdatedDate(when);
            entry.setLink(link);
            entry.setLinks(List.of(
                    Feeds.link(link, "alternate", "text/html"),
                    Feeds.link(base + "/advisories/" + fix.advisory().id(), "related", "text/html")));
            SyndContent summary = new SyndContentImpl();
            summary.setType("text");
            summary.setValue(fix.advisory().id()
                    + (fix.advisory().cves().isEmpty()
                            ? ""
                            : " (" + String.join(", ", fix.advisory().cves()) + ")")
                    + " on " + release + ", commit " + fix.fix().commit().commit()
                    + (fix.fix().pointRelease() == null
                            ? ", on the branch only"
                            : ", in " + fix.fix().pointRelease().version()));
            entry.setDescription(summary);
            entries.add(entry);
        }
        atom.setEntries(entries);
        return Feeds.atom(atom);
    }

    private static Advisories.Advisory find(Advisories advisories, AdvisoryId id) {
        return advisories.get(id.number()).orElseThrow(() -> new Snapshot.NoSuchAdvisory(id.number()));
    }
}
