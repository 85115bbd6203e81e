package org.xenproject.supportstatus.web.feature;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xenproject.supportstatus.release.ReleaseVersion;
import org.xenproject.supportstatus.snapshot.FeatureFilter;
import org.xenproject.supportstatus.snapshot.FeatureFilter.ArchName;
import org.xenproject.supportstatus.snapshot.Matrix;
import org.xenproject.supportstatus.snapshot.Release;
import org.xenproject.supportstatus.snapshot.Snapshot;
import org.xenproject.supportstatus.snapshot.Snapshots;
import org.xenproject.supportstatus.supportmd.SupportLevel;
import org.xenproject.supportstatus.web.answer.Answers;
import org.xenproject.supportstatus.web.param.FeatureKey;
import org.xenproject.supportstatus.web.param.Parameters;
import org.xenproject.supportstatus.web.problem.InvalidParameterException;

/** The support matrix across releases, as JSON or CSV. */
@RestController
@Tag(name = "Features")
class MatrixController {

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final Snapshots snapshots;
    private final Answers answers;

    MatrixController(Snapshots snapshots, Answers answers) {
        this.snapshots = snapshots;
        this.answers = answers;
    }

    @Operation(
            summary = "The support matrix: rows of features and statuses, a column per release",
            description = "What Xen's support-matrix.html shows, as JSON or (Accept: text/csv or format=csv) CSV.")
    @ApiResponse(
            responseCode = "200",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = Matrix.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
            })
    @GetMapping(
            path = "/api/v1/matrix",
            produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    ResponseEntity<Matrix> matrix(
            HttpServletRequest request,
            HttpServletResponse response,
            @Parameter(
                            description = "Only statuses that apply to this architecture",
                            schema = @Schema(allowableValues = {"x86", "arm", "arm32", "arm64"}))
                    @RequestParam(required = false)
                    @Size(min = 1, message = Parameters.NOTHING_NAMED)
                    Set<@NotNull(message = Parameters.EMPTY_ITEM) ArchName> arch,
            @Parameter(description = "Only statuses of this level (comma-separated for several)")
                    @RequestParam(required = false)
                    @Size(min = 1, message = Parameters.NOTHING_NAMED)
                    Set<@NotNull(message = Parameters.EMPTY_ITEM) SupportLevel> level,
            @Parameter(description = "Only rows in this section (a section key)") @RequestParam(required = false)
                    FeatureKey section,
            @Parameter(description = "Only these releases, comma-separated, e.g. 4.21,4.22")
                    @RequestParam(required = false)
                    @Size(min = 1, message = Parameters.NOTHING_NAMED)
                    List<@NotNull(message = Parameters.EMPTY_ITEM) ReleaseVersion> releases,
            @Parameter(
                            description = "csv or json; overrides the Accept header",
                            schema = @Schema(allowableValues = {"csv", "json"}))
                    @RequestParam(required = false)
                    String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept)
            throws IOException {
        boolean csv = wantsCsv(format, accept);
        Snapshot snapshot = snapshots.current();
        FeatureFilter filter = FeatureFilter.of(arch, level, null, FeatureKey.valueOf(section), null);
        List<Release> columns = columns(snapshot, releases);
        Snapshot.Key key = new Snapshot.Key(
                "matrix", filter, columns.stream().map(Release::version).toList());
        return csv
                ? answers.of(
                        request,
                        response,
                        snapshot,
                        key,
                        TEXT_CSV,
                        () -> Matrix.of(columns, filter).toCsv())
                : answers.of(request, response, snapshot, key, Answers.JSON, () -> Matrix.of(columns, filter));
    }

    /** {@code format=} wins; else CSV only when the client asks for it rather than JSON. */
    static boolean wantsCsv(String format, String accept) {
        if (format != null && !format.isEmpty()) {
            return switch (format) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw InvalidParameterException.notOneOf("format", format, List.of("csv", "json"));
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

    private static List<Release> columns(Snapshot snapshot, List<ReleaseVersion> releases) {
        if (releases == null || releases.isEmpty()) {
            return snapshot.releases();
        }
        List<Release> chosen = new ArrayList<>();
        for (ReleaseVersion version : releases) {
            Release release = snapshot.release(version);
            if (!chosen.contains(release)) {
                chosen.add(release);
            }
        }
        return chosen;
    }
}
