package org.xenproject.supportstatus.web.endoflife;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xenproject.supportstatus.release.PointRelease;
import org.xenproject.supportstatus.release.ReleaseVersion;
import org.xenproject.supportstatus.release.RevisionPoint;
import org.xenproject.supportstatus.snapshot.LifecycleAt;
import org.xenproject.supportstatus.snapshot.Release;
import org.xenproject.supportstatus.snapshot.Snapshot;
import org.xenproject.supportstatus.snapshot.Snapshots;
import org.xenproject.supportstatus.supportmd.ReleaseSupport;
import org.xenproject.supportstatus.web.answer.Answer;
import org.xenproject.supportstatus.web.answer.PublicLinks;
import org.xenproject.supportstatus.web.problem.NotFoundException;

/**
 * The lifecycle in endoflife.date's API v1, under a base URL of its own, so a client configured
 * with endoflife.date's base URL works when given this one. Its schema rejects nulls where it
 * expects booleans or strings, so a date still to be decided is {@code null} with its flag false.
 */
@RestController
@Tag(name = "Lifecycle")
class EndOfLifeV1Controller {

    static final String BASE = "/api/endoflife/v1";
    static final String SCHEMA_VERSION = "1.2.1";
    private static final String PRODUCT = "xen";
    private static final String LABEL = "Xen Project Hypervisor";
    private static final List<String> TAGS = List.of("hypervisor", "linux-foundation", "virtualization");

    private final Snapshots snapshots;
    private final PublicLinks links;

    EndOfLifeV1Controller(Snapshots snapshots, PublicLinks links) {
        this.snapshots = snapshots;
        this.links = links;
    }

    /* The questions answered here: what each answer depends on, as the endpoint read it. */

    record ProductsQuestion(String linkBase) {}

    record ProductQuestion(String linkBase, RevisionPoint at) {}

    record ReleaseQuestion(String linkBase, String cycle, RevisionPoint at) {}

    @Schema(name = "EndOfLifeV1ProductSummary")
    record ProductSummary(
            String name, String label, List<String> aliases, String category, List<String> tags, String uri) {}

    @Schema(name = "EndOfLifeV1ProductList")
    record ProductList(
            @JsonProperty("schema_version") String schemaVersion,
            @JsonProperty("generated_at") Instant generatedAt,
            int total,
            List<ProductSummary> result) {}

    @Schema(name = "EndOfLifeV1Identifier")
    record Identifier(String id, String type) {}

    @Schema(name = "EndOfLifeV1Labels")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Labels(String eoas, String discontinued, String eol, String eoes) {}

    @Schema(name = "EndOfLifeV1Links")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Links(String icon, String html, String releasePolicy) {}

    @Schema(name = "EndOfLifeV1Latest")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Latest(@Schema(example = "4.17.7") String name, LocalDate date, String link) {}

    @Schema(name = "EndOfLifeV1Release", description = "One release cycle as endoflife.date API v1 describes it")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Rel(
            @Schema(example = "4.17") String name,
            String codename,
            String label,
            LocalDate releaseDate,
            boolean isLts,
            LocalDate ltsFrom,
            boolean isEoas,
            LocalDate eoasFrom,
            boolean isEol,
            LocalDate eolFrom,
            boolean isMaintained,
            Latest latest,
            Map<String, Object> custom) {}

    @Schema(name = "EndOfLifeV1Product")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Product(
            String name,
            String label,
            List<String> aliases,
            String category,
            List<String> tags,
            String versionCommand,
            List<Identifier> identifiers,
            Labels labels,
            Links links,
            List<Rel> releases) {}

    @Schema(name = "EndOfLifeV1ProductAnswer")
    record ProductAnswer(
            @JsonProperty("schema_version") String schemaVersion,
            @JsonProperty("generated_at") Instant generatedAt,
            @JsonProperty("last_modified") Instant lastModified,
            Product result) {}

    @Schema(name = "EndOfLifeV1ReleaseAnswer")
    record ReleaseAnswer(
            @JsonProperty("schema_version") String schemaVersion,
            @JsonProperty("generated_at") Instant generatedAt,
            Rel result) {}

    @Operation(
            summary = "The products known here: Xen alone",
            description =
                    "endoflife.date's product list (API v1), so that a client given this service's base URL finds Xen.")
    @GetMapping(path = BASE + "/products", produces = MediaType.APPLICATION_JSON_VALUE)
    Answer<ProductList> products() {
        Snapshot snapshot = snapshots.current();
        return Answer.of(
                snapshot,
                new ProductsQuestion(links.base()),
                () -> new ProductList(
                        SCHEMA_VERSION,
                        snapshot.changedAt(),
                        1,
                        List.of(new ProductSummary(
                                PRODUCT,
                                LABEL,
                                List.of(),
                                "server-app",
                                TAGS,
                                links.base() + BASE + "/products/" + PRODUCT))));
    }

    @Operation(
            summary = "Xen with every released cycle, newest first",
            description =
                    "endoflife.date's product answer (API v1): general and security support of every released cycle, its latest point release; at= gives it as SUPPORT.md stood then.")
    @GetMapping(path = BASE + "/products/{product}", produces = MediaType.APPLICATION_JSON_VALUE)
    Answer<ProductAnswer> product(
            @Parameter(description = "The product: xen") @PathVariable String product,
            @Parameter(
                            description =
                                    "The lifecycle as SUPPORT.md stood then: a commit id (or prefix) or YYYY-MM-DD, "
                                            + "evaluated on that date")
                    @RequestParam(required = false)
                    RevisionPoint at) {
        requireXen(product);
        Snapshot snapshot = snapshots.current();
        return Answer.of(snapshot, new ProductQuestion(links.base(), at), () -> {
            List<Release> released = released(snapshot, at);
            LocalDate day = LifecycleAt.day(snapshot, null, at);
            Instant lastModified = released.stream()
                    .map(r -> r.source().committedAt())
                    .filter(Objects::nonNull)
                    .max(Comparator.naturalOrder())
                    .orElse(snapshot.changedAt());
            return new ProductAnswer(
                    SCHEMA_VERSION,
                    snapshot.changedAt(),
                    lastModified,
                    new Product(
                            PRODUCT,
                            LABEL,
                            List.of(),
                            "server-app",
                            TAGS,
                            "xl info | grep xen_version",
                            List.of(new Identifier("cpe:2.3:o:xen:xen", "cpe")),
                            new Labels("General support", null, "Security support", null),
                            new Links(
                                    null,
                                    links.base() + "/",
                                    "https://xenbits.xen.org/docs/unstable/support-matrix.html"),
                            released.stream().map(r -> rel(r, day)).toList()));
        });
    }

    @Operation(
            summary = "One released cycle, or the newest with 'latest'",
            description =
                    "endoflife.date's release answer (API v1) for one cycle; at= gives it as SUPPORT.md stood then.")
    @GetMapping(path = BASE + "/products/{product}/releases/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
    Answer<ReleaseAnswer> release(
            @Parameter(description = "The product: xen") @PathVariable String product,
            @Parameter(description = "A release cycle such as 4.17, or latest") @PathVariable String name,
            @Parameter(
                            description =
                                    "The lifecycle as SUPPORT.md stood then: a commit id (or prefix) or YYYY-MM-DD, "
                                            + "evaluated on that date")
                    @RequestParam(required = false)
                    RevisionPoint at) {
        requireXen(product);
        String cycle = name.equals("latest")
                ? "latest"
                : ReleaseVersion.parse(name)
                        .filter(v -> !v.isUnstable())
                        .map(ReleaseVersion::name)
                        .orElseThrow(() -> new NotFoundException("No release '" + name + "' of " + PRODUCT));
        Snapshot snapshot = snapshots.current();
        return Answer.of(snapshot, new ReleaseQuestion(links.base(), cycle, at), () -> {
            LocalDate day = LifecycleAt.day(snapshot, null, at);
            Release found = released(snapshot, at).stream()
                    .filter(r -> cycle.equals("latest") || r.version().equals(cycle))
                    .findFirst()
                    .orElseThrow(() -> new NotFoundException("No released cycle " + cycle + " of " + PRODUCT));
            return new ReleaseAnswer(SCHEMA_VERSION, snapshot.changedAt(), rel(found, day));
        });
    }

    private static void requireXen(String product) {
        if (!PRODUCT.equals(product)) {
            throw new NotFoundException("No product '" + product + "'; this service knows only '" + PRODUCT + "'");
        }
    }

    private static List<Release> released(Snapshot snapshot, RevisionPoint at) {
        return LifecycleAt.releases(snapshot, at).stream()
                .filter(release -> !release.releaseVersion().isUnstable())
                .filter(release -> release.document().release().initialRelease() != null)
                .toList();
    }

    private static Rel rel(Release release, LocalDate day) {
        ReleaseSupport support = release.document().release();
        LocalDate eoas = support.supportedUntil();
        LocalDate eol = support.securitySupportUntil();
        boolean isEol = eol != null && day.isAfter(eol);
        PointRelease latest = release.latest().orElse(null);
        Latest newest = latest == null
                ? new Latest(support.xenVersion(), support.initialRelease(), support.releaseNotes())
                : new Latest(
                        latest.version(),
                        EndOfLifeController.latestDate(latest, support.initialRelease()),
                        support.releaseNotes());
        return new Rel(
                release.version(),
                null,
                release.version(),
                support.initialRelease(),
                false,
                null,
                eoas != null && day.isAfter(eoas),
                eoas,
                isEol,
                eol,
                !isEol,
                newest,
                null);
    }
}
