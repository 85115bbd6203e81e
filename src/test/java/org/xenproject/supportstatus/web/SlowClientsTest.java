package org.xenproject.supportstatus.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A client that opens many connections and stops halfway through its headers (slowloris) neither
 * keeps others from being answered nor holds its connections for ever: the connector's timeout
 * (here 1 s, to keep the test short) closes them. That timeout runs between reads: a client that
 * sends a byte now and then keeps its connection, up to the connector's connection limit; the
 * proxy in front bounds the whole header's time (deploy/nginx).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.tomcat.connection-timeout=1s")
class SlowClientsTest {

    static final int SLOW_CONNECTIONS = 400;

    @LocalServerPort
    int port;

    final List<Socket> slow = new ArrayList<>();

    @AfterEach
    void closeAll() throws IOException {
        for (Socket socket : slow) {
            socket.close();
        }
    }

    @Test
    void connectionsStuckInTheirHeadersAreClosedAndOthersAreAnsweredMeanwhile() throws Exception {
        for (int i = 0; i < SLOW_CONNECTIONS; i++) {
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(
                    "GET /api/v1/releases HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            slow.add(socket);
        }

        for (int i = 0; i < 20; i++) {
            RawHttp.Response response = RawHttp.send(port, "GET /actuator/health HTTP/1.1\r\nHost: localhost");
            assertThat(response.status()).isEqualTo(200);
        }

        // Each slow connection ends, from the server's side, long before the client's 30 s read timeout.
        for (Socket socket : slow) {
            assertThat(closedByServer(socket)).isTrue();
        }
    }

    /** Reads until the server closes: whatever it says first (Tomcat may answer 400 or 408), then end of stream. */
    private static boolean closedByServer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        try {
            while (in.read() >= 0) {
                // what the server says before closing does not matter here
            }
            return true;
        } catch (SocketException reset) {
            return true;
        }
    }
}
