package org.xenproject.supportstatus.web.parse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What keeps parsing, whose cost the client chooses, from slowing the service for everyone else.
 *
 * <p>Each client address has an allowance of parses (a token bucket: a burst of the allowance, then
 * one every 60/allowance seconds); a client over it is refused at once, before its body is read.
 * The parses themselves run on a few threads of their own, no more than the settings allow at once.
 * Request threads are virtual, and a parse is work for a processor with no pause in it: run on the
 * request's thread it would hold one of the few carrier threads that every other request needs.
 * On threads of their own, the operating system shares the processors between parses and readers.
 * A parse that finds every place taken waits a short while, then is refused.
 */
final class ParseGate implements AutoCloseable {

    /** Addresses remembered at most; past this the least recently seen are forgotten first. */
    private static final int MAX_CLIENTS = 100_000;

    private final ParseSettings settings;
    private final int concurrency;
    private final Semaphore places;
    private final ExecutorService parsers;
    private final Cache<String, Bucket> allowances;
    private final Counter refusedRate;
    private final Counter refusedBusy;

    ParseGate(ParseSettings settings, int processors, MeterRegistry meters) {
        this.settings = settings;
        this.concurrency = settings.concurrency(processors);
        this.places = new Semaphore(concurrency, true);
        AtomicInteger count = new AtomicInteger();
        this.parsers = Executors.newFixedThreadPool(concurrency, task -> {
            Thread thread = new Thread(task, "parse-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // A bucket left alone for a minute is full again: forgetting it changes nothing.
        this.allowances = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofMinutes(1))
                .maximumSize(MAX_CLIENTS)
                .build();
        this.refusedRate = refused(meters, "rate", "a client address over its allowance of parses");
        this.refusedBusy = refused(meters, "busy", "every place for a parse taken for the whole wait");
    }

    private static Counter refused(MeterRegistry meters, String reason, String description) {
        return Counter.builder("xen.parse.refused")
                .description("Parses refused: " + description)
                .tag("reason", reason)
                .register(meters);
    }

    int concurrency() {
        return concurrency;
    }

    /**
     * Takes one parse from the client's allowance; if none is left, says so (429) without throwing,
     * so that a refusal costs less than the requests a flood is made of.
     */
    Optional<ParseRefused> admit(String clientAddress) {
        Bucket bucket = allowances.get(
                clientKey(clientAddress),
                key -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(settings.perMinute())
                                .refillGreedy(settings.perMinute(), Duration.ofMinutes(1)))
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        refusedRate.increment();
        return Optional.of(
                ParseRefused.overRate(settings.perMinute(), Duration.ofNanos(probe.getNanosToWaitForRefill())));
    }

    /** A parse: work that may fail with {@code E}. */
    @FunctionalInterface
    interface Parse<T, E extends Exception> {
        T call() throws E;
    }

    /** Runs {@code parse} on a parse thread once a place is free, or refuses it (503) after the wait. */
    <T, E extends Exception> T run(Parse<T, E> parse) throws E {
        boolean placed;
        try {
            placed = places.tryAcquire(settings.queueWait().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            placed = false;
        }
        if (!placed) {
            refusedBusy.increment();
            throw ParseRefused.busy(Duration.ofSeconds(1));
        }
        try {
            Future<T> result = parsers.submit(parse::call);
            try {
                return result.get();
            } catch (InterruptedException e) {
                // The service is stopping: the parse is abandoned.
                result.cancel(true);
                Thread.currentThread().interrupt();
                throw ParseRefused.busy(Duration.ofSeconds(1));
            } catch (ExecutionException e) {
                throw ParseGate.<E>rethrow(e.getCause());
            }
        } finally {
            places.release();
        }
    }

    /** What the parse threw, as it threw it: a runtime exception, an error, or its own {@code E}. */
    @SuppressWarnings("unchecked")
    private static <E extends Exception> E rethrow(Throwable cause) throws E {
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return (E) cause;
    }

    /**
     * The key of a client's allowance: its IPv4 address, or the /64 network of its IPv6 address,
     * since one IPv6 host can take any address of its /64.
     */
    static String clientKey(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return String.valueOf(address);
        }
        try {
            // A numeric address is parsed, never looked up.
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length == 16) {
                byte[] network = Arrays.copyOf(Arrays.copyOf(bytes, 8), 16);
                return InetAddress.getByAddress(network).getHostAddress() + "/64";
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }

    @Override
    public void close() {
        parsers.shutdownNow();
    }
}
