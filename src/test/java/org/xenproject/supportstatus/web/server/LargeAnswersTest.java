package org.xenproject.supportstatus.web.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xenproject.supportstatus.testing.SupportFiles.supportMd;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPInputStream;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xenproject.supportstatus.imports.ImportJob;
import org.xenproject.supportstatus.store.ImportRun;
import org.xenproject.supportstatus.testing.ImportSource;
import org.xenproject.supportstatus.testing.ImportedData;
import org.xenproject.supportstatus.testing.XenRepository;

/**
 * Answers larger than the socket buffer (RequestTuning) leave in several writes: they
 * arrive whole, to many clients at once, plain or gzipped, from memory as on the first time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargeAnswersTest {

    static final String LARGE = "/api/v1/releases/4.30/features";

    /** Created here, not by @TempDir: the context, which needs it, starts before JUnit would fill it in. */
    static final Path temp = temporaryDirectory();

    static XenRepository repo;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ImportJob imports;

    @Autowired
    ServletWebServerApplicationContext context;

    private final HttpClient client = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void source(DynamicPropertyRegistry registry) {
        ImportSource.register(registry, () -> temp.resolve("xen"), () -> temp.resolve("cache"));
    }

    @BeforeAll
    void importALargeRelease() {
        repo = XenRepository.create(temp.resolve("xen"));
        repo.branch("stable-4.30", "master");
        String[] features = new String[1500];
        for (int i = 0; i < features.length; i++) {
            features[i] = "Status, feature number " + i + ": " + (i % 3 == 0 ? "Supported" : "Experimental");
        }
        repo.commitSupport(
                "stable-4.30", "Release 4.30.0", supportMd("4.30", "2030-01-01", "2031-07-01", "2033-01-01", features));
        ImportedData.clear(jdbc);
        assertThat(imports.run(ImportRun.Trigger.ADMIN).outcome()).isEqualTo("succeeded");
    }

    @AfterAll
    void closeRepository() {
        repo.close();
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("xen-large-answers-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aLargeAnswerArrivesWholeAgain() throws Exception {
        HttpResponse<byte[]> first = get(LARGE, null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body().length).isGreaterThan(RequestTuning.WRITE_BUFFER_BYTES);

        HttpResponse<byte[]> again = get(LARGE, null);

        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValueAsLong(HttpHeaders.CONTENT_LENGTH)).hasValue(first.body().length);
        assertThat(again.headers().firstValue(HttpHeaders.ETAG))
                .isEqualTo(first.headers().firstValue(HttpHeaders.ETAG));
        assertThat(again.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void answersLeaveThroughOneLargeDirectSocketBuffer() {
        Connector connector =
                ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        assertThat(connector.getProperty("socket.appWriteBufSize"))
                .hasToString(Integer.toString(RequestTuning.WRITE_BUFFER_BYTES));
        assertThat(connector.getProperty("socket.directBuffer")).hasToString("true");
        assertThat(connector.getProperty("maxConnections")).hasToString("2048");
    }

    @Test
    void manyClientsAtOnceEachGetTheWholeAnswer() throws Exception {
        byte[] expected = get(LARGE, null).body();
        List<CompletableFuture<HttpResponse<byte[]>>> answers = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            // Each its own client, so each its own connection.
            answers.add(HttpClient.newHttpClient()
                    .sendAsync(request(LARGE, null), HttpResponse.BodyHandlers.ofByteArray()));
        }
        for (CompletableFuture<HttpResponse<byte[]>> answer : answers) {
            assertThat(answer.get().statusCode()).isEqualTo(200);
            assertThat(answer.get().body()).isEqualTo(expected);
        }
    }

    @Test
    void gzippedItIsTheSameAnswer() throws Exception {
        byte[] plain = get(LARGE, null).body();
        for (int i = 0; i < 2; i++) {
            HttpResponse<byte[]> zipped = get(LARGE, "gzip");
            assertThat(zipped.headers().firstValue(HttpHeaders.CONTENT_ENCODING))
                    .contains("gzip");
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
                assertThat(in.readAllBytes()).isEqualTo(plain);
            }
        }
    }

    private HttpResponse<byte[]> get(String path, String acceptEncoding) throws Exception {
        return client.send(request(path, acceptEncoding), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest request(String path, String acceptEncoding) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (acceptEncoding != null) {
            request.header(HttpHeaders.ACCEPT_ENCODING, acceptEncoding);
        }
        return request.build();
    }
}
