package org.xenproject.supportstatus.web.lifecycle;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xenproject.supportstatus.release.ReleaseVersion;
import org.xenproject.supportstatus.snapshot.Release;
import org.xenproject.supportstatus.snapshot.Snapshot;
import org.xenproject.supportstatus.snapshot.Snapshots;
import org.xenproject.supportstatus.web.answer.Answer;
import org.xenproject.supportstatus.web.answer.Feeds;
import org.xenproject.supportstatus.web.answer.PublicLinks;
import org.xenproject.supportstatus.web.param.Parameters;

/** What happened to releases up to today: JSON for programs, Atom for feed readers. */
@RestController
@Tag(name = "Lifecycle")
class EventController {

    private final Snapshots snapshots;
    private final PublicLinks links;

    EventController(Snapshots snapshots, PublicLinks links) {
        this.snapshots = snapshots;
        this.links = links;
    }

    /* The questions answered here: what each answer depends on, as the endpoint read it. */

    record EventsQuestion(String linkBase, ReleaseVersion release, Set<String> types, int page, int size) {}

    record FeedQuestion(String linkBase) {}

    @Schema(name = "LifecycleEventPage")
    record EventPage(LocalDate asOf, int page, int size, int total, List<LifecycleEvent> events) {}

    @Operation(
            summary = "Lifecycle events up to today (UTC), newest first, a page at a time",
            description =
                    "What happened to releases: released, point-released, general and security support ended, security support ending (90, 30 and 7 days before), and lifecycle dates moved by a revision.")
    @GetMapping(path = "/api/v1/events", produces = MediaType.APPLICATION_JSON_VALUE)
    Answer<EventPage> events(
            @Parameter(description = "Only events of this release (4.17, stable-4.17, 4.17.3)")
                    @RequestParam(required = false)
                    ReleaseVersion release,
            @Parameter(
                            description = "Only events of this type (comma-separated for several)",
                            schema =
                                    @Schema(
                                            allowableValues = {
                                                "released",
                                                "point-released",
                                                "general-support-ended",
                                                "security-support-ended",
                                                "security-support-ending",
                                                "lifecycle-changed"
                                            }))
                    @RequestParam(required = false)
                    @Size(min = 1, message = Parameters.NOTHING_NAMED)
                    Set<LifecycleEvent.@NotNull(message = Parameters.EMPTY_ITEM) Type> type,
            @Parameter(description = "Page number, from 0")
                    @RequestParam(defaultValue = "0")
                    @Min(value = 0, message = "must be a whole number from 0")
                    int page,
            @Parameter(description = "Events per page, 1 to 200; default 50")
                    @RequestParam(defaultValue = "50")
                    @Min(value = 1, message = "must be a whole number from 1 to " + Feeds.MAX_PAGE_SIZE)
                    @Max(
                            value = Feeds.MAX_PAGE_SIZE,
                            message = "must be a whole number from 1 to " + Feeds.MAX_PAGE_SIZE)
                    int size) {
        Snapshot snapshot = snapshots.current();
        List<Release> releases = release == null ? snapshot.releases() : List.of(snapshot.release(release));
        Set<String> types = type == null
                ? Set.of()
                : type.stream().map(LifecycleEvent.Type::id).collect(java.util.stream.Collectors.toUnmodifiableSet());
        return Answer.of(snapshot, new EventsQuestion(links.base(), release, types, page, size), () -> {
            List<LifecycleEvent> all = LifecycleEvent.upTo(snapshot, releases, snapshot.day(), links.base()).stream()
                    .filter(e -> types.isEmpty() || types.contains(e.type()))
                    .toList();
            List<LifecycleEvent> events = Feeds.page(all, page, size);
            return new EventPage(snapshot.day(), page, size, all.size(), events);
        });
    }

    @Operation(
            summary = "The latest lifecycle events as an Atom 1.0 feed",
            description = "The newest lifecycle events for feed readers; each entry links to the release's web page.")
    @GetMapping(path = "/api/v1/events.atom", produces = "application/atom+xml")
    Answer<String> atom() {
        Snapshot snapshot = snapshots.current();
        return Answer.of(
                snapshot,
                new FeedQuestion(links.base()),
                Feeds.ATOM,
                () -> atom(LifecycleEvent.upTo(snapshot, snapshot.releases(), snapshot.day(), links.base())));
    }

    private String atom(List<LifecycleEvent> events) {
        String base = links.base();
        SyndFeed atom = new SyndFeedImpl();
        atom.setTitle("Xen releases: lifecycle events");
        atom.setDescription("Releases, point releases, ends of support and moved dates of Xen releases");
        atom.setUri(base + "/api/v1/events.atom");
        atom.setLinks(List.of(
                Feeds.link(base + "/api/v1/events.atom", "self", "application/atom+xml"),
                Feeds.link(base + "/", "alternate", "text/html")));
        atom.setPublishedDate(
                events.isEmpty() ? new Date(0) : date(events.get(0).date()));
        List<SyndEntry> entries = new ArrayList<>();
        for (LifecycleEvent event : Feeds.newest(events)) {
            SyndEntry entry = new SyndEntryImpl();
            entry.setUri("urn:xen-support:event:" + event.id());
            entry.setTitle(event.title());
            entry.setPublishedDate(date(event.date()));
            entry.setUpdatedDate(date(event.date()));
            entry.setLink(event.link());
            entry.setLinks(List.of(Feeds.link(event.link(), "alternate", "text/html")));
            SyndContent summary = new SyndContentImpl();
            summary.setType("text");
            summary.setValue(event.title() + " (" + event.date() + ")");
            entry.setDescription(summary);
            entries.add(entry);
        }
        atom.setEntries(entries);
        return Feeds.atom(atom);
    }

    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
