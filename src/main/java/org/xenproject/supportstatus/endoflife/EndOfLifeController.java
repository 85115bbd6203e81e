package org.xenproject.supportstatus.endoflife;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.xenproject.supportstatus.release.CatalogRelease;
import org.xenproject.supportstatus.release.CurrentCatalog;
import org.xenproject.supportstatus.release.ReleaseVersion;
import org.xenproject.supportstatus.system.InvalidParameterException;
import org.xenproject.supportstatus.system.NotFoundException;
import org.xenproject.supportstatus.system.QueryParameters;

/**
 * The lifecycle in the field names of endoflife.date's product API, so tools built for it work
 * unchanged. Only released cycles are listed; {@code support}/{@code eol} are {@code false} while
 * the file says the date is still to be decided, as endoflife.date does.
 */
@RestController
@Tag(name = "Releases")
class EndOfLifeController {

    private final CurrentCatalog catalog;
    private final JdbcClient jdbc;

    EndOfLifeController(CurrentCatalog catalog, JdbcClient jdbc) {
        this.catalog = catalog;
        this.jdbc = jdbc;
    }

    @Schema(name = "EndOfLifeCycle", description = "One release cycle as endoflife.date describes it")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Cycle(
            @Schema(example = "4.17") String cycle,
            LocalDate releaseDate,
            @Schema(description = "End of general support: a date, or false if not yet decided") Object support,
            @Schema(description = "End of security support: a date, or false if not yet decided") Object eol,
            @Schema(description = "The newest point release, from the RELEASE-X.Y.Z tags", example = "4.17.5")
            String latest,
            LocalDate latestReleaseDate,
            @Schema(description = "The release notes") String link,
            boolean lts) {
    }

    private record Latest(String version, LocalDate date) {
    }

    @Operation(summary = "Every released cycle, newest first, as endoflife.date lists them")
    @GetMapping(path = "/api/endoflife/xen.json", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Cycle> cycles() {
        Map<String, Latest> latest = latestPointReleases();
        return catalog.get().releases().stream()
                .filter(release -> !release.version().equals(ReleaseVersion.UNSTABLE.name()))
                .filter(release -> release.document().release().initialRelease() != null)
                .map(release -> cycle(release, latest.get(release.version())))
                .toList();
    }

    @Operation(summary = "One released cycle, as endoflife.date describes it")
    @GetMapping(path = "/api/endoflife/xen/{cycle}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    Cycle cycle(@Parameter(description = "A release cycle, e.g. 4.17") @PathVariable String cycle) {
        ReleaseVersion version = ReleaseVersion.parse(cycle).orElseThrow(() -> new InvalidParameterException(
                "cycle", "'" + QueryParameters.printable(cycle) + "' is not a release cycle such as 4.17"));
        return cycles().stream()
                .filter(c -> c.cycle().equals(version.name()))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No released cycle " + version));
    }

    private static Cycle cycle(CatalogRelease release, Latest latest) {
        var support = release.document().release();
        return new Cycle(release.version(), support.initialRelease(),
                support.supportedUntil() != null ? support.supportedUntil() : Boolean.FALSE,
                support.securitySupportUntil() != null ? support.securitySupportUntil() : Boolean.FALSE,
                latest != null ? latest.version() : support.xenVersion(),
                latest != null ? latest.date() : support.initialRelease(),
                support.releaseNotes(), false);
    }

    private Map<String, Latest> latestPointReleases() {
        Map<String, Latest> latest = new HashMap<>();
        jdbc.sql("""
                select distinct on (release_version) release_version, version, tagged_at
                from release_tag order by release_version, patch desc""")
                .query(rs -> {
                    OffsetDateTime tagged = rs.getObject("tagged_at", OffsetDateTime.class);
                    latest.put(rs.getString("release_version"), new Latest(rs.getString("version"),
                            tagged == null ? null : tagged.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate()));
                });
        return latest;
    }
}
