package org.xenproject.supportstatus.web.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xenproject.supportstatus.web.WebLayerTest;

@WebMvcTest(ParseController.class)
@WebLayerTest
@Import({ParseConfiguration.class, ParseControllerTest.Meters.class})
@TestPropertySource(
        properties = {
            "xen.support.parse.max-concurrent=1",
            "xen.support.parse.queue-wait=PT0.05S",
            "xen.support.parse.per-minute=20"
        })
class ParseControllerTest {

    private static final String SUPPORT_MD = """
            % Support statement for this release

            # Release Support

                Xen-Version: 4.19
                Initial-Release: 2024-07-29
                Supported-Until: 2026-01-29
                Security-Support-Until: TBD

            # Feature Support

            ## Guest Type

            ### x86/PV

            Traditional Xen PV guest.

                Status, x86_64: Supported
                Status, x86_32, shim: Supported

            PV guests are limited in some ways.

            ### ARM

                Status: Tech Preview
            """;

    /** Web-layer slices have no meter registry of their own. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Meters {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ParseGate gate;

    @Test
    void readsTheFileAndStoresNothing() throws Exception {
        mvc.perform(post("/api/v1/parse").contentType("text/markdown").content(SUPPORT_MD))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.release.xenVersion").value("4.19"))
                .andExpect(jsonPath("$.release.initialRelease").value("2024-07-29"))
                .andExpect(jsonPath("$.release.securitySupportUntil").doesNotExist())
                .andExpect(jsonPath("$.release.raw.securitySupportUntil").value("TBD"))
                .andExpect(jsonPath("$.features", hasSize(2)))
                .andExpect(jsonPath("$.features[0].key").value("x86pv"))
                .andExpect(jsonPath("$.features[0].path[2]").value("x86/PV"))
                .andExpect(jsonPath("$.features[0].statuses[1].key").value("x86pv--x8632-shim"))
                .andExpect(jsonPath("$.features[0].statuses[1].level").value("supported"))
                .andExpect(jsonPath("$.features[0].statuses[1].security").value("yes"))
                .andExpect(jsonPath("$.features[0].statuses[1].arches[0]").value("x86"))
                .andExpect(jsonPath("$.features[1].key").value("arm"))
                .andExpect(jsonPath("$.features[1].statuses[0].level").value("tech-preview"))
                .andExpect(jsonPath("$.features[1].statuses[0].arches", hasSize(2)));
    }

    @Test
    void aLargeAnswerIsGzippedForClientsThatAcceptItAndPlainForOthers() throws Exception {
        StringBuilder file = new StringBuilder(SUPPORT_MD);
        for (int i = 0; i < 40; i++) {
            file.append("\n### Feature number ").append(i).append("\n\n    Status: Supported\n");
        }
        byte[] zipped = mvc.perform(post("/api/v1/parse")
                        .contentType("text/markdown")
                        .content(file.toString())
                        .header(HttpHeaders.ACCEPT_ENCODING, "gzip"))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_ENCODING, "gzip"))
                .andExpect(header().string(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String unzipped;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped))) {
            unzipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String plain = mvc.perform(
                        post("/api/v1/parse").contentType("text/markdown").content(file.toString()))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist(HttpHeaders.CONTENT_ENCODING))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(unzipped).isEqualTo(plain).contains("Feature number 39");
    }

    @Test
    void plainTextIsAcceptedToo() throws Exception {
        mvc.perform(post("/api/v1/parse").contentType(MediaType.TEXT_PLAIN).content(SUPPORT_MD))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.release.xenVersion").value("4.19"));
    }

    @Test
    void emptyBodyIsABadRequest() throws Exception {
        mvc.perform(post("/api/v1/parse").contentType("text/markdown").content(new byte[0]))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").value("Empty SUPPORT.md"))
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }

    @Test
    void bytesThatAreNotUtf8AreABadRequest() throws Exception {
        byte[] latin1 = "Status: Support\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        mvc.perform(post("/api/v1/parse").contentType("text/markdown").content(latin1))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("SUPPORT.md is not UTF-8 text"));
    }

    @Test
    void binaryIsABadRequest() throws Exception {
        byte[] binary = new byte[4096];
        binary[0] = 0x7f;
        binary[1] = 'E';
        mvc.perform(post("/api/v1/parse").contentType("text/markdown").content(binary))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        byte[] big = new byte[1024 * 1024 + 1];
        Arrays.fill(big, (byte) 'a');
        mvc.perform(post("/api/v1/parse").contentType("text/markdown").content(big))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("1048576")));
    }

    @Test
    void otherContentTypesAre415() throws Exception {
        mvc.perform(post("/api/v1/parse")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(415));
    }

    @Test
    void aClientOverItsAllowanceIs429WithRetryAfter() throws Exception {
        for (int i = 0; i < 20; i++) {
            mvc.perform(post("/api/v1/parse")
                            .contentType("text/markdown")
                            .content(SUPPORT_MD)
                            .with(from("192.0.2.50")))
                    .andExpect(status().isOk());
        }

        mvc.perform(post("/api/v1/parse")
                        .contentType("text/markdown")
                        .content(SUPPORT_MD)
                        .with(from("192.0.2.50")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, matchesPattern("[1-9][0-9]*")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.type").value("urn:xen-support:problem:parse-rate"))
                .andExpect(jsonPath("$.title").value("Too many parses"))
                .andExpect(jsonPath("$.detail", containsString("20 parses a minute")));
        // Another client is not affected.
        mvc.perform(post("/api/v1/parse")
                        .contentType("text/markdown")
                        .content(SUPPORT_MD)
                        .with(from("192.0.2.51")))
                .andExpect(status().isOk());
    }

    @Test
    void aParseFindingEveryPlaceTakenIs503WithRetryAfter() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> holder = CompletableFuture.supplyAsync(() -> {
            try {
                return gate.run(() -> {
                    started.countDown();
                    release.await();
                    return "held";
                });
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

            mvc.perform(post("/api/v1/parse")
                            .contentType("text/markdown")
                            .content(SUPPORT_MD)
                            .with(from("192.0.2.60")))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string(HttpHeaders.RETRY_AFTER, "1"))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(503))
                    .andExpect(jsonPath("$.type").value("urn:xen-support:problem:parse-busy"))
                    .andExpect(jsonPath("$.title").value("Parser busy"));
        } finally {
            release.countDown();
        }
        assertThat(holder.get(10, TimeUnit.SECONDS)).isEqualTo("held");
        mvc.perform(post("/api/v1/parse")
                        .contentType("text/markdown")
                        .content(SUPPORT_MD)
                        .with(from("192.0.2.60")))
                .andExpect(status().isOk());
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
