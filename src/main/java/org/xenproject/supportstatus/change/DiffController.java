package org.xenproject.supportstatus.change;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xenproject.supportstatus.release.Catalog;
import org.xenproject.supportstatus.release.CatalogRelease;
import org.xenproject.supportstatus.release.CurrentCatalog;
import org.xenproject.supportstatus.system.InvalidParameterException;

/** What changed from one release to another. */
@RestController
@Tag(name = "Changes")
class DiffController {

    private final CurrentCatalog catalog;

    DiffController(CurrentCatalog catalog) {
        this.catalog = catalog;
    }

    @Schema(name = "Diff")
    record Diff(String from, String to, List<Changes.StatusEntry> added, List<Changes.StatusEntry> removed,
            List<Changes.StatusChange> changed, List<Changes.LifecycleChange> lifecycle) {
    }

    @Operation(summary = "Statuses added, removed and changed, and lifecycle changes, between two releases")
    @GetMapping(path = "/api/v1/diff", produces = MediaType.APPLICATION_JSON_VALUE)
    Diff diff(@Parameter(description = "The older release, e.g. 4.21", required = true)
              @RequestParam(required = false) String from,
              @Parameter(description = "The newer release, e.g. 4.22", required = true)
              @RequestParam(required = false) String to) {
        Catalog current = catalog.get();
        CatalogRelease older = release(current, "from", from);
        CatalogRelease newer = release(current, "to", to);
        Changes changes = SupportChanges.between(older.document(), newer.document());
        return new Diff(older.version(), newer.version(), changes.added(), changes.removed(), changes.changed(),
                changes.lifecycle());
    }

    private static CatalogRelease release(Catalog catalog, String parameter, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidParameterException(parameter, "a release is required, e.g. 4.21");
        }
        return catalog.named(parameter, value);
    }
}
