package org.xenproject.supportstatus.web.page;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.xenproject.supportstatus.release.ReleaseVersion;
import org.xenproject.supportstatus.snapshot.Release;
import org.xenproject.supportstatus.snapshot.Snapshot;
import org.xenproject.supportstatus.snapshot.Snapshots;
import org.xenproject.supportstatus.web.answer.Answers;
import org.xenproject.supportstatus.web.lifecycle.LifecycleEvent;

/** {@code GET /releases/{version}}: one release as a web page; versions are named as in the API. */
@Controller
@Hidden
class ReleasePageController {

    private final Snapshots snapshots;
    private final Answers answers;
    private final PageRenderer pages;

    ReleasePageController(Snapshots snapshots, Answers answers, PageRenderer pages) {
        this.snapshots = snapshots;
        this.answers = answers;
        this.pages = pages;
    }

    @GetMapping(path = "/releases/{version}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> release(
            HttpServletRequest request, HttpServletResponse response, @PathVariable ReleaseVersion version)
            throws IOException {
        Snapshot snapshot = snapshots.current();
        Release release = snapshot.release(version);
        return answers.of(
                request,
                response,
                snapshot,
                new Snapshot.Key("release page", version),
                MatrixPageController.HTML,
                () -> pages.render(
                        "page/release",
                        Map.of(
                                "release",
                                ReleaseDetails.of(
                                        release,
                                        snapshot.history(release),
                                        snapshot.day(),
                                        // The page links within the site: the events' links need no host.
                                        LifecycleEvent.upTo(snapshot, List.of(release), snapshot.day(), ""))),
                        request,
                        response));
    }
}
