package org.xenproject.supportstatus.web.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.VAlarm;
import biweekly.component.VEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.xenproject.supportstatus.testing.ApiTest;

/** The lifecycle calendars, read back through the iCalendar library's parser, as a calendar would. */
// Absolute links as a deployment with its public URL set gives them (the README's examples run on localhost:8080).
@TestPropertySource(properties = "XEN_SUPPORT_PUBLIC_URL=http://localhost:8080")
class CalendarApiTest extends ApiTest {

    @Test
    void everyReleasedVersionHasItsDatesAsAllDayEvents() {
        ICalendar calendar = read("/api/v1/calendar.ics");
        assertThat(calendar.validate(ICalVersion.V2_0).isEmpty())
                .as("RFC 5545 validation")
                .isTrue();
        Map<String, VEvent> events = byUid(calendar);
        assertThat(events)
                .containsKeys(
                        "xen-4.17-released@xen-support-status",
                        "xen-4.17-general-support-ends@xen-support-status",
                        "xen-4.17-security-support-ends@xen-support-status",
                        "xen-4.22-security-support-ends@xen-support-status");
        // unstable has no dates, and no events.
        assertThat(events.keySet()).noneMatch(uid -> uid.contains("unstable"));
        VEvent end = events.get("xen-4.17-security-support-ends@xen-support-status");
        assertThat(end.getSummary().getValue()).isEqualTo("Xen 4.17: security support ends");
        assertThat(end.getDateStart().getValue().hasTime()).isFalse();
        assertThat(day(end.getDateStart().getValue())).isEqualTo(LocalDate.parse("2027-12-12"));
        assertThat(end.getUrl().getValue()).isEqualTo("http://localhost:8080/releases/4.17");
        assertThat(end.getAlarms()).extracting(this::daysBefore).containsExactly(90, 30, 7);
        assertThat(events.get("xen-4.17-released@xen-support-status").getAlarms())
                .isEmpty();
    }

    @Test
    void aMovedDateMovesItsEventUnderTheSameUidWithSequenceRaised() {
        Map<String, VEvent> events = byUid(read("/api/v1/releases/4.17/calendar.ics"));
        VEvent moved = events.get("xen-4.17-security-support-ends@xen-support-status");
        assertThat(moved.getSequence().getValue()).isEqualTo(1);
        assertThat(moved.getLastModified().getValue().toInstant()).isEqualTo(Instant.parse("2026-02-12T10:01:00Z"));
        VEvent kept = events.get("xen-4.17-general-support-ends@xen-support-status");
        assertThat(kept.getSequence().getValue()).isEqualTo(0);
        assertThat(byUid(read("/api/v1/releases/4.21/calendar.ics"))
                        .get("xen-4.21-security-support-ends@xen-support-status")
                        .getSequence()
                        .getValue())
                .isEqualTo(0);
        assertThat(events.keySet()).allMatch(uid -> uid.startsWith("xen-4.17-"));
    }

    @Test
    void calendarsCarryTheCachingRuleAndErrorsAreProblems() {
        String etag = http.get()
                .uri("/api/v1/calendar.ics")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.parseMediaType("text/calendar"))
                .expectHeader()
                .valueEquals(HttpHeaders.CACHE_CONTROL, "public, max-age=60")
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
        http.get()
                .uri("/api/v1/calendar.ics")
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus()
                .isNotModified();
        http.get()
                .uri("/api/v1/releases/unstable/calendar.ics")
                .exchange()
                .expectStatus()
                .isNotFound();
        http.get()
                .uri("/api/v1/releases/4.99/calendar.ics")
                .exchange()
                .expectStatus()
                .isNotFound();
        http.get()
                .uri("/api/v1/releases/4.x/calendar.ics")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private ICalendar read(String path) {
        String text = http.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody();
        ICalendar calendar = Biweekly.parse(text).first();
        assertThat(calendar).as("a calendar in " + path).isNotNull();
        return calendar;
    }

    private static Map<String, VEvent> byUid(ICalendar calendar) {
        return calendar.getEvents().stream()
                .collect(Collectors.toMap(e -> e.getUid().getValue(), Function.identity()));
    }

    private int daysBefore(VAlarm alarm) {
        assertThat(alarm.getTrigger().getDuration().isPrior()).isTrue();
        return alarm.getTrigger().getDuration().getDays();
    }

    private static LocalDate day(java.util.Date date) {
        return date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    }
}
