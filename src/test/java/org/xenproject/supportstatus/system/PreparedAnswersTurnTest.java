package org.xenproject.supportstatus.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** One request at a time computes the answer to a question; the others wait for it and reuse it. */
class PreparedAnswersTurnTest {

    @Test
    void theSameQuestionWaitsForTheRequestComputingIt() throws Exception {
        PreparedAnswers prepared = new PreparedAnswers();
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<PreparedAnswers.Answer> second;
        try (PreparedAnswers.Turn first = prepared.turn("/api/v1/matrix?null|")) {
            second = CompletableFuture.supplyAsync(() -> {
                waiting.countDown();
                try (PreparedAnswers.Turn turn = prepared.turn("/api/v1/matrix?null|")) {
                    return prepared.get("d1-1", "/api/v1/matrix?null|");
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(200);
            assertThat(second).as("waits while the first computes").isNotDone();
            prepared.put("d1-1", "/api/v1/matrix?null|", Map.of(), "application/json", "{}".getBytes());
        }
        PreparedAnswers.Answer reused = second.get(5, TimeUnit.SECONDS);
        assertThat(reused).isNotNull();
        assertThat(new String(reused.body())).isEqualTo("{}");
    }

    @Test
    void anotherQuestionDoesNotWait() throws Exception {
        PreparedAnswers prepared = new PreparedAnswers();
        String question = "/api/v1/matrix?null|";
        String other = "/api/v1/releases?null|";
        assertThat(Math.floorMod(question.hashCode(), PreparedAnswers.COMPUTING_STRIPES))
                .isNotEqualTo(Math.floorMod(other.hashCode(), PreparedAnswers.COMPUTING_STRIPES));
        try (PreparedAnswers.Turn first = prepared.turn(question)) {
            CompletableFuture<Boolean> free = CompletableFuture.supplyAsync(() -> {
                try (PreparedAnswers.Turn turn = prepared.turn(other)) {
                    return true;
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(free.get(5, TimeUnit.SECONDS)).isTrue();
        }
    }
}
