package org.xenproject.supportstatus.web.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.xenproject.supportstatus.supportmd.SupportMdRejected;

class ParseGateTest {

    final MeterRegistry meters = new SimpleMeterRegistry();
    ParseGate gate;

    @AfterEach
    void close() {
        if (gate != null) {
            gate.close();
        }
    }

    @Test
    void aClientOverItsAllowanceIsRefusedWithRetryAfterAndOthersAreNot() {
        gate = new ParseGate(new ParseSettings(1, Duration.ZERO, 3), 2, meters);
        for (int i = 0; i < 3; i++) {
            assertThat(gate.admit("192.0.2.1")).isEmpty();
        }

        ParseRefused refused = gate.admit("192.0.2.1").orElseThrow();

        assertThat(refused.reason()).isEqualTo(ParseRefused.Reason.RATE);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.getBody().getType().toString()).isEqualTo("urn:xen-support:problem:parse-rate");
        // 3 a minute: the next one in about 20 s.
        assertThat(Long.parseLong(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)))
                .isBetween(1L, 20L);
        assertThat(refusedCount("rate")).isEqualTo(1.0);
        assertThat(refusedCount("busy")).isZero();
        assertThat(gate.admit("192.0.2.2")).isEmpty();
    }

    @Test
    void ipv6AddressesOfOneSlash64ShareAnAllowance() {
        assertThat(ParseGate.clientKey("2001:db8:1:2:aaaa::1")).isEqualTo(ParseGate.clientKey("2001:db8:1:2:bbbb::7"));
        assertThat(ParseGate.clientKey("2001:db8:1:2::1")).isNotEqualTo(ParseGate.clientKey("2001:db8:1:3::1"));
        assertThat(ParseGate.clientKey("192.0.2.1")).isEqualTo("192.0.2.1");

        gate = new ParseGate(new ParseSettings(1, Duration.ZERO, 1), 2, meters);
        assertThat(gate.admit("2001:db8:1:2:aaaa::1")).isEmpty();
        assertThat(gate.admit("2001:db8:1:2:bbbb::7")).isPresent();
        assertThat(gate.admit("2001:db8:1:3::1")).isEmpty();
    }

    @Test
    void aParseFindingEveryPlaceTakenWaitsThenIsRefusedWithRetryAfter() throws Exception {
        gate = new ParseGate(new ParseSettings(1, Duration.ofMillis(50), 60), 8, meters);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
            try {
                return gate.run(() -> {
                    started.countDown();
                    release.await();
                    return "first";
                });
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        ParseRefused refused = catchThrowableOfType(ParseRefused.class, () -> gate.run(() -> "second"));

        assertThat(refused.reason()).isEqualTo(ParseRefused.Reason.BUSY);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(refusedCount("busy")).isEqualTo(1.0);

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        // The place is free again.
        assertThat(gate.run(() -> "third")).isEqualTo("third");
    }

    @Test
    void parsesRunOffTheRequestThreadAndTheirFailuresComeBackAsThrown() {
        gate = new ParseGate(new ParseSettings(0, Duration.ofSeconds(1), 60), 2, meters);
        assertThat(gate.concurrency()).isEqualTo(1);

        assertThat(gate.run(() -> Thread.currentThread().getName())).startsWith("parse-");
        SupportMdRejected rejected = new SupportMdRejected(SupportMdRejected.Reason.EMPTY, "empty");
        assertThatThrownBy(() -> gate.run(() -> {
                    throw rejected;
                }))
                .isSameAs(rejected);
        IllegalStateException bug = new IllegalStateException("bug");
        assertThatThrownBy(() -> gate.run(() -> {
                    throw bug;
                }))
                .isSameAs(bug);
    }

    private double refusedCount(String reason) {
        return meters.get("xen.parse.refused").tag("reason", reason).counter().count();
    }
}
