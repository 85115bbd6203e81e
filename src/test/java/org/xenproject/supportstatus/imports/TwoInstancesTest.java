package org.xenproject.supportstatus.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xenproject.supportstatus.testing.SupportFiles.supportMd;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xenproject.supportstatus.store.ImportRun.Trigger;
import org.xenproject.supportstatus.store.TestDatabase;
import org.xenproject.supportstatus.testing.ImportSource;
import org.xenproject.supportstatus.testing.XenRepository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances of the service on one database, as two replicas behind a proxy would be: this test's
 * context and a second one started beside it, each with its own git cache. Both import the same
 * changing branch again and again while readers query both. Imports never overlap, nothing is
 * stored twice, every read succeeds and shows one whole revision of the release: the old one or the
 * new one, never a mix and never an empty one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TwoInstancesTest {

    static final int ROUNDS = 8;

    @TempDir
    static Path temp;

    @LocalServerPort
    int port;

    @Autowired
    ImportJob job;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    XenRepository repo;
    ConfigurableApplicationContext other;
    final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void source(DynamicPropertyRegistry registry) {
        ImportSource.register(registry, () -> temp.resolve("xen"), () -> temp.resolve("cache-1"));
    }

    @BeforeEach
    void startSecondInstance() {
        ImportTestSupport.clear(jdbc);
        repo = XenRepository.create(temp.resolve("xen"));
        repo.commitSupport("master", "Add SUPPORT.md", supportMd("4.20-unstable", "n/a", "n/a", "n/a"));
        repo.branch("stable-4.19", "master");
        repo.commitSupport("stable-4.19", "Release 4.19.0", revision("Supported", 40, 1));
        other = ImportSource.startInstance(temp.resolve("xen"), temp.resolve("cache-2"));
        assertThat(other.getEnvironment().getProperty("spring.datasource.url"))
                .isEqualTo(TestDatabase.connection().url());
    }

    @AfterEach
    void stopSecondInstance() {
        other.close();
        repo.close();
    }

    /**
     * A 4.19 file whose generated features all carry {@code status}: two such files share only the
     * three features of {@link org.xenproject.supportstatus.testing.SupportFiles}. {@code securityDay} makes each file differ from the one before even with the same features.
     */
    static String revision(String status, int features, int securityDay) {
        StringBuilder text =
                new StringBuilder(supportMd("4.19", "2024-07-29", "2026-01-29", "2027-07-%02d".formatted(securityDay)));
        text.append("## Generated\n\n");
        for (int i = 0; i < features; i++) {
            text.append("### ")
                    .append(status)
                    .append(" feature ")
                    .append(i)
                    .append("\n\n    Status: ")
                    .append(status)
                    .append("\n\n");
        }
        return text.toString();
    }

    @Test
    void importsNeverOverlapNothingIsStoredTwiceAndReadersSeeWholeRevisionsThroughout() throws Exception {
        ImportJob otherJob = other.getBean(ImportJob.class);
        int otherPort = Integer.parseInt(other.getEnvironment().getProperty("local.server.port"));
        String[] status = {"Supported", "Experimental"};
        int[] features = {40, 60};
        // Every whole revision readers may see, as lists of feature keys.
        List<List<String>> whole = new ArrayList<>();
        assertThat(job.run(Trigger.ADMIN).outcome()).isEqualTo("succeeded");
        whole.add(featureKeys(read(port)));
        repo.commitSupport("stable-4.19", "SUPPORT.md: all experimental", revision(status[1], features[1], 2));
        assertThat(otherJob.run(Trigger.ADMIN).outcome()).isEqualTo("succeeded");
        whole.add(featureKeys(read(otherPort)));
        assertThat(whole.get(0)).hasSize(3 + features[0]).contains("supported-feature-39");
        assertThat(whole.get(1)).hasSize(3 + features[1]).contains("experimental-feature-59");

        AtomicBoolean importing = new AtomicBoolean(true);
        AtomicLong reads = new AtomicLong();
        List<String> wrong = new CopyOnWriteArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(6);
        List<Future<?>> readers = new ArrayList<>();
        for (int reader = 0; reader < 4; reader++) {
            int readerPort = reader % 2 == 0 ? port : otherPort;
            readers.add(threads.submit(() -> {
                while (importing.get()) {
                    try {
                        HttpResponse<String> response = get(readerPort, "/api/v1/releases/4.19/features");
                        reads.incrementAndGet();
                        if (response.statusCode() != 200) {
                            wrong.add(response.statusCode() + " " + response.body());
                            continue;
                        }
                        List<String> keys = featureKeys(json.readTree(response.body()));
                        if (!whole.contains(keys)) {
                            wrong.add("a revision that was never whole: " + keys);
                        }
                    } catch (Exception e) {
                        wrong.add(e.toString());
                    }
                }
                return null;
            }));
        }
        List<ImportRunView> runs = new CopyOnWriteArrayList<>();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                repo.commitSupport(
                        "stable-4.19",
                        "SUPPORT.md: round " + round,
                        revision(status[round % 2], features[round % 2], 3 + round));
                CountDownLatch go = new CountDownLatch(1);
                Future<?> first = threads.submit(() -> {
                    go.await();
                    return runs.add(job.run(Trigger.SCHEDULE));
                });
                Future<?> second = threads.submit(() -> {
                    go.await();
                    return runs.add(otherJob.run(Trigger.SCHEDULE));
                });
                go.countDown();
                first.get(60, TimeUnit.SECONDS);
                second.get(60, TimeUnit.SECONDS);
                // Whichever imported, both serve the new revision once they have seen the data
                // version move (the other instance polls it every second).
                awaitServed(port, status[round % 2] + "-feature-0");
                awaitServed(otherPort, status[round % 2] + "-feature-0");
            }
        } finally {
            importing.set(false);
            for (Future<?> reader : readers) {
                reader.get(30, TimeUnit.SECONDS);
            }
            threads.shutdown();
        }

        assertThat(wrong).isEmpty();
        assertThat(reads.get()).isGreaterThan(ROUNDS);
        assertThat(runs)
                .hasSize(2 * ROUNDS)
                .allSatisfy(run -> assertThat(run.outcome()).isIn("succeeded", "skipped"));
        // Runs that held the lock, in the order they began: each ended before the next began.
        List<ImportRunView> locked = runs.stream()
                .filter(run -> !run.outcome().equals("skipped"))
                .sorted(Comparator.comparing(ImportRunView::startedAt))
                .toList();
        for (int i = 1; i < locked.size(); i++) {
            Instant previousEnd = locked.get(i - 1).finishedAt();
            assertThat(locked.get(i).startedAt())
                    .as(
                            "run %s began before run %s ended",
                            locked.get(i).id(), locked.get(i - 1).id())
                    .isAfterOrEqualTo(previousEnd);
        }
        // Two revisions before the rounds, one per round: each stored once, by one run.
        long stable419Revisions = jdbc.sql("""
                select count(*) from revision v join release r on r.id = v.release_id where r.version = '4.19'""").query(Long.class).single();
        assertThat(stable419Revisions).isEqualTo(3 + ROUNDS); // master's first file, 4.19.0, the experimental edit
        assertThat(jdbc.sql("select coalesce(sum(revisions_imported), 0) from import_branch_result")
                        .query(Long.class)
                        .single())
                .isEqualTo(jdbc.sql("select count(*) from revision")
                        .query(Long.class)
                        .single());
        assertThat(jdbc.sql("select count(*) from (select 1 from release group by version having count(*) > 1) d")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private void awaitServed(int instancePort, String text) throws Exception {
        String key = text.toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < 50; i++) {
            if (featureKeys(read(instancePort)).contains(key)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("port " + instancePort + " never served " + key);
    }

    private JsonNode read(int instancePort) throws Exception {
        HttpResponse<String> response = get(instancePort, "/api/v1/releases/4.19/features");
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> get(int instancePort, String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instancePort + path))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> featureKeys(JsonNode features) {
        List<String> keys = new ArrayList<>();
        features.get("features").forEach(feature -> keys.add(feature.get("key").asString()));
        return keys;
    }
}
