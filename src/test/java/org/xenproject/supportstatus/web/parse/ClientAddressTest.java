package org.xenproject.supportstatus.web.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xenproject.supportstatus.web.RawHttp;

/**
 * Whose allowance a parse is taken from, over real connections from 127.0.0.1: the connection's
 * address, unless it is a trusted proxy; then the address that proxy put in X-Forwarded-For.
 */
class ClientAddressTest {

    static final byte[] BODY = """
            # Release Support

                Xen-Version: 4.19

            # Feature Support

            ### ARM

                Status: Tech Preview
            """.getBytes(StandardCharsets.UTF_8);

    static RawHttp.Response parse(int port, String forwardedFor) {
        return RawHttp.send(
                port,
                "POST /api/v1/parse HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/markdown\r\n"
                        + (forwardedFor == null ? "" : "X-Forwarded-For: " + forwardedFor + "\r\n")
                        + "Content-Length: " + BODY.length,
                BODY);
    }

    /** By default no proxy is trusted: a client cannot escape its allowance by naming another address. */
    @Nested
    @SpringBootTest(
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "xen.support.parse.per-minute=2")
    class NoProxyTrusted {

        @LocalServerPort
        int port;

        @Test
        void forwardedForIsIgnoredAndTheConnectionsAddressIsCharged() {
            assertThat(parse(port, "203.0.113.1").status()).isEqualTo(200);
            assertThat(parse(port, "203.0.113.2").status()).isEqualTo(200);

            RawHttp.Response refused = parse(port, "203.0.113.3");

            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.header("Retry-After")).matches("[1-9][0-9]*");
            assertThat(refused.body())
                    .contains("\"status\":429", "urn:xen-support:problem:parse-rate", "\"instance\":\"/api/v1/parse\"");
            // Refused ahead of Spring MVC, yet with the headers of every other answer of the API.
            assertThat(refused.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(refused.header("Content-Security-Policy"))
                    .isEqualTo("default-src 'none'; frame-ancestors 'none'");
            assertThat(parse(port, null).status()).isEqualTo(429);

            RawHttp.Response metrics = RawHttp.send(port, "GET /actuator/prometheus HTTP/1.1\r\nHost: localhost");
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.body())
                    .containsPattern("(?m)^xen_parse_refused_total\\{[^}]*reason=\"rate\"[^}]*} 2\\.0$");
        }
    }

    /** Behind a trusted proxy, each client named by it has its own allowance. */
    @Nested
    @SpringBootTest(
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {"xen.support.parse.per-minute=2", "XEN_SUPPORT_TRUSTED_PROXIES=127.0.0.0/8, ::1/128"})
    class LoopbackTrusted {

        @LocalServerPort
        int port;

        @Test
        void theAddressTheProxyNamesIsCharged() {
            assertThat(parse(port, "203.0.113.7").status()).isEqualTo(200);
            assertThat(parse(port, "203.0.113.7").status()).isEqualTo(200);
            assertThat(parse(port, "203.0.113.7").status()).isEqualTo(429);

            assertThat(parse(port, "203.0.113.8").status()).isEqualTo(200);
            // What the client itself wrote in front of the proxy's entry counts for nothing: the
            // rightmost address not of a trusted proxy is the client.
            assertThat(parse(port, "198.51.100.1, 203.0.113.7").status()).isEqualTo(429);
            assertThat(parse(port, "203.0.113.7, 127.0.0.1").status()).isEqualTo(429);
        }
    }
}
