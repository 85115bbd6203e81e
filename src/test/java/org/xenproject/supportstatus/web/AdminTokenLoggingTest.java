package org.xenproject.supportstatus.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xenproject.supportstatus.testing.ImportSource;

/**
 * The admin token never reaches the logs, even with the web and security layers logging at DEBUG:
 * neither the right one nor a wrong one a client presents.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "xen.support.admin.token=" + AdminTokenLoggingTest.TOKEN,
            "logging.level.org.springframework.web=DEBUG",
            "logging.level.org.springframework.security=DEBUG",
            "logging.level.org.apache.coyote.http11=DEBUG",
            "logging.level.org.xenproject=DEBUG"
        })
@ExtendWith(OutputCaptureExtension.class)
class AdminTokenLoggingTest {

    static final String TOKEN = "s3cret-admin-token-that-must-not-leak";
    static final String WRONG = "wrong-token-a-client-sent-by-mistake";

    @TempDir
    static Path temp;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void source(DynamicPropertyRegistry registry) {
        // Nothing there: the run the admin call starts fails at once, without any network.
        ImportSource.register(registry, () -> temp.resolve("no-repository"), () -> temp.resolve("cache"));
    }

    @Test
    void neitherTheTokenNorAWrongOneIsLogged(CapturedOutput output, @Autowired Environment environment)
            throws InterruptedException {
        RawHttp.Response accepted = post("Bearer " + TOKEN);
        RawHttp.Response refused = post("Bearer " + WRONG);
        RawHttp.Response basic = post("Basic " + TOKEN);
        Thread.sleep(500); // the run started in the background logs too

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer ");
        assertThat(basic.status()).isEqualTo(401);
        assertThat(environment.getProperty("xen.support.admin.token")).isEqualTo(TOKEN);
        // The capture works and saw these requests, so the absence below means something.
        assertThat(output.getAll()).contains("/api/v1/imports");
        assertThat(output.getAll()).doesNotContain(TOKEN).doesNotContain(WRONG);
    }

    private RawHttp.Response post(String authorization) {
        return RawHttp.send(
                port,
                "POST /api/v1/imports HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n" + "Authorization: "
                        + authorization);
    }
}
