package org.xenproject.supportstatus.web.lifecycle;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.xenproject.supportstatus.imports.ImportJob;
import org.xenproject.supportstatus.imports.ImportRunView;
import org.xenproject.supportstatus.release.LifecycleState;
import org.xenproject.supportstatus.release.PointRelease;
import org.xenproject.supportstatus.snapshot.Release;
import org.xenproject.supportstatus.snapshot.Snapshot;
import org.xenproject.supportstatus.snapshot.Snapshots;

/**
 * Gauges an alert rule can watch, per released version: {@code xen_release_security_supported},
 * {@code xen_release_security_support_remaining_days}, {@code xen_release_general_support_remaining_days}
 * (negative once past), {@code xen_release_state{state}}, {@code xen_release_security_fixes_pending}
 * (fixes on the branch its latest point release lacks), and {@code xen_support_data_age_seconds}.
 * Each value is computed from the current snapshot when it is scraped; only which releases have rows
 * is looked at now and then, since releases come rarely.
 */
@Component
class LifecycleMetrics implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LifecycleMetrics.class);
    private static final Duration ROWS_EVERY = Duration.ofSeconds(30);

    private final Snapshots snapshots;
    private final ImportJob imports;
    private final Clock clock;
    private final MultiGauge securitySupported;
    private final MultiGauge securityDays;
    private final MultiGauge generalDays;
    private final MultiGauge state;
    private final MultiGauge fixesPending;
    private final ScheduledExecutorService rows = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "lifecycle-metrics");
        thread.setDaemon(true);
        return thread;
    });

    LifecycleMetrics(Snapshots snapshots, ImportJob imports, Clock clock, MeterRegistry registry) {
        this.snapshots = snapshots;
        this.imports = imports;
        this.clock = clock;
        securitySupported = MultiGauge.builder("xen.release.security.supported")
                .description("1 while the release is security supported, else 0")
                .register(registry);
        securityDays = MultiGauge.builder("xen.release.security.support.remaining.days")
                .description("Days left until the last day of security support; negative once past")
                .register(registry);
        generalDays = MultiGauge.builder("xen.release.general.support.remaining.days")
                .description("Days left until the last day of general support; negative once past")
                .register(registry);
        state = MultiGauge.builder("xen.release.state")
                .description("1 for the release's lifecycle state today, 0 for the others")
                .register(registry);
        fixesPending = MultiGauge.builder("xen.release.security.fixes.pending")
                .description("Security fixes on the release's branch that its latest point release lacks")
                .register(registry);
        Gauge.builder("xen.support.data.age", this, LifecycleMetrics::dataAgeSeconds)
                .baseUnit("seconds")
                .description("Seconds since the last import that succeeded")
                .register(registry);
        rows.scheduleWithFixedDelay(this::refreshRows, 0, ROWS_EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    /** One row per released version, whose value is read from the snapshot current at the scrape. */
    void refreshRows() {
        try {
            List<String> released =
                    released(snapshots.current()).stream().map(Release::version).toList();
            securitySupported.register(rows(released, (s, r) -> state(s, r).securitySupported() ? 1 : 0), true);
            securityDays.register(
                    rows(released, (s, r) -> daysLeft(s, r.document().release().securitySupportUntil())), true);
            generalDays.register(
                    rows(released, (s, r) -> daysLeft(s, r.document().release().supportedUntil())), true);
            List<MultiGauge.Row<?>> states = new ArrayList<>();
            for (String version : released) {
                for (LifecycleState each : LifecycleState.values()) {
                    states.add(MultiGauge.Row.of(
                            Tags.of("release", version, "state", each.id()),
                            this,
                            value(version, (s, r) -> state(s, r) == each ? 1 : 0)));
                }
            }
            state.register(states, true);
            fixesPending.register(rows(released, LifecycleMetrics::fixesPending), true);
        } catch (RuntimeException e) {
            // The database may be out of reach for a while; the rows stay as they were.
            log.debug("Lifecycle gauges not refreshed: {}", e.toString());
        }
    }

    private interface Value {
        double of(Snapshot snapshot, Release release);
    }

    private List<MultiGauge.Row<?>> rows(List<String> released, Value value) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (String version : released) {
            rows.add(MultiGauge.Row.of(Tags.of("release", version), this, value(version, value)));
        }
        return rows;
    }

    private static ToDoubleFunction<LifecycleMetrics> value(String version, Value value) {
        return metrics -> {
            try {
                Snapshot snapshot = metrics.snapshots.current();
                Optional<Release> release = snapshot.releases().stream()
                        .filter(r -> r.version().equals(version))
                        .findFirst();
                return release.map(r -> value.of(snapshot, r)).orElse(Double.NaN);
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        };
    }

    private static List<Release> released(Snapshot snapshot) {
        return Milestone.released(snapshot.releases()).stream()
                .filter(r -> r.document().release().initialRelease() != null)
                .toList();
    }

    private static LifecycleState state(Snapshot snapshot, Release release) {
        return release.lifecycle().stateOn(snapshot.day());
    }

    private static double fixesPending(Snapshot snapshot, Release release) {
        PointRelease latest = release.latest().orElse(null);
        return snapshot.advisories(null).of(release.version()).stream()
                .filter(fix -> !fix.fix().in(latest))
                .count();
    }

    private static double daysLeft(Snapshot snapshot, LocalDate lastDay) {
        return lastDay == null ? Double.NaN : ChronoUnit.DAYS.between(snapshot.day(), lastDay);
    }

    private double dataAgeSeconds() {
        try {
            return imports.recent(50).stream()
                    .filter(run -> "succeeded".equals(run.outcome()) && run.finishedAt() != null)
                    .map(ImportRunView::finishedAt)
                    .findFirst()
                    .map(done ->
                            (double) Duration.between(done, Instant.now(clock)).toSeconds())
                    .orElse(Double.NaN);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    @Override
    public void destroy() {
        rows.shutdownNow();
    }
}
