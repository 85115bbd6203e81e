package org.xenproject.supportstatus.imports;

import java.time.Duration;

import org.eclipse.jgit.lib.BatchingProgressMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a clone's or fetch's progress ("Receiving objects 45% (123456/274000)"), at most every few
 * seconds, so that an operator watching a first start knows it is working.
 */
final class LoggingProgressMonitor extends BatchingProgressMonitor {

    private static final Logger log = LoggerFactory.getLogger(LoggingProgressMonitor.class);
    private static final long INTERVAL_NANOS = Duration.ofSeconds(5).toNanos();

    private final String what;
    private long lastLogged = System.nanoTime() - INTERVAL_NANOS;

    LoggingProgressMonitor(String what) {
        this.what = what;
    }

    @Override
    protected void onUpdate(String taskName, int workCurr, Duration duration) {
        if (due()) {
            log.info("{}: {} {}", what, taskName, workCurr);
        }
    }

    @Override
    protected void onEndTask(String taskName, int workCurr, Duration duration) {
        log.info("{}: {} {}, done", what, taskName, workCurr);
    }

    @Override
    protected void onUpdate(String taskName, int workCurr, int workTotal, int percentDone, Duration duration) {
        if (due()) {
            log.info("{}: {} {}% ({}/{})", what, taskName, percentDone, workCurr, workTotal);
        }
    }

    @Override
    protected void onEndTask(String taskName, int workCurr, int workTotal, int percentDone, Duration duration) {
        log.info("{}: {} {}% ({}/{}), done", what, taskName, percentDone, workCurr, workTotal);
    }

    private boolean due() {
        long now = System.nanoTime();
        if (now - lastLogged >= INTERVAL_NANOS) {
            lastLogged = now;
            return true;
        }
        return false;
    }
}
