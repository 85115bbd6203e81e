package org.xenproject.supportstatus.imports;

import java.time.Duration;
import java.util.function.Consumer;
import org.eclipse.jgit.lib.BatchingProgressMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a clone's or fetch's progress ("Receiving objects 45% (123456/274000)"), at most every few
 * seconds, so that an operator watching a first start knows it is working; and reports it, every
 * second, to the run, which shows it on {@code GET /api/v1/imports}.
 */
final class LoggingProgressMonitor extends BatchingProgressMonitor {

    private static final Logger log = LoggerFactory.getLogger(LoggingProgressMonitor.class);
    private static final long LOG_NANOS = Duration.ofSeconds(5).toNanos();
    private static final long REPORT_NANOS = Duration.ofSeconds(1).toNanos();

    private final String what;
    private final Consumer<String> report;
    private long lastLogged = System.nanoTime() - LOG_NANOS;
    private long lastReported = System.nanoTime() - REPORT_NANOS;

    LoggingProgressMonitor(String what) {
        this(what, progress -> {});
    }

    LoggingProgressMonitor(String what, Consumer<String> report) {
        this.what = what;
        this.report = report;
    }

    @Override
    protected void onUpdate(String taskName, int workCurr, Duration duration) {
        update(taskName + " " + workCurr, false);
    }

    @Override
    protected void onEndTask(String taskName, int workCurr, Duration duration) {
        update(taskName + " " + workCurr + ", done", true);
    }

    @Override
    protected void onUpdate(String taskName, int workCurr, int workTotal, int percentDone, Duration duration) {
        update(taskName + " " + percentDone + "% (" + workCurr + "/" + workTotal + ")", false);
    }

    @Override
    protected void onEndTask(String taskName, int workCurr, int workTotal, int percentDone, Duration duration) {
        update(taskName + " " + percentDone + "% (" + workCurr + "/" + workTotal + "), done", true);
    }

    private void update(String progress, boolean done) {
        long now = System.nanoTime();
        if (done || now - lastLogged >= LOG_NANOS) {
            lastLogged = now;
            log.info("{}: {}", what, progress);
        }
        if (done || now - lastReported >= REPORT_NANOS) {
            lastReported = now;
            report.accept(progress);
        }
    }
}
