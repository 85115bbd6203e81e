package org.xenproject.supportstatus.web.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.xenproject.supportstatus.testing.ApiTest;

/**
 * Lifecycle answers that depend on the day, on a fixed one: 2028-01-10, after 4.17's security
 * support ended (2027-12-12) and while 4.21 and 4.22 are still supported.
 */
@Import(LifecycleOnAFixedDayTest.FixedDay.class)
// Absolute links as a deployment with its public URL set gives them (the README's examples run on localhost:8080).
@TestPropertySource(properties = "XEN_SUPPORT_PUBLIC_URL=http://localhost:8080")
class LifecycleOnAFixedDayTest extends ApiTest {

    static final Instant NOW = Instant.parse("2028-01-10T12:00:00Z");
    private static final ParameterizedTypeReference<List<String>> STRINGS = new ParameterizedTypeReference<>() {};

    @TestConfiguration
    static class FixedDay {
        @Bean
        @Primary
        Clock fixedDay() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Test
    void eventsAreWhatHappenedUpToTodayNewestFirst() {
        http.get()
                .uri("/api/v1/events?size=200")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.asOf")
                .isEqualTo("2028-01-10")
                .jsonPath("$.events[0].type")
                .isEqualTo("security-support-ended")
                .jsonPath("$.events[0].release")
                .isEqualTo("4.17")
                .jsonPath("$.events[0].date")
                .isEqualTo("2027-12-13")
                .jsonPath("$.events[0].link")
                .isEqualTo("http://localhost:8080/releases/4.17")
                .jsonPath("$.events[0].daysLeft")
                .doesNotExist()
                .jsonPath("$.events[1].type")
                .isEqualTo("security-support-ending")
                .jsonPath("$.events[1].daysLeft")
                .isEqualTo(7)
                .jsonPath("$.events[1].date")
                .isEqualTo("2027-12-06")
                .jsonPath("$.events[*].date")
                .value(
                        STRINGS,
                        dates -> assertThat(dates)
                                .allMatch(d -> !LocalDate.parse(d).isAfter(LocalDate.parse("2028-01-10"))))
                .jsonPath("$.events[*].release")
                .value(STRINGS, r -> assertThat(r).doesNotContain("unstable"))
                // 4.22 ends general support on 2028-01-30: not yet an event.
                .jsonPath("$.events[?(@.release=='4.22' && @.type=='general-support-ended')]")
                .isEmpty()
                .jsonPath("$.events[?(@.release=='4.21' && @.type=='general-support-ended')].date")
                .value(STRINGS, d -> assertThat(d).containsExactly("2027-05-20"));
    }

    @Test
    void eventsFilterByReleaseAndType() {
        http.get()
                .uri("/api/v1/events?release=4.17&type=lifecycle-changed")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(1)
                .jsonPath("$.events[0].field")
                .isEqualTo("securitySupportUntil")
                .jsonPath("$.events[0].from")
                .isEqualTo("2025-12-12")
                .jsonPath("$.events[0].to")
                .isEqualTo("2027-12-12")
                .jsonPath("$.events[0].commit")
                .isEqualTo(fixture.commits().extension417())
                .jsonPath("$.events[0].date")
                .isEqualTo("2026-02-12");
        http.get()
                .uri("/api/v1/events?release=4.17.3&type=point-released,released")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.events[*].type")
                .value(STRINGS, t -> assertThat(t).containsExactly("point-released", "point-released", "released"))
                .jsonPath("$.events[0].version")
                .isEqualTo("4.17.3");
        http.get()
                .uri("/api/v1/events?type=retired")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.parameter")
                .isEqualTo("type");
        http.get().uri("/api/v1/events?release=4.99").exchange().expectStatus().isNotFound();
        http.get().uri("/api/v1/events?size=0").exchange().expectStatus().isBadRequest();
        String etag = http.get()
                .uri("/api/v1/events")
                .exchange()
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
        http.get()
                .uri("/api/v1/events")
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus()
                .isNotModified();
    }

    @Autowired
    MeterRegistry registry;

    @Autowired
    LifecycleMetrics metrics;

    @Test
    void gaugesAreComputedFromTheDataOnTheDay() {
        metrics.refreshRows();
        assertThat(gauge("xen.release.security.supported", "4.17")).isEqualTo(0);
        assertThat(gauge("xen.release.security.supported", "4.21")).isEqualTo(1);
        // 2027-12-12 was 29 days before 2028-01-10; 4.22's general support lasts until 2028-01-30.
        assertThat(gauge("xen.release.security.support.remaining.days", "4.17")).isEqualTo(-29);
        assertThat(gauge("xen.release.security.support.remaining.days", "4.21")).isEqualTo(314);
        assertThat(gauge("xen.release.general.support.remaining.days", "4.22")).isEqualTo(20);
        // 4.22's latest point release, 4.22.1, lacks the second part of XSA-501; 4.17.3 lacks XSA-500.
        assertThat(gauge("xen.release.security.fixes.pending", "4.22")).isEqualTo(1);
        assertThat(gauge("xen.release.security.fixes.pending", "4.17")).isEqualTo(1);
        assertThat(registry.get("xen.release.state")
                        .tags("release", "4.17", "state", "unsupported")
                        .gauge()
                        .value())
                .isEqualTo(1);
        assertThat(registry.get("xen.release.state")
                        .tags("release", "4.17", "state", "security-only")
                        .gauge()
                        .value())
                .isEqualTo(0);
        assertThat(registry.get("xen.release.state")
                        .tags("release", "4.22", "state", "supported")
                        .gauge()
                        .value())
                .isEqualTo(1);
        assertThat(registry.find("xen.release.security.supported")
                        .tag("release", "unstable")
                        .gauge())
                .isNull();
        String finished = http.get()
                .uri("/api/v1/imports?limit=1")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody()
                .replaceAll("(?s).*\"finishedAt\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        double expected =
                java.time.Duration.between(Instant.parse(finished), NOW).toSeconds();
        assertThat(registry.get("xen.support.data.age").gauge().value()).isEqualTo(expected);
    }

    private double gauge(String name, String release) {
        return registry.get(name).tag("release", release).gauge().value();
    }

    @Test
    void eventsAsAtomLinkToTheReleasePage() throws Exception {
        String xml = http.get()
                .uri("/api/v1/events.atom")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.parseMediaType("application/atom+xml"))
                .returnResult(String.class)
                .getResponseBody();
        SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));
        SyndEntry first = feed.getEntries().get(0);
        assertThat(first.getTitle()).isEqualTo("Xen 4.17: security support ended");
        assertThat(first.getLinks()).anySatisfy(link -> {
            assertThat(link.getRel()).isEqualTo("alternate");
            assertThat(link.getType()).isEqualTo("text/html");
            assertThat(link.getHref()).isEqualTo("http://localhost:8080/releases/4.17");
        });
    }
}
