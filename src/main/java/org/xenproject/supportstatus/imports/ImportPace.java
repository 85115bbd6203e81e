package org.xenproject.supportstatus.imports;

import java.time.Duration;

/**
 * Readers come first (docs/architecture.md, "Imports and readers"). An import of data that is
 * already served rests after each step (the fetch, each branch, then their fixes) twice as long as
 * the step took, two seconds at most: at any moment it takes at most about a third of a
 * processor, and on a small machine the answers beside it keep most of their rate. A first import,
 * which newcomers wait for, never rests.
 */
final class ImportPace {

    static final int REST_PER_WORK = 2;
    static final Duration MAX_REST = Duration.ofSeconds(2);

    private final boolean resting;
    private long since = System.nanoTime();

    private ImportPace(boolean resting) {
        this.resting = resting;
    }

    /** Rests only if something was served before the import began. */
    static ImportPace forImportOf(boolean dataServed) {
        return new ImportPace(dataServed);
    }

    /** The work of the next step starts now. */
    void start() {
        since = System.nanoTime();
    }

    /** A step is done: rest twice as long as it took, then start the next. Answers how long it rested. */
    Duration stepDone() {
        Duration rest = Duration.ZERO;
        if (resting) {
            rest = Duration.ofNanos(Math.min(REST_PER_WORK * (System.nanoTime() - since), MAX_REST.toNanos()));
            try {
                Thread.sleep(rest.toMillis(), rest.toNanosPart() % 1_000_000);
            } catch (InterruptedException e) {
                // The service is stopping: the import finishes its work without resting.
                Thread.currentThread().interrupt();
            }
        }
        start();
        return rest;
    }
}
