package org.xenproject.supportstatus.web.page;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.constraints.NotNull;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.xenproject.supportstatus.snapshot.Snapshot;
import org.xenproject.supportstatus.snapshot.Snapshots;
import org.xenproject.supportstatus.supportmd.SupportLevel;
import org.xenproject.supportstatus.web.answer.Answer;
import org.xenproject.supportstatus.web.param.Parameters;
import org.xenproject.supportstatus.web.param.SearchText;

/** {@code GET /}: the support matrix as a web page, rendered once per snapshot and filter. */
@Controller
@Hidden
class MatrixPageController {

    static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

    private final Snapshots snapshots;
    private final PageRenderer pages;

    MatrixPageController(Snapshots snapshots, PageRenderer pages) {
        this.snapshots = snapshots;
        this.pages = pages;
    }

    /** The question answered here: what the page depends on, as read. */
    record MatrixPageQuestion(PageFilter filter) {}

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    Answer<String> matrix(
            @RequestParam(required = false) String arch,
            @RequestParam(required = false) Set<@NotNull(message = Parameters.EMPTY_ITEM) SupportLevel> level,
            @RequestParam(required = false) SearchText q) {
        PageFilter filter = PageFilter.of(arch, level, q);
        Snapshot snapshot = snapshots.current();
        return Answer.of(
                snapshot,
                new MatrixPageQuestion(filter),
                HTML,
                () -> pages.render(
                        "page/matrix",
                        Map.of(
                                "filter",
                                filter,
                                "arches",
                                PageFilter.ARCHES,
                                "levels",
                                Arrays.stream(SupportLevel.values())
                                        .map(SupportLevel::id)
                                        .toList(),
                                "table",
                                MatrixTable.of(snapshot, filter, snapshot.day()))));
    }
}
