package org.xenproject.supportstatus.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** An answer is computed once per snapshot, whoever asks meanwhile, and a failure is not kept. */
class SnapshotPreparedTest {

    /** A question as the endpoints name theirs: a record of what the answer depends on. */
    private record Question(String kind, String release, String filter) {}

    private final Snapshot snapshot =
            new Snapshot(1, Instant.EPOCH, LocalDate.of(2026, 11, 29), List.of(), null, new Sharing(), Map.of());

    @Test
    void theSameQuestionAskedMeanwhileWaitsForTheFirstAnswer() throws Exception {
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger computed = new AtomicInteger();
        CompletableFuture<String> first =
                CompletableFuture.supplyAsync(() -> snapshot.prepared(new Question("matrix", null, null), () -> {
                    computed.incrementAndGet();
                    computing.countDown();
                    await(release);
                    return "{}";
                }));
        assertThat(computing.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> second =
                CompletableFuture.supplyAsync(() -> snapshot.prepared(new Question("matrix", null, null), () -> {
                    computed.incrementAndGet();
                    return "computed again";
                }));
        Thread.sleep(200);
        assertThat(second).as("waits while the first computes").isNotDone();
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("{}");
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("{}");
        assertThat(computed).hasValue(1);
        assertThat(snapshot.computations()).isEqualTo(1);
    }

    @Test
    void anotherQuestionDoesNotWait() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> slow =
                CompletableFuture.supplyAsync(() -> snapshot.prepared(new Question("matrix", null, null), () -> {
                    await(release);
                    return "matrix";
                }));
        CompletableFuture<String> other = CompletableFuture.supplyAsync(
                () -> snapshot.prepared(new Question("releases", null, null), () -> "releases"));
        assertThat(other.get(5, TimeUnit.SECONDS)).isEqualTo("releases");
        assertThat(slow).isNotDone();
        release.countDown();
        assertThat(slow.get(5, TimeUnit.SECONDS)).isEqualTo("matrix");
    }

    @Test
    void questionsAreValuesAndNullsCount() {
        assertThat(new Question("features", "4.19", null)).isEqualTo(new Question("features", "4.19", null));
        assertThat(new Question("features", "4.19", null)).isNotEqualTo(new Question("features", "4.19", "x"));
        snapshot.prepared(new Question("features", "4.19", null), () -> "one");
        assertThat(snapshot.prepared(new Question("features", "4.19", null), () -> "two"))
                .isEqualTo("one");
        assertThat(snapshot.computations()).isEqualTo(1);
    }

    @Test
    void aFailureIsNotKept() {
        assertThatThrownBy(() -> snapshot.prepared(new Question("bad", null, null), () -> {
                    throw new IllegalStateException("no");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no");
        assertThat(snapshot.prepared(new Question("bad", null, null), () -> "fine"))
                .isEqualTo("fine");
        assertThat(snapshot.computations()).isEqualTo(2);
    }

    @Test
    void pastTheMemoryBoundAnswersAreGivenButNotKept() {
        Snapshot.Sized large = () -> Snapshot.MAX_BYTES + 1;
        assertThat(snapshot.prepared(new Question("large", null, null), () -> large))
                .isSameAs(large);
        snapshot.prepared(new Question("large", null, null), () -> large);
        assertThat(snapshot.computations()).isEqualTo(2);
    }

    @Test
    void anotherDayStartsWithNothingPrepared() {
        snapshot.prepared(new Question("releases", null, null), () -> "today");
        Snapshot tomorrow = snapshot.on(snapshot.day().plusDays(1));
        assertThat(tomorrow.version()).isEqualTo(snapshot.version());
        assertThat(tomorrow.prepared(new Question("releases", null, null), () -> "tomorrow"))
                .isEqualTo("tomorrow");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
