package org.xenproject.supportstatus.web.page;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.xenproject.supportstatus.release.ReleaseVersion;
import org.xenproject.supportstatus.release.RevisionPoint;
import org.xenproject.supportstatus.snapshot.LifecycleAt;
import org.xenproject.supportstatus.snapshot.Release;
import org.xenproject.supportstatus.snapshot.Snapshot;
import org.xenproject.supportstatus.snapshot.Snapshots;
import org.xenproject.supportstatus.web.answer.Answer;
import org.xenproject.supportstatus.web.lifecycle.LifecycleEvent;

/** {@code GET /releases/{version}}: one release as a web page; versions are named as in the API. */
@Controller
@Hidden
class ReleasePageController {

    private final Snapshots snapshots;
    private final PageRenderer pages;

    ReleasePageController(Snapshots snapshots, PageRenderer pages) {
        this.snapshots = snapshots;
        this.pages = pages;
    }

    /** The question answered here: what the page depends on, as read. */
    record ReleasePageQuestion(ReleaseVersion version, RevisionPoint at) {}

    /** Now, or with {@code at=} as the release's own history stood at a commit or on a day. */
    @GetMapping(path = "/releases/{version}", produces = MediaType.TEXT_HTML_VALUE)
    Answer<String> release(@PathVariable ReleaseVersion version, @RequestParam(required = false) RevisionPoint at) {
        Snapshot snapshot = snapshots.current();
        Release now = snapshot.release(version);
        Release release = at == null
                ? now
                : snapshot.releaseAt(now, at)
                        .orElseThrow(() -> new Snapshot.NoSuchRevision("No stored revision of " + now.branch()
                                + "'s SUPPORT.md at '" + LifecycleAt.describe(at) + "'"));
        LocalDate day = LifecycleAt.day(snapshot, null, at);
        return Answer.of(
                snapshot,
                new ReleasePageQuestion(version, at),
                MatrixPageController.HTML,
                () -> pages.render(
                        "page/release",
                        Map.of(
                                "release",
                                ReleaseDetails.of(
                                        release,
                                        snapshot.history(now),
                                        day,
                                        // The page links within the site: the events' links need no host.
                                        LifecycleEvent.upTo(snapshot, List.of(now), snapshot.day(), ""),
                                        at != null,
                                        FixLines.of(
                                                snapshot.advisories(at instanceof RevisionPoint.Day d ? d.day() : null)
                                                        .of(now.version()))))));
    }
}
