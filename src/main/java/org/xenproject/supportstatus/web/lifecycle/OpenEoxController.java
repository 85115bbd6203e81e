package org.xenproject.supportstatus.web.lifecycle;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.xenproject.supportstatus.release.ReleaseVersion;
import org.xenproject.supportstatus.snapshot.Release;
import org.xenproject.supportstatus.snapshot.Snapshot;
import org.xenproject.supportstatus.snapshot.Snapshots;
import org.xenproject.supportstatus.web.answer.Answer;
import org.xenproject.supportstatus.web.problem.NotFoundException;

/**
 * Lifecycle statements in the OASIS OpenEoX core format, for SBOM and vulnerability tools. A Xen
 * release gets nothing after its security support, so its end of life is that day too.
 */
@RestController
@Tag(name = "Lifecycle")
class OpenEoxController {

    static final String CORE_SCHEMA = "https://docs.oasis-open.org/openeox/v1.0/schema/core.json";
    static final String PRODUCT_SCHEMA = "https://docs.oasis-open.org/openeox/tbd/schema/product_software.json";

    private final Snapshots snapshots;

    OpenEoxController(Snapshots snapshots) {
        this.snapshots = snapshots;
    }

    /* The questions answered here: what each answer depends on, as the endpoint read it. */

    record ReleaseQuestion(ReleaseVersion version) {}

    record AllQuestion() {}

    /** The core object: these four properties and nothing else, as its schema demands. */
    @Schema(name = "OpenEoxCore")
    @JsonPropertyOrder({"$schema", "end_of_life", "end_of_security_support", "last_updated"})
    record Core(
            @JsonProperty("$schema") @Schema(example = CORE_SCHEMA)
            String schema,

            @JsonProperty("end_of_life") @Schema(description = "The last supported day at 23:59:59Z, or tba")
            String endOfLife,

            @JsonProperty("end_of_security_support") String endOfSecuritySupport,

            @JsonProperty("last_updated") @Schema(description = "When a revision last changed a lifecycle date")
            Instant lastUpdated) {}

    @Schema(name = "OpenEoxProduct")
    record Product(
            @JsonProperty("$schema") String schema,
            @JsonProperty("product_name") String productName,
            @JsonProperty("product_version") String productVersion,
            @JsonProperty("vendor_name") String vendorName) {}

    @Schema(name = "OpenEoxStatement")
    record Statement(Core core, Product product, String cpe) {}

    @Schema(name = "OpenEoxStatements")
    record Statements(List<Statement> statements) {}

    @Operation(
            summary = "One release's lifecycle as an OASIS OpenEoX core object",
            description =
                    "End of life and end of security support as RFC 3339 times (the last supported day), or tba, and when a revision last changed them.")
    @GetMapping(path = "/api/v1/releases/{version}/openeox.json", produces = MediaType.APPLICATION_JSON_VALUE)
    Answer<Core> release(@Parameter(description = "4.17, 4.17.3, stable-4.17") @PathVariable ReleaseVersion version) {
        Snapshot snapshot = snapshots.current();
        Release release = snapshot.release(version);
        if (release.releaseVersion().isUnstable()) {
            throw new NotFoundException("unstable has no lifecycle until it is released");
        }
        return Answer.of(snapshot, new ReleaseQuestion(version), () -> core(snapshot, release));
    }

    @Operation(
            summary = "Every released version's lifecycle as OpenEoX statements (core and product)",
            description =
                    "One statement per released version, with the product shell of the OpenEoX draft and the version's CPE.")
    @GetMapping(path = "/api/v1/openeox.json", produces = MediaType.APPLICATION_JSON_VALUE)
    Answer<Statements> all() {
        Snapshot snapshot = snapshots.current();
        return Answer.of(
                snapshot,
                new AllQuestion(),
                () -> new Statements(Milestone.released(snapshot.releases()).stream()
                        .filter(r -> r.document().release().initialRelease() != null)
                        .map(r -> new Statement(
                                core(snapshot, r),
                                new Product(PRODUCT_SCHEMA, "Xen", r.version(), "Xen Project"),
                                "cpe:2.3:o:xen:xen:" + r.version() + ":*:*:*:*:*:*:*"))
                        .toList()));
    }

    private static Core core(Snapshot snapshot, Release release) {
        String end = endOf(release.document().release().securitySupportUntil());
        Instant lastUpdated = Milestone.of(snapshot, release).stream()
                .map(Milestone::changedAt)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(
                        release.source().committedAt() != null
                                ? release.source().committedAt()
                                : release.source().importedAt());
        return new Core(CORE_SCHEMA, end, end, lastUpdated);
    }

    /** The last supported day's last second, or {@code tba} while the file says the date is to be decided. */
    private static String endOf(LocalDate lastDay) {
        return lastDay == null
                ? "tba"
                : lastDay.atTime(23, 59, 59)
                        .atOffset(ZoneOffset.UTC)
                        .toInstant()
                        .toString();
    }
}
