package org.xenproject.supportstatus.web.lifecycle;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VAlarm;
import biweekly.component.VEvent;
import biweekly.parameter.Related;
import biweekly.property.DateEnd;
import biweekly.property.DateStart;
import biweekly.property.Trigger;
import biweekly.util.Duration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.xenproject.supportstatus.release.ReleaseVersion;
import org.xenproject.supportstatus.snapshot.Release;
import org.xenproject.supportstatus.snapshot.Snapshot;
import org.xenproject.supportstatus.snapshot.Snapshots;
import org.xenproject.supportstatus.web.answer.Answer;
import org.xenproject.supportstatus.web.answer.PublicLinks;
import org.xenproject.supportstatus.web.problem.NotFoundException;

/**
 * Lifecycle dates as an iCalendar a calendar application subscribes to: one all-day event per
 * date, with a stable UID, and SEQUENCE and LAST-MODIFIED that move with the date, so a subscribed
 * calendar moves the event rather than adding another.
 */
@RestController
@Tag(name = "Lifecycle")
class CalendarController {

    static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");
    /** Days before an end of support that a subscribed calendar reminds of it. */
    static final List<Integer> ALARM_DAYS = List.of(90, 30, 7);

    private final Snapshots snapshots;
    private final PublicLinks links;

    CalendarController(Snapshots snapshots, PublicLinks links) {
        this.snapshots = snapshots;
        this.links = links;
    }

    /* The questions answered here: what each answer depends on, as the endpoint read it. */

    record CalendarQuestion(String linkBase) {}

    record ReleaseCalendarQuestion(String linkBase, ReleaseVersion version) {}

    @Operation(
            summary = "Every release's lifecycle dates as an iCalendar (RFC 5545), with reminders before each end",
            description =
                    "One all-day event per initial release, end of general support and end of security support; a date SUPPORT.md moves keeps its UID and raises its SEQUENCE, so subscribed calendars move the event.")
    @GetMapping(path = "/api/v1/calendar.ics", produces = "text/calendar;charset=UTF-8")
    Answer<String> calendar() {
        Snapshot snapshot = snapshots.current();
        return Answer.of(
                snapshot,
                new CalendarQuestion(links.base()),
                CALENDAR,
                () -> write(snapshot, Milestone.released(snapshot.releases()), "Xen releases"));
    }

    @Operation(
            summary = "One release's lifecycle dates as an iCalendar (RFC 5545)",
            description = "The same events as the whole calendar, for one release only.")
    @GetMapping(path = "/api/v1/releases/{version}/calendar.ics", produces = "text/calendar;charset=UTF-8")
    Answer<String> releaseCalendar(
            @Parameter(description = "4.17, 4.17.3, stable-4.17") @PathVariable ReleaseVersion version) {
        Snapshot snapshot = snapshots.current();
        Release release = snapshot.release(version);
        if (release.releaseVersion().isUnstable()) {
            throw new NotFoundException("unstable has no lifecycle dates until it is released");
        }
        return Answer.of(
                snapshot,
                new ReleaseCalendarQuestion(links.base(), version),
                CALENDAR,
                () -> write(snapshot, List.of(release), "Xen " + release.version()));
    }

    private String write(Snapshot snapshot, List<Release> releases, String name) {
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//Xen Project//Xen support status//EN");
        calendar.addExperimentalProperty("X-WR-CALNAME", name);
        for (Release release : releases) {
            for (Milestone milestone : Milestone.of(snapshot, release)) {
                calendar.addEvent(event(snapshot, milestone));
            }
        }
        return Biweekly.write(calendar).go();
    }

    private VEvent event(Snapshot snapshot, Milestone milestone) {
        VEvent event = new VEvent();
        String version = milestone.release().version();
        event.setUid("xen-" + version + "-" + milestone.kind().id + "@xen-support-status");
        // The data's time rather than the clock's, so the same data is the same calendar.
        event.setDateTimeStamp(Date.from(snapshot.changedAt()));
        event.setSummary(milestone.title());
        event.setDateStart(new DateStart(day(milestone.date()), false));
        event.setDateEnd(new DateEnd(day(milestone.date().plusDays(1)), false));
        event.setSequence(milestone.moves());
        Instant changed = milestone.changedAt();
        if (changed != null) {
            event.setLastModified(Date.from(changed));
        }
        String page = links.base() + "/releases/" + version;
        event.setUrl(page);
        event.setDescription(milestone.title() + " (" + milestone.date() + ", from SUPPORT.md). " + page);
        event.setTransparency(true);
        if (milestone.kind() != Milestone.Kind.RELEASED) {
            for (int days : ALARM_DAYS) {
                Trigger trigger = new Trigger(
                        new Duration.Builder().prior(true).days(days).build(), Related.START);
                event.addAlarm(VAlarm.display(trigger, milestone.title() + " in " + days + " days"));
            }
        }
        return event;
    }

    /** Biweekly writes a date without time in the JVM's zone: give it that day's start there. */
    private static Date day(LocalDate date) {
        return Date.from(date.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}
