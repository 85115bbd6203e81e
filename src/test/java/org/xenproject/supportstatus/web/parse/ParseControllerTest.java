package org.xenproject.supportstatus.web.parse;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.xenproject.supportstatus.web.WebLayerTest;

@WebMvcTest(ParseController.class)
@WebLayerTest
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

    @Autowired
    MockMvc mvc;

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
        mvc.perform(post("/api/v1/parse").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(415));
    }
}
