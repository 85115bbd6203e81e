package org.xenproject.supportstatus.web.page;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.xenproject.supportstatus.snapshot.Advisories;
import org.xenproject.supportstatus.snapshot.Snapshot;
import org.xenproject.supportstatus.snapshot.Snapshots;
import org.xenproject.supportstatus.web.answer.Answer;
import org.xenproject.supportstatus.web.param.AdvisoryId;

/** {@code GET /advisories/{id}}: one advisory as a web page, where it was fixed and since when. */
@Controller
@Hidden
class AdvisoryPageController {

    private final Snapshots snapshots;
    private final PageRenderer pages;

    AdvisoryPageController(Snapshots snapshots, PageRenderer pages) {
        this.snapshots = snapshots;
        this.pages = pages;
    }

    /** The question answered here: what the page depends on, as read. */
    record AdvisoryPageQuestion(int number) {}

    @GetMapping(path = "/advisories/{id}", produces = MediaType.TEXT_HTML_VALUE)
    Answer<String> advisory(@PathVariable AdvisoryId id) {
        Snapshot snapshot = snapshots.current();
        Advisories.Advisory advisory =
                snapshot.advisories(null).get(id.number()).orElseThrow(() -> new Snapshot.NoSuchAdvisory(id.number()));
        return Answer.of(
                snapshot,
                new AdvisoryPageQuestion(id.number()),
                MatrixPageController.HTML,
                () -> pages.render(
                        "page/advisory",
                        Map.of("a", FixLines.AdvisoryDetails.of(advisory, snapshot.notFixedOn(advisory)))));
    }
}
