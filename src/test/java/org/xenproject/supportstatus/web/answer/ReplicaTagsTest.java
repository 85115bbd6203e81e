package org.xenproject.supportstatus.web.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.xenproject.supportstatus.snapshot.Snapshots;
import org.xenproject.supportstatus.testing.ApiTest;
import org.xenproject.supportstatus.testing.ImportSource;
import org.xenproject.supportstatus.web.RawHttp;

/**
 * Two instances of one build on one database, as two replicas behind a proxy, give every answer
 * the same ETag, filters made of sets included; an instance started anew does too, so a client or
 * cache revalidating against another replica, or after a restart, is answered 304.
 */
class ReplicaTagsTest extends ApiTest {

    /** Every GET route, with filters where it takes them; a second Accept where it has two representations. */
    static final List<String> QUESTIONS = List.of(
            "/api/v1/releases",
            "/api/v1/releases?state=supported,security-only",
            "/api/v1/releases?securitySupported=true&on=2027-06-01",
            "/api/v1/releases?at=2025-06-01",
            "/api/v1/releases/4.17",
            "/api/v1/releases/4.17.0?on=2027-06-01",
            "/api/v1/releases/4.17/versions",
            "/api/v1/releases/4.22/features?arch=arm64,x86&level=experimental,supported&security=no,yes",
            "/api/v1/releases/4.22/features?q=trusted&section=vtpm",
            "/api/v1/releases/4.22/features/vtpm",
            "/api/v1/releases/4.17/features?at=2025-01-01",
            "/api/v1/releases/4.17/history",
            "/api/v1/releases/4.17/support.md",
            "/api/v1/releases/4.17/calendar.ics",
            "/api/v1/releases/4.17/openeox.json",
            "/api/v1/features?q=vtpm",
            "/api/v1/features/vtpm?arch=arm,x86",
            "/api/v1/matrix?level=experimental,tech-preview&arch=arm64,x86",
            "/api/v1/matrix?format=csv&level=supported,experimental",
            "/api/v1/diff?from=4.21&to=4.22",
            "/api/v1/changes",
            "/api/v1/changes.atom",
            "/api/v1/events?type=released,point-released,lifecycle-changed",
            "/api/v1/events.atom",
            "/api/v1/calendar.ics",
            "/api/v1/openeox.json",
            "/api/endoflife/xen.json",
            "/api/endoflife/xen/4.17.json?at=2025-06-01",
            "/api/endoflife/v1/products",
            "/api/endoflife/v1/products/xen",
            "/api/endoflife/v1/products/xen/releases/latest",
            "/api/v1/imports",
            "/",
            "/?level=experimental&level=tech-preview&arch=arm64",
            "/releases/4.17");

    @LocalServerPort
    int port;

    @Autowired
    Snapshots snapshots;

    @Test
    void replicasAndARestartedInstanceGiveEveryAnswerTheSameTag() {
        Path cache = temporaryDirectory("xen-replica-cache-");
        String[] tags = new String[QUESTIONS.size()];
        try (ConfigurableApplicationContext replica = ImportSource.startInstance(Path.of(fixture.url()), cache)) {
            int other = port(replica);
            for (int i = 0; i < QUESTIONS.size(); i++) {
                RawHttp.Response here = get(port, QUESTIONS.get(i), null);
                RawHttp.Response there = get(other, QUESTIONS.get(i), null);
                assertThat(here.status()).as(QUESTIONS.get(i)).isEqualTo(200);
                assertThat(there.status()).as(QUESTIONS.get(i)).isEqualTo(200);
                assertThat(there.body()).as(QUESTIONS.get(i)).isEqualTo(here.body());
                tags[i] = here.header("ETag");
                assertThat(tags[i]).as(QUESTIONS.get(i)).startsWith("W/\"");
                assertThat(there.header("ETag")).as(QUESTIONS.get(i)).isEqualTo(tags[i]);
                RawHttp.Response revalidated = get(other, QUESTIONS.get(i), tags[i]);
                assertThat(revalidated.status()).as(QUESTIONS.get(i)).isEqualTo(304);
                assertThat(revalidated.header("ETag")).as(QUESTIONS.get(i)).isEqualTo(tags[i]);
            }
        }
        try (ConfigurableApplicationContext restarted = ImportSource.startInstance(Path.of(fixture.url()), cache)) {
            int other = port(restarted);
            for (int i = 0; i < QUESTIONS.size(); i++) {
                assertThat(get(other, QUESTIONS.get(i), tags[i]).status())
                        .as("after a restart: " + QUESTIONS.get(i))
                        .isEqualTo(304);
            }
        }
    }

    @Test
    void anotherAnswerHasAnotherTag() {
        RawHttp.Response all = get(port, "/api/v1/releases", null);
        RawHttp.Response some = get(port, "/api/v1/releases?state=supported", null);
        assertThat(some.body()).isNotEqualTo(all.body());
        assertThat(some.header("ETag")).isNotEqualTo(all.header("ETag"));
        RawHttp.Response csv = get(port, "/api/v1/matrix?format=csv", null);
        RawHttp.Response json = get(port, "/api/v1/matrix?format=json", null);
        assertThat(csv.header("ETag")).isNotEqualTo(json.header("ETag"));
        assertThat(get(port, "/api/v1/matrix?format=csv", json.header("ETag")).status())
                .as("the JSON's tag does not revalidate the CSV")
                .isEqualTo(200);
    }

    @Test
    void aTagIsTheDigestOfTheBytesAndTheirTypeNothingElse() throws Exception {
        for (String path : List.of("/api/v1/releases/4.17", "/api/v1/matrix?format=csv", "/releases/4.17")) {
            RawHttp.Response answer = get(port, path, null);
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((answer.header("Content-Type") + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] digest = sha256.digest(answer.body().getBytes(StandardCharsets.UTF_8));
            assertThat(answer.header("ETag"))
                    .as(path)
                    .isEqualTo("W/\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"");
        }
    }

    @Test
    void anImportThatLeavesAnAnswerAsItWasLeavesItsTag() throws Exception {
        RawHttp.Response before = get(port, "/api/v1/releases/4.22/features?arch=arm64", null);
        long version =
                jdbc.sql("select version from data_version").query(Long.class).single();
        jdbc.sql("update data_version set version = version + 1, changed_at = now()")
                .update();
        // Within a second, the instance serves from a snapshot of the new data version.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (snapshots.current().version() <= version && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(snapshots.current().version()).isGreaterThan(version);
        RawHttp.Response after = get(port, "/api/v1/releases/4.22/features?arch=arm64", before.header("ETag"));
        assertThat(after.status()).isEqualTo(304);
    }

    /** Through a proxy that names one host: links in feeds and calendars name it, on every replica. */
    private static RawHttp.Response get(int port, String path, String ifNoneMatch) {
        return RawHttp.send(
                port,
                "GET " + path + " HTTP/1.1\r\nHost: support.example.org"
                        + (ifNoneMatch == null ? "" : "\r\nIf-None-Match: " + ifNoneMatch));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
