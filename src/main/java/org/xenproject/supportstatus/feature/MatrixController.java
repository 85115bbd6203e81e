package org.xenproject.supportstatus.feature;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xenproject.supportstatus.release.Catalog;
import org.xenproject.supportstatus.release.CatalogRelease;
import org.xenproject.supportstatus.release.CurrentCatalog;
import org.xenproject.supportstatus.system.InvalidParameterException;
import org.xenproject.supportstatus.system.QueryParameters;

/** The support matrix across releases, as JSON or CSV. */
@RestController
@Tag(name = "Features")
class MatrixController {

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final CurrentCatalog catalog;

    MatrixController(CurrentCatalog catalog) {
        this.catalog = catalog;
    }

    @Operation(summary = "The support matrix: rows of features and statuses, a column per release")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = Matrix.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @GetMapping(path = "/api/v1/matrix", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    ResponseEntity<?> matrix(
            @Parameter(description = "Only statuses that apply to this architecture",
                    schema = @Schema(allowableValues = {"x86", "arm", "arm32", "arm64"}))
            @RequestParam(required = false) String arch,
            @Parameter(description = "Only statuses of this level (comma-separated for several)")
            @RequestParam(required = false) String level,
            @Parameter(description = "Only rows in this section (a section key)")
            @RequestParam(required = false) String section,
            @Parameter(description = "Only these releases, comma-separated, e.g. 4.21,4.22")
            @RequestParam(required = false) String releases,
            @Parameter(description = "csv or json; overrides the Accept header")
            @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean csv = wantsCsv(format, accept);
        FeatureFilter filter = FeatureFilter.of(arch, level, null, section, null);
        Matrix matrix = Matrix.of(columns(catalog.get(), releases), filter);
        return csv
                ? ResponseEntity.ok().contentType(TEXT_CSV).body(matrix.toCsv())
                : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(matrix);
    }

    /** {@code format=} wins; else CSV only when the client asks for it rather than JSON. */
    static boolean wantsCsv(String format, String accept) {
        if (format != null) {
            return switch (format) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw new InvalidParameterException("format", "'" + QueryParameters.printable(format)
                        + "' is not one of csv, json");
            };
        }
        if (accept == null) {
            return false;
        }
        List<MediaType> types;
        try {
            types = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : types) {
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
                return false;
            }
            if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
                return true;
            }
        }
        return false;
    }

    private static List<CatalogRelease> columns(Catalog catalog, String releases) {
        if (releases == null || releases.isBlank()) {
            return catalog.releases();
        }
        List<CatalogRelease> chosen = new ArrayList<>();
        for (String name : QueryParameters.list(releases, part -> part)) {
            CatalogRelease release = catalog.named("releases", name);
            if (!chosen.contains(release)) {
                chosen.add(release);
            }
        }
        return chosen;
    }
}
