package org.xenproject.supportstatus.web.feature;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
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
import org.xenproject.supportstatus.web.answer.Answer;
import org.xenproject.supportstatus.web.param.FeatureKey;
import org.xenproject.supportstatus.web.param.Parameters;

/**
 * The support matrix across releases, as JSON or CSV: one handler for each, chosen by Spring's
 * content negotiation from {@code Accept}, or from {@code format=} when given ({@link MatrixFormat}).
 */
@RestController
@Tag(name = "Features")
class MatrixController {

    static final String PATH = "/api/v1/matrix";
    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final Snapshots snapshots;

    MatrixController(Snapshots snapshots) {
        this.snapshots = snapshots;
    }

    /** The question answered here, in either representation: what it depends on, as read. */
    record MatrixQuestion(FeatureFilter filter, List<String> releases) {}

    @Operation(
            summary = "The support matrix: rows of features and statuses, a column per release",
            description = "What Xen's support-matrix.html shows, as JSON or (Accept: text/csv or format=csv) CSV.")
    @ApiResponse(
            responseCode = "200",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = Matrix.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
            })
    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    Answer<Matrix> matrix(
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
                    MatrixFormat format) {
        Snapshot snapshot = snapshots.current();
        FeatureFilter filter = FeatureFilter.of(arch, level, null, FeatureKey.valueOf(section), null);
        List<Release> columns = columns(snapshot, releases);
        return Answer.of(snapshot, question(filter, columns), () -> Matrix.of(columns, filter));
    }

    /** The same as CSV; described with the JSON handler, as one operation with two representations. */
    @Hidden
    @GetMapping(path = PATH, produces = "text/csv")
    Answer<String> csv(
            @RequestParam(required = false) @Size(min = 1, message = Parameters.NOTHING_NAMED)
                    Set<@NotNull(message = Parameters.EMPTY_ITEM) ArchName> arch,
            @RequestParam(required = false) @Size(min = 1, message = Parameters.NOTHING_NAMED)
                    Set<@NotNull(message = Parameters.EMPTY_ITEM) SupportLevel> level,
            @RequestParam(required = false) FeatureKey section,
            @RequestParam(required = false) @Size(min = 1, message = Parameters.NOTHING_NAMED)
                    List<@NotNull(message = Parameters.EMPTY_ITEM) ReleaseVersion> releases,
            @RequestParam(required = false) MatrixFormat format) {
        Snapshot snapshot = snapshots.current();
        FeatureFilter filter = FeatureFilter.of(arch, level, null, FeatureKey.valueOf(section), null);
        List<Release> columns = columns(snapshot, releases);
        return Answer.of(
                snapshot,
                question(filter, columns),
                TEXT_CSV,
                () -> Matrix.of(columns, filter).toCsv());
    }

    private static MatrixQuestion question(FeatureFilter filter, List<Release> columns) {
        return new MatrixQuestion(filter, columns.stream().map(Release::version).toList());
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
