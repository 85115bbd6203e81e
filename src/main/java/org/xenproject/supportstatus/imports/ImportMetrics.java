package org.xenproject.supportstatus.imports;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import org.xenproject.supportstatus.store.BranchResult;
import org.xenproject.supportstatus.store.Ids;
import org.xenproject.supportstatus.store.ImportRun;

/**
 * What an operator watches on /actuator/prometheus:
 * {@code xen_support_import_duration_seconds{outcome}},
 * {@code xen_support_import_last_success_timestamp_seconds{branch}},
 * {@code xen_support_import_revisions_total{branch}},
 * {@code xen_support_import_branch_failures_total{branch}} and
 * {@code xen_support_import_parse_warnings{branch}} (warnings in the file served now).
 */
@Component
public class ImportMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> warnings = new ConcurrentHashMap<>();

    public ImportMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    Timer.Sample startRun() {
        return Timer.start(registry);
    }

    void runFinished(Timer.Sample sample, ImportRun.Outcome outcome) {
        sample.stop(Timer.builder("xen.support.import.duration")
                .description("Time taken by one import run")
                .tag("outcome", Ids.id(outcome))
                .register(registry));
    }

    void branchDone(BranchResult result, Optional<Integer> currentWarnings) {
        String branch = result.branch();
        switch (result.outcome()) {
            case IMPORTED, UNCHANGED ->
                gauge(
                                lastSuccess,
                                "xen.support.import.last.success.timestamp",
                                "seconds",
                                "When the branch last imported cleanly",
                                branch)
                        .set(Instant.now().getEpochSecond());
            case FAILED ->
                Counter.builder("xen.support.import.branch.failures")
                        .description("Import runs in which the branch failed")
                        .tag("branch", branch)
                        .register(registry)
                        .increment();
            case SKIPPED -> {}
        }
        if (result.revisionsImported() > 0) {
            Counter.builder("xen.support.import.revisions")
                    .description("Revisions of SUPPORT.md stored")
                    .tag("branch", branch)
                    .register(registry)
                    .increment(result.revisionsImported());
        }
        currentWarnings.ifPresent(count -> gauge(
                        warnings,
                        "xen.support.import.parse.warnings",
                        null,
                        "Parse warnings in the SUPPORT.md served for the branch",
                        branch)
                .set(count));
    }

    private AtomicLong gauge(
            Map<String, AtomicLong> values, String name, String unit, String description, String branch) {
        return values.computeIfAbsent(branch, b -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(name, value, AtomicLong::get)
                    .description(description)
                    .baseUnit(unit)
                    .tag("branch", b)
                    .register(registry);
            return value;
        });
    }
}
