package org.xenproject.supportstatus.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** An import of served data rests as long as each branch took, a second at most; a first import never. */
class ImportPaceTest {

    @Test
    void aFirstImportNeverRests() throws InterruptedException {
        ImportPace pace = ImportPace.forImportOf(false);
        pace.start();
        Thread.sleep(30);
        assertThat(pace.branchDone()).isZero();
    }

    @Test
    void anImportOfServedDataRestsAsLongAsTheBranchTook() throws InterruptedException {
        ImportPace pace = ImportPace.forImportOf(true);
        pace.start();
        Thread.sleep(30);
        assertThat(pace.branchDone()).isBetween(Duration.ofMillis(30), ImportPace.MAX_REST);
        // The next branch is measured from the end of the rest, not from the start of the run.
        assertThat(pace.branchDone()).isLessThan(Duration.ofMillis(30));
    }

    @Test
    void noRestIsLongerThanASecond() throws InterruptedException {
        ImportPace pace = ImportPace.forImportOf(true);
        pace.start();
        Thread.sleep(1100);
        assertThat(pace.branchDone()).isEqualTo(ImportPace.MAX_REST);
    }

    @Test
    void aStoppingServiceCutsTheRestShort() {
        ImportPace pace = ImportPace.forImportOf(true);
        pace.start();
        Thread.currentThread().interrupt();
        try {
            pace.branchDone();
            assertThat(Thread.currentThread().isInterrupted()).as("the interruption is kept for the caller").isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
