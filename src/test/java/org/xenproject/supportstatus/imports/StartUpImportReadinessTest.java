package org.xenproject.supportstatus.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xenproject.supportstatus.testing.ImportSource;

/**
 * The import at start runs on its own thread: while the upstream keeps it waiting, the service is
 * ready and answers from what the database holds.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "xen.support.import.enabled=true",
            "xen.support.import.interval=PT1H",
            "xen.support.import.http-timeout=PT20S"
        })
@DirtiesContext
class StartUpImportReadinessTest {

    @TempDir
    static Path temp;

    /** Accepts connections (the kernel does, into the backlog) and never answers a byte. */
    static final ServerSocket silentUpstream = listen();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient client = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void source(DynamicPropertyRegistry registry) {
        ImportSource.register(registry, StartUpImportReadinessTest::upstreamUrl, () -> temp.resolve("cache"));
    }

    @AfterAll
    static void closeUpstream() throws IOException {
        silentUpstream.close();
    }

    @Test
    void readyWhileTheStartUpImportWaitsForItsUpstream() throws Exception {
        String source = "git " + upstreamUrl();
        long waiting = 0;
        for (int i = 0; i < 100 && waiting == 0; i++) {
            waiting = jdbc.sql(
                            "select count(*) from import_run where source = ? and trigger = 'startup' and finished_at is null")
                    .param(source)
                    .query(Long.class)
                    .single();
            if (waiting == 0) {
                Thread.sleep(100);
            }
        }
        assertThat(waiting).as("a start-up import under way").isEqualTo(1);

        HttpResponse<String> readiness = get("/actuator/health/readiness");
        HttpResponse<String> releases = get("/api/v1/releases");

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"UP\"");
        assertThat(releases.statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from import_run where source = ? and finished_at is null")
                        .param(source)
                        .query(Long.class)
                        .single())
                .as("the import still waiting")
                .isEqualTo(1);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String upstreamUrl() {
        return "http://127.0.0.1:" + silentUpstream.getLocalPort() + "/xen.git";
    }

    private static ServerSocket listen() {
        try {
            return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
