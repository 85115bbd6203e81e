package org.xenproject.supportstatus.web.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.xenproject.supportstatus.imports.ImportTestSupport;

/** With no XEN_SUPPORT_ADMIN_TOKEN, the service refuses every admin call: 403, whatever is presented. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "xen.support.admin.token=")
@AutoConfigureRestTestClient
class ImportControllerWithoutTokenTest {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Test
    void postIs403AsAProblem() {
        ImportTestSupport.clear(jdbc);
        for (String authorization : new String[] {null, "Bearer ", "Bearer anything"}) {
            var request = http.post().uri("/api/v1/imports");
            if (authorization != null) {
                request = request.header(HttpHeaders.AUTHORIZATION, authorization);
            }
            request.exchange()
                    .expectStatus()
                    .isForbidden()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo(403)
                    .jsonPath("$.detail")
                    .value(detail -> assertThat((String) detail).contains("XEN_SUPPORT_ADMIN_TOKEN"));
        }
        assertThat(jdbc.sql("select count(*) from import_run").query(Long.class).single())
                .isZero();
    }
}
