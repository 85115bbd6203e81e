package org.xenproject.supportstatus.imports;

import java.time.Duration;

/**
 * Readers come first (docs/architecture.md, "Imports and readers"). An import of data that is
 * already served rests after each branch as long as the branch took, a second at most: it takes
 * about half the processor time it would, and on a small machine the answers beside it keep most
 * of their rate. A first import, which newcomers wait for, never rests.
 */
final class ImportPace {

    static final Duration MAX_REST = Duration.ofSeconds(1);

    private final boolean resting;
    private long since = System.nanoTime();

    private ImportPace(boolean resting) {
        this.resting = resting;
    }

    /** Rests only if something was served before the import began. */
    static ImportPace forImportOf(boolean dataServed) {
        return new ImportPace(dataServed);
    }

    /** The work of the next branch starts now. */
    void start() {
        since = System.nanoTime();
    }

    /** A branch is done: rest as long as it took, then start the next. Answers how long it rested. */
    Duration branchDone() {
        Duration rest = Duration.ZERO;
        if (resting) {
            rest = Duration.ofNanos(Math.min(System.nanoTime() - since, MAX_REST.toNanos()));
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
