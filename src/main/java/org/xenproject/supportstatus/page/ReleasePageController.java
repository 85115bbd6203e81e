package org.xenproject.supportstatus.page;

import java.time.Clock;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.xenproject.supportstatus.release.CatalogRelease;
import org.xenproject.supportstatus.release.CurrentCatalog;
import org.xenproject.supportstatus.release.ReleaseHistory;

/** {@code GET /releases/{version}}: one release as a web page; versions are named as in the API. */
@Controller
@Hidden
class ReleasePageController {

    private final CurrentCatalog catalog;
    private final ReleaseHistory history;
    private final Clock clock;

    ReleasePageController(CurrentCatalog catalog, ReleaseHistory history, Clock clock) {
        this.catalog = catalog;
        this.history = history;
        this.clock = clock;
    }

    @GetMapping(path = "/releases/{version}", produces = MediaType.TEXT_HTML_VALUE)
    String release(@PathVariable String version, Model model) {
        CatalogRelease release = catalog.get().named("version", version);
        model.addAttribute("release", ReleaseDetails.of(release, history.of(release), LocalDate.now(clock)));
        return "page/release";
    }
}
