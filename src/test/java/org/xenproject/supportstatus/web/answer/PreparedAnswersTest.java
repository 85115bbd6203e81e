package org.xenproject.supportstatus.web.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.xenproject.supportstatus.testing.ApiTest;

/** A prepared answer is the answer: byte for byte, gzipped for those who accept it, HEAD too. */
class PreparedAnswersTest extends ApiTest {

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void theSecondAnswerIsTheFirst() throws Exception {
        HttpResponse<byte[]> first = get("/api/v1/matrix", null);
        HttpResponse<byte[]> second = get("/api/v1/matrix", null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue(HttpHeaders.CONTENT_TYPE))
                .isEqualTo(first.headers().firstValue(HttpHeaders.CONTENT_TYPE));
        assertThat(second.headers().firstValue(HttpHeaders.ETAG))
                .isEqualTo(first.headers().firstValue(HttpHeaders.ETAG));
    }

    @Test
    void aPreparedAnswerCarriesTheSameSecurityHeaders() throws Exception {
        HttpResponse<byte[]> first = get("/api/v1/features/vtpm", null);
        HttpResponse<byte[]> second = get("/api/v1/features/vtpm", null);
        for (String header : new String[] {"X-Content-Type-Options", "X-Frame-Options"}) {
            assertThat(first.headers().firstValue(header)).as(header).isPresent();
            assertThat(second.headers().allValues(header))
                    .as(header)
                    .isEqualTo(first.headers().allValues(header));
        }
        assertThat(second.headers().allValues(HttpHeaders.CACHE_CONTROL)).containsExactly("public, max-age=60");
        assertThat(second.headers().firstValue(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN))
                .isEmpty();
        HttpResponse<byte[]> crossOrigin = client.send(
                HttpRequest.newBuilder(uri("/api/v1/features/vtpm"))
                        .header(HttpHeaders.ORIGIN, "https://dashboard.example.org")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(crossOrigin.headers().allValues(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN))
                .containsExactly("*");
    }

    @Test
    void largeAnswersAreGzippedForClientsThatAcceptIt() throws Exception {
        byte[] plain = get("/api/v1/matrix", null).body();
        for (int i = 0; i < 2; i++) { // answered once by the controller, then from memory
            HttpResponse<byte[]> zipped = get("/api/v1/matrix", "gzip, deflate");
            assertThat(zipped.headers().firstValue(HttpHeaders.CONTENT_ENCODING))
                    .contains("gzip");
            assertThat(gunzip(zipped.body())).isEqualTo(plain);
            assertThat(zipped.body().length).isLessThan(plain.length);
        }
    }

    @Test
    void aClientThatRefusesGzipOrAsksForNoCodingGetsThePlainBytes() throws Exception {
        byte[] plain = get("/api/v1/matrix", null).body();
        for (String refusal : new String[] {"gzip;q=0", "identity", "gzip;q=0, deflate", "*;q=0", "br", "GZIP;Q=0"}) {
            HttpResponse<byte[]> answer = get("/api/v1/matrix", refusal);
            assertThat(answer.headers().firstValue(HttpHeaders.CONTENT_ENCODING))
                    .as(refusal)
                    .isEmpty();
            assertThat(answer.body()).as(refusal).isEqualTo(plain);
        }
        for (String taken : new String[] {"gzip;q=0.5, identity", "*", "br, *;q=0.1", "x-gzip", "GZip"}) {
            assertThat(get("/api/v1/matrix", taken).headers().firstValue(HttpHeaders.CONTENT_ENCODING))
                    .as(taken)
                    .contains("gzip");
        }
    }

    @Test
    void csvAndJsonAreKeptApart() throws Exception {
        String json = new String(get("/api/v1/matrix", null).body());
        HttpResponse<byte[]> csv = client.send(
                HttpRequest.newBuilder(uri("/api/v1/matrix"))
                        .header(HttpHeaders.ACCEPT, "text/csv")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(json).startsWith("{");
        assertThat(new String(csv.body())).startsWith("key,title,depth");
        assertThat(csv.headers().firstValue(HttpHeaders.ETAG))
                .isNotEqualTo(get("/api/v1/matrix", null).headers().firstValue(HttpHeaders.ETAG));
    }

    @Test
    void headIsAnsweredLikeGet() throws Exception {
        HttpResponse<Void> head = client.send(
                HttpRequest.newBuilder(uri("/api/v1/releases"))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue(HttpHeaders.ETAG))
                .isEqualTo(get("/api/v1/releases", null).headers().firstValue(HttpHeaders.ETAG));
    }

    @Test
    void errorsAreNotKept() throws Exception {
        assertThat(get("/api/v1/releases/4.99", null).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/releases/4.99", null).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/releases/4.22", null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<byte[]> get(String path, String acceptEncoding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (acceptEncoding != null) {
            request.header(HttpHeaders.ACCEPT_ENCODING, acceptEncoding);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}
