package org.xenproject.supportstatus.page;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.xenproject.supportstatus.release.CurrentCatalog;
import org.xenproject.supportstatus.supportmd.SupportLevel;

/** {@code GET /}: the support matrix as a web page (SPEC 6), rendered in one request from the catalog. */
@Controller
@Hidden
class MatrixPageController {

    private final CurrentCatalog catalog;
    private final Clock clock;

    MatrixPageController(CurrentCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    String matrix(@RequestParam(required = false) String arch, @RequestParam(required = false) String level,
            @RequestParam(required = false) String q, Model model) {
        PageFilter filter = PageFilter.of(arch, level, q);
        model.addAttribute("filter", filter);
        model.addAttribute("arches", PageFilter.ARCHES);
        model.addAttribute("levels", Arrays.stream(SupportLevel.values()).map(SupportLevel::id).toList());
        model.addAttribute("table", MatrixTable.of(catalog.get(), filter, LocalDate.now(clock)));
        return "page/matrix";
    }
}
