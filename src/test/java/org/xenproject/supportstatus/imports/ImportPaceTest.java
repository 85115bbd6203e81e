package org.xenproject.supportstatus.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An import of served data rests twice as long as each step took, two seconds at most; a first import never. */
class ImportPaceTest {

    @Test
    void aFirstImportNeverRests() throws InterruptedException {
        ImportPace pace = ImportPace.forImportOf(false);
        pace.start();
        Thread.sleep(30);
        assertThat(pace.stepDone()).isZero();
    }

    @Test
    void anImportOfServedDataRestsTwiceAsLongAsTheStepTook() throws InterruptedException {
        ImportPace pace = ImportPace.forImportOf(true);
        pace.start();
        Thread.sleep(30);
        assertThat(pace.stepDone()).isBetween(Duration.ofMillis(60), ImportPace.MAX_REST);
        // The next step is measured from the end of the rest, not from the start of the run.
        assertThat(pace.stepDone()).isLessThan(Duration.ofMillis(60));
    }

    @Test
    void noRestIsLongerThanTwoSeconds() throws InterruptedException {
        ImportPace pace = ImportPace.forImportOf(true);
        pace.start();
        Thread.sleep(1100);
        assertThat(pace.stepDone()).isEqualTo(ImportPace.MAX_REST);
    }

    @Test
    void aStoppingServiceCutsTheRestShort() {
        ImportPace pace = ImportPace.forImportOf(true);
        pace.start();
        Thread.currentThread().interrupt();
        try {
            pace.stepDone();
            assertThat(Thread.currentThread().isInterrupted())
                    .as("the interruption is kept for the caller")
                    .isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
