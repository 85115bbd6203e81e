package org.xenproject.supportstatus.web.change;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xenproject.supportstatus.release.UpstreamLinks;
import org.xenproject.supportstatus.snapshot.ChangeFeed;
import org.xenproject.supportstatus.snapshot.Changes;
import org.xenproject.supportstatus.snapshot.Release;
import org.xenproject.supportstatus.snapshot.Snapshot;
import org.xenproject.supportstatus.snapshot.Snapshots;
import org.xenproject.supportstatus.web.answer.Answer;
import org.xenproject.supportstatus.web.answer.Feeds;
import org.xenproject.supportstatus.web.answer.PublicLinks;

/** The change feed: JSON for programs, Atom for feed readers. */
@RestController
@Tag(name = "Changes")
class ChangeController {

    private final Snapshots snapshots;
    private final PublicLinks links;

    ChangeController(Snapshots snapshots, PublicLinks links) {
        this.snapshots = snapshots;
        this.links = links;
    }

    /* The questions answered here: what each answer depends on, as the endpoint read it. */

    record ChangesQuestion(int page, int size) {}

    record FeedQuestion(String linkBase) {}

    @Schema(name = "ChangePage")
    record ChangePage(
            int page,
            int size,
            int total,

            @Schema(
                    description = "false while some release's history is not stored, only its current file "
                            + "(a first import still bringing the history, or an import without history): changes "
                            + "are then missing")
            boolean complete,

            List<ChangeFeed.Entry> entries) {}

    @Operation(
            summary = "Status and lifecycle changes across all releases, newest first, a page at a time",
            description =
                    "Every stored revision of any release's SUPPORT.md that changed a status or a lifecycle date, with what it changed.")
    @GetMapping(path = "/api/v1/changes", produces = MediaType.APPLICATION_JSON_VALUE)
    Answer<ChangePage> changes(
            @Parameter(description = "Page number, from 0")
                    @RequestParam(defaultValue = "0")
                    @Min(value = 0, message = "must be a whole number from 0")
                    int page,
            @Parameter(description = "Entries per page, 1 to 200; default 50")
                    @RequestParam(defaultValue = "50")
                    @Min(value = 1, message = "must be a whole number from 1 to " + Feeds.MAX_PAGE_SIZE)
                    @Max(
                            value = Feeds.MAX_PAGE_SIZE,
                            message = "must be a whole number from 1 to " + Feeds.MAX_PAGE_SIZE)
                    int size) {
        Snapshot snapshot = snapshots.current();
        return Answer.of(snapshot, new ChangesQuestion(page, size), () -> {
            List<ChangeFeed.Entry> all = snapshot.changes();
            List<ChangeFeed.Entry> entries = Feeds.page(all, page, size);
            boolean complete = snapshot.releases().stream().allMatch(Release::historyComplete);
            return new ChangePage(page, size, all.size(), complete, entries);
        });
    }

    @Operation(
            summary = "The latest changes as an Atom 1.0 feed",
            description =
                    "The newest changes for feed readers: each entry links to the release's web page, and to its history as JSON.")
    @GetMapping(path = "/api/v1/changes.atom", produces = "application/atom+xml")
    Answer<String> atom() {
        Snapshot snapshot = snapshots.current();
        String base = links.base();
        // The links name the host the client reached, so each host has its own bytes.
        return Answer.of(snapshot, new FeedQuestion(base), Feeds.ATOM, () -> atom(base, snapshot.changes()));
    }

    private String atom(String base, List<ChangeFeed.Entry> entries) {
        SyndFeed atom = new SyndFeedImpl();
        atom.setTitle("Xen support status: changes");
        atom.setDescription("Changes to SUPPORT.md across Xen releases: statuses and lifecycle dates");
        atom.setUri(base + "/api/v1/changes.atom");
        atom.setLink(base + "/api/v1/changes");
        atom.setLinks(List.of(
                Feeds.link(base + "/api/v1/changes.atom", "self", "application/atom+xml"),
                Feeds.link(base + "/", "alternate", "text/html")));
        atom.setPublishedDate(entries.isEmpty() ? new Date(0) : Date.from(time(entries.get(0))));
        List<SyndEntry> items = new ArrayList<>();
        for (ChangeFeed.Entry entry : Feeds.newest(entries)) {
            items.add(item(base, entry));
        }
        atom.setEntries(items);
        return Feeds.atom(atom);
    }

    private static SyndEntry item(String base, ChangeFeed.Entry entry) {
        SyndEntry item = new SyndEntryImpl();
        String release = entry.releases().get(0);
        item.setUri("urn:xen-support:change:" + entry.id());
        item.setTitle(String.join(", ", entry.releases()) + ": "
                + (entry.subject() != null ? entry.subject() : "SUPPORT.md changed"));
        item.setUpdatedDate(Date.from(time(entry)));
        item.setPublishedDate(Date.from(time(entry)));
        // Feed readers open the HTML alternate: the release's page, at the revision when there is one.
        String page = base + "/releases/" + release + (entry.commit() != null ? "#r-" + entry.commit() : "");
        List<SyndLink> links = new ArrayList<>();
        links.add(Feeds.link(page, "alternate", "text/html"));
        links.add(Feeds.link(base + "/api/v1/releases/" + release + "/history", "related", "application/json"));
        links.add(Feeds.link(UpstreamLinks.supportHtml(release), "via", "text/html"));
        item.setLinks(links);
        item.setLink(page);
        if (entry.author() != null) {
            SyndPerson author = new SyndPersonImpl();
            author.setName(entry.author());
            item.setAuthors(List.of(author));
        }
        SyndContent summary = new SyndContentImpl();
        summary.setType("text");
        summary.setValue(summary(entry.changes()));
        item.setDescription(summary);
        return item;
    }

    /** A plain-text account of the changes, a line each. */
    static String summary(Changes changes) {
        StringBuilder text = new StringBuilder();
        for (Changes.LifecycleChange c : changes.lifecycle()) {
            text.append(c.field())
                    .append(": ")
                    .append(c.from())
                    .append(" → ")
                    .append(c.to())
                    .append('\n');
        }
        for (Changes.StatusChange c : changes.changed()) {
            text.append(c.key())
                    .append(": ")
                    .append(c.from())
                    .append(" → ")
                    .append(c.to())
                    .append('\n');
        }
        for (Changes.StatusEntry s : changes.added()) {
            text.append("added ").append(s.key()).append(": ").append(s.text()).append('\n');
        }
        for (Changes.StatusEntry s : changes.removed()) {
            text.append("removed ")
                    .append(s.key())
                    .append(": ")
                    .append(s.text())
                    .append('\n');
        }
        return text.toString();
    }

    private static java.time.Instant time(ChangeFeed.Entry entry) {
        return entry.committedAt() != null ? entry.committedAt() : entry.importedAt();
    }
}
