package org.xenproject.supportstatus.web.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xenproject.supportstatus.web.RawHttp;

/**
 * {@code POST /api/v1/parse} over a real connection: a body over the limit (1 MiB) is refused once
 * the limit is passed, whether it announces its length or comes in chunks; the client never has to
 * send it all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ParseLimitsTest {

    static final int LIMIT = 1024 * 1024;
    /** What a hostile client offers to send: far more than the service should ever read. */
    static final long OFFERED = 64L * 1024 * 1024;

    @LocalServerPort
    int port;

    @Test
    void anAnnouncedLengthOverTheLimitIs413BeforeTheBodyIsSent() throws Exception {
        try (Socket socket = socket()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/parse HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/markdown\r\n"
                            + "Content-Length: " + OFFERED + "\r\n\r\n# A\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // Not one more byte is sent: the answer must come without the body.
            RawHttp.Response response = RawHttp.read(socket.getInputStream());

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.body()).contains("\"status\":413", String.valueOf(LIMIT));
        }
    }

    @Test
    void aChunkedBodyOverTheLimitIs413OnceTheLimitIsPassed() throws Exception {
        try (Socket socket = socket()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/parse HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/markdown\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            CompletableFuture<RawHttp.Response> answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return RawHttp.read(socket.getInputStream());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            AtomicLong sent = new AtomicLong();
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'a');
            byte[] chunkHead = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            try {
                while (sent.get() < OFFERED && !answer.isDone()) {
                    out.write(chunkHead);
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    sent.addAndGet(chunk.length);
                }
            } catch (IOException closedByTheServer) {
                // Expected once the server has answered and stopped reading.
            }
            RawHttp.Response response = answer.get(30, TimeUnit.SECONDS);

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(sent.get()).as("bytes sent before the answer").isLessThan(OFFERED / 4);
        }
    }

    @Test
    void otherContentTypesAre415AndBinaryIs400() {
        for (String type : new String[] {
            "application/json", "application/octet-stream", "text/html", "multipart/form-data; boundary=x"
        }) {
            RawHttp.Response response = post(type, "# A\n");
            assertThat(response.status()).as(type).isEqualTo(415);
            assertThat(response.header("Content-Type")).as(type).startsWith("application/problem+json");
        }
        RawHttp.Response binary = post("text/markdown", "\u007fELF\u0002\u0001\u0001\u0000\u0000\u0000\u0000\u0000");
        assertThat(binary.status()).isEqualTo(400);
        assertThat(binary.header("Content-Type")).startsWith("application/problem+json");
        RawHttp.Response empty = post("text/plain", "");
        assertThat(empty.status()).isEqualTo(400);
    }

    @Test
    void aPathologicalBodyAtTheLimitIsReadInBoundedTime() {
        String nested = "> ".repeat(LIMIT / 4) + "x\n";
        long started = System.nanoTime();
        RawHttp.Response response = post("text/markdown", nested.substring(0, Math.min(nested.length(), LIMIT - 1)));
        assertThat(response.status()).isIn(200, 400);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    private RawHttp.Response post(String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        return RawHttp.send(
                port,
                "POST /api/v1/parse HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
                        + "\r\nContent-Length: " + bytes.length,
                bytes);
    }

    private Socket socket() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(30_000);
        return socket;
    }
}
