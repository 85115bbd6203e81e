package org.xenproject.supportstatus.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xenproject.supportstatus.testing.SupportFiles.supportMd;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xenproject.supportstatus.store.ImportRun.Trigger;
import org.xenproject.supportstatus.testing.XenRepository;

/** The http source against a web server on 127.0.0.1 that the test scripts branch by branch. */
class HttpImportTest extends ImportTestSupport {

    interface Answer {
        void answer(HttpExchange exchange) throws IOException, InterruptedException;
    }

    static final Duration TIMEOUT = Duration.ofMillis(500);
    static final int MAX_BYTES = 8 * 1024;

    final Map<String, Answer> answers = new ConcurrentHashMap<>();
    final List<String> conditionalRequests = new CopyOnWriteArrayList<>();
    /** Every path the plain HTTP server was asked for. */
    final List<String> requested = new CopyOnWriteArrayList<>();

    final ExecutorService serverThreads = Executors.newCachedThreadPool();
    HttpServer server;
    XenRepository repo;
    String tip;

    @BeforeEach
    void start() throws IOException {
        repo = XenRepository.create(temp.resolve("xen"));
        tip = repo.commit("master", "Unrelated", "xen/x.c", "int x;\n").name();
        for (String branch : List.of(
                "stable-4.9",
                "stable-4.17",
                "stable-4.18",
                "stable-4.19",
                "stable-4.20",
                "stable-4.21",
                "stable-4.22")) {
            repo.branch(branch, "master");
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(serverThreads);
        server.createContext("/", answering(answers, exchange -> {
            String path = exchange.getRequestURI().getPath();
            requested.add(path);
            if (exchange.getRequestHeaders().containsKey("If-None-Match")) {
                conditionalRequests.add(
                        path + " " + exchange.getRequestHeaders().getFirst("If-None-Match"));
            }
        }));
        server.start();
    }

    /** Answers each path as {@code table} says, 404 where it says nothing, once {@code seen} saw the request. */
    static HttpHandler answering(Map<String, Answer> table, Consumer<HttpExchange> seen) {
        return exchange -> {
            try (exchange) {
                seen.accept(exchange);
                Answer answer = table.get(exchange.getRequestURI().getPath());
                if (answer == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    answer.answer(exchange);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    @AfterEach
    void stop() {
        server.stop(0);
        serverThreads.shutdownNow();
        repo.close();
    }

    ImportJob httpJob() {
        return httpJob(MAX_BYTES);
    }

    ImportJob httpJob(int maxBytes) {
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(TIMEOUT)
                .build();
        String template = "http://127.0.0.1:" + server.getAddress().getPort() + "/files/{branch}/SUPPORT.md";
        return job(() -> new HttpSupportSource(client, repo.url(), template, TIMEOUT, maxBytes), "stable-*", "master");
    }

    static String file(String branch) {
        return "/files/" + branch + "/SUPPORT.md";
    }

    static Answer ok(String body, String etag) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return exchange -> {
            if (etag != null && etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            if (etag != null) {
                exchange.getResponseHeaders().add("ETag", etag);
            }
            exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        };
    }

    static Answer status(int code) {
        return exchange -> exchange.sendResponseHeaders(code, -1);
    }

    static Answer redirect(String location) {
        return exchange -> {
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(302, -1);
        };
    }

    @Test
    void conditionalRequestsMakeAnUnchangedBranchCheap() {
        answers.put(file("stable-4.19"), ok(supportMd("4.19", "2024-07-29", "2026-01-29", "2027-07-29"), "\"v1\""));
        ImportJob job = httpJob();

        ImportRunView first = job.run(Trigger.STARTUP);

        assertThat(first.outcome()).isEqualTo("succeeded");
        assertThat(branch(first, "stable-4.19"))
                .extracting(ImportRunView.Branch::outcome, ImportRunView.Branch::revisionsImported)
                .containsExactly("imported", 1);
        assertThat(branch(first, "master").outcome()).isEqualTo("skipped");
        // A web server has no commits, so no security fixes: none read, none failed.
        assertThat(first.branches())
                .allSatisfy(b -> assertThat(b)
                        .extracting(
                                ImportRunView.Branch::fixesImported,
                                ImportRunView.Branch::fixCommitsRead,
                                ImportRunView.Branch::fixesFailure)
                        .containsExactly(null, null, null));
        assertThat(count("fix_commit") + count("release_fix")).isZero();
        Map<String, Object> revision =
                jdbc.sql("select commit_id, branch_tip from revision").query().singleRow();
        assertThat(revision.get("commit_id")).isNull();
        assertThat(revision.get("branch_tip")).isEqualTo(tip);
        assertThat(jdbc.sql("select etag from source_branch where branch = 'stable-4.19'")
                        .query(String.class)
                        .single())
                .isEqualTo("\"v1\"");
        long version = dataVersion();

        ImportRunView second = job.run(Trigger.SCHEDULE);

        assertThat(conditionalRequests).containsExactly(file("stable-4.19") + " \"v1\"");
        assertThat(branch(second, "stable-4.19").outcome()).isEqualTo("unchanged");
        assertThat(count("revision")).isEqualTo(1);
        assertThat(dataVersion()).isEqualTo(version);

        // Same content without validators: compared by SHA-256, still nothing new.
        answers.put(file("stable-4.19"), ok(supportMd("4.19", "2024-07-29", "2026-01-29", "2027-07-29"), null));
        assertThat(branch(job.run(Trigger.SCHEDULE), "stable-4.19").outcome()).isEqualTo("unchanged");
        assertThat(count("revision")).isEqualTo(1);
        assertThat(dataVersion()).isEqualTo(version);

        // New content: a new revision, served from now on.
        Long before = currentRevisionId("4.19");
        answers.put(file("stable-4.19"), ok(supportMd("4.19", "2024-07-29", "2026-01-29", "2029-07-29"), "\"v2\""));
        ImportRunView changed = job.run(Trigger.SCHEDULE);
        assertThat(branch(changed, "stable-4.19").outcome()).isEqualTo("imported");
        assertThat(currentRevisionId("4.19")).isNotEqualTo(before);
        assertThat(revisions("4.19")).isEqualTo(2);
        assertThat(dataVersion()).isGreaterThan(version);
    }

    @Test
    void eachBrokenBranchFailsAloneWithItsReason() {
        String good = supportMd("4.19", "2024-07-29", "2026-01-29", "2027-07-29");
        answers.put(file("stable-4.19"), ok(good, "\"a\""));
        answers.put(file("stable-4.20"), status(500));
        answers.put(file("stable-4.21"), ok("x".repeat(MAX_BYTES + 1), null));
        answers.put(file("stable-4.22"), exchange -> Thread.sleep(3_000));
        answers.put(file("stable-4.18"), redirect("/loop/a"));
        answers.put("/loop/a", redirect("/loop/b"));
        answers.put("/loop/b", redirect("/loop/a"));
        answers.put(file("stable-4.17"), redirect("/moved/stable-4.17"));
        answers.put("/moved/stable-4.17", ok(supportMd("4.17", "2022-12-12", "2024-06-12", "2027-12-12"), null));
        answers.put(file("master"), exchange -> {
            byte[] notUtf8 = {'#', ' ', (byte) 0xC3, (byte) 0x28, '\n'};
            exchange.sendResponseHeaders(200, notUtf8.length);
            exchange.getResponseBody().write(notUtf8);
        });
        long started = System.nanoTime();

        ImportRunView run = httpJob().run(Trigger.ADMIN);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        assertThat(run.outcome()).isEqualTo("partial");
        assertThat(branch(run, "stable-4.19").outcome()).isEqualTo("imported");
        assertThat(branch(run, "stable-4.17").outcome()).isEqualTo("imported");
        assertThat(branch(run, "stable-4.9"))
                .extracting(ImportRunView.Branch::outcome, ImportRunView.Branch::detail)
                .containsExactly("skipped", "no SUPPORT.md");
        assertThat(branch(run, "stable-4.20").detail()).contains("HTTP 500");
        assertThat(branch(run, "stable-4.21").detail()).contains("larger than " + MAX_BYTES + " bytes");
        assertThat(branch(run, "stable-4.22").detail()).contains("within PT0.5S");
        assertThat(branch(run, "stable-4.18").detail()).contains("too many redirects");
        assertThat(branch(run, "master").detail()).containsIgnoringCase("UTF-8");
        for (String broken : List.of("stable-4.20", "stable-4.21", "stable-4.22", "stable-4.18", "master")) {
            assertThat(branch(run, broken).outcome()).as(broken).isEqualTo("failed");
        }
        assertThat(jdbc.sql("select version from release order by version")
                        .query(String.class)
                        .list())
                .containsExactly("4.17", "4.19");
    }

    /** Sends a 200 with a Content-Length, then one byte every 100 ms: 30 s in all if nobody stops it. */
    static Answer slowDrip() {
        return exchange -> {
            exchange.sendResponseHeaders(200, 300);
            for (int i = 0; i < 300; i++) {
                exchange.getResponseBody().write('#');
                exchange.getResponseBody().flush();
                Thread.sleep(100);
            }
        };
    }

    static Answer bytes(byte[] body) {
        return exchange -> {
            exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        };
    }

    @Test
    void eachUpstreamFaultFailsItsBranchAloneAndLosesNothingServed() throws IOException {
        List<String> faulty = List.of(
                "stable-4.10",
                "stable-4.11",
                "stable-4.12",
                "stable-4.13",
                "stable-4.14",
                "stable-4.15",
                "stable-4.16",
                "stable-4.17",
                "stable-4.18");
        for (String branch : faulty) {
            if (!branch.equals("stable-4.17") && !branch.equals("stable-4.18")) {
                repo.branch(branch, "master");
            }
            String version = branch.substring("stable-".length());
            answers.put(
                    file(branch),
                    ok(supportMd(version, "2020-01-01", "2021-01-01", "2022-01-01"), "\"" + version + "\""));
        }
        answers.put(file("stable-4.19"), ok(supportMd("4.19", "2024-07-29", "2026-01-29", "2027-07-29"), "\"a\""));
        ImportJob job = httpJob(1024 * 1024);
        assertThat(job.run(Trigger.STARTUP).outcome()).isEqualTo("succeeded");
        Map<String, Long> served = new ConcurrentHashMap<>();
        for (String branch : faulty) {
            served.put(branch, currentRevisionId(branch.substring("stable-".length())));
        }
        long revisions = count("revision");

        // A server that accepts the connection and never says a word.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new CopyOnWriteArrayList<>();
            serverThreads.execute(() -> {
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            byte[] garbage = new byte[4096];
            new Random(7).nextBytes(garbage);
            answers.put(file("stable-4.10"), status(500));
            answers.remove(file("stable-4.11")); // 404
            answers.put(file("stable-4.12"), redirect("http://127.0.0.1:" + silent.getLocalPort() + "/SUPPORT.md"));
            answers.put(file("stable-4.13"), redirect("/loop/a"));
            answers.put("/loop/a", redirect("/loop/b"));
            answers.put("/loop/b", redirect("/loop/a"));
            answers.put(file("stable-4.14"), slowDrip());
            answers.put(file("stable-4.15"), ok("#".repeat(3 * 1024 * 1024), "\"big\""));
            answers.put(file("stable-4.16"), bytes(new byte[] {'#', ' ', (byte) 0xC3, (byte) 0x28, '\n'}));
            answers.put(file("stable-4.17"), bytes(new byte[0]));
            answers.put(file("stable-4.18"), bytes(garbage));
            answers.put(file("stable-4.19"), ok(supportMd("4.19", "2024-07-29", "2026-01-29", "2029-07-29"), "\"b\""));
            long started = System.nanoTime();

            ImportRunView run = job.run(Trigger.SCHEDULE);

            // Each wait is bounded by the timeout, the slow drip's body included (it would last 30 s).
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
            assertThat(run.outcome()).isEqualTo("partial");
            ImportRunView recorded = job.find(run.id()).orElseThrow();
            assertThat(branch(recorded, "stable-4.10").detail()).contains("HTTP 500");
            assertThat(branch(recorded, "stable-4.11").detail()).contains("HTTP 404");
            assertThat(branch(recorded, "stable-4.12").detail()).contains("within PT0.5S");
            assertThat(branch(recorded, "stable-4.13").detail()).contains("too many redirects");
            assertThat(branch(recorded, "stable-4.14").detail()).contains("no complete answer within PT0.5S");
            assertThat(branch(recorded, "stable-4.15").detail()).contains("larger than 1048576 bytes");
            assertThat(branch(recorded, "stable-4.16").detail()).containsIgnoringCase("UTF-8");
            assertThat(branch(recorded, "stable-4.17").detail()).containsIgnoringCase("empty");
            assertThat(branch(recorded, "stable-4.18").detail()).contains("cannot be read");
            for (String branch : faulty) {
                assertThat(branch(recorded, branch).outcome()).as(branch).isEqualTo("failed");
                assertThat(currentRevisionId(branch.substring("stable-".length())))
                        .as(branch)
                        .isEqualTo(served.get(branch));
            }
            assertThat(branch(recorded, "stable-4.19").outcome()).isEqualTo("imported");
            assertThat(count("revision")).isEqualTo(revisions + 1);
            held.forEach(socket -> {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing the silent server's side only
                }
            });
        }
    }

    @Test
    void aBranchThatBreaksAfterAnImportKeepsWhatIsServed() {
        answers.put(file("stable-4.19"), ok(supportMd("4.19", "2024-07-29", "2026-01-29", "2027-07-29"), "\"a\""));
        ImportJob job = httpJob();
        job.run(Trigger.STARTUP);
        Long served = currentRevisionId("4.19");
        long version = dataVersion();

        answers.put(file("stable-4.19"), status(503));
        ImportRunView unavailable = job.run(Trigger.SCHEDULE);
        answers.remove(file("stable-4.19"));
        ImportRunView gone = job.run(Trigger.SCHEDULE);

        assertThat(branch(unavailable, "stable-4.19"))
                .extracting(ImportRunView.Branch::outcome)
                .isEqualTo("failed");
        assertThat(branch(gone, "stable-4.19").detail()).contains("gone").contains("HTTP 404");
        assertThat(currentRevisionId("4.19")).isEqualTo(served);
        assertThat(count("revision")).isEqualTo(1);
        assertThat(dataVersion()).isEqualTo(version);
    }

    @Test
    void aRedirectFromHttpsToHttpIsNeverFollowedAndTheBranchKeepsWhatIsServed() throws Exception {
        Tls tls = Tls.forLoopback(temp.resolve("server.p12"));
        Map<String, Answer> secure = new ConcurrentHashMap<>();
        HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tls.server()));
        https.setExecutor(serverThreads);
        https.createContext("/", answering(secure, exchange -> {}));
        https.start();
        try {
            String base = "https://127.0.0.1:" + https.getAddress().getPort();
            // As ImportConfiguration builds it, trusting the test's own key; time for TLS handshakes.
            Duration timeout = Duration.ofSeconds(5);
            HttpClient client = HttpClient.newBuilder()
                    .sslContext(tls.client())
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(timeout)
                    .build();
            ImportJob job = job(
                    () -> new HttpSupportSource(
                            client, repo.url(), base + "/files/{branch}/SUPPORT.md", timeout, MAX_BYTES),
                    "stable-*",
                    "master");
            // From https to https is followed.
            secure.put(file("stable-4.19"), redirect(base + "/moved/stable-4.19/SUPPORT.md"));
            secure.put(
                    "/moved/stable-4.19/SUPPORT.md",
                    ok(supportMd("4.19", "2024-07-29", "2026-01-29", "2027-07-29"), null));
            assertThat(branch(job.run(Trigger.STARTUP), "stable-4.19").outcome())
                    .isEqualTo("imported");
            Long served = currentRevisionId("4.19");
            long version = dataVersion();

            String plain = "http://127.0.0.1:" + server.getAddress().getPort() + file("stable-4.19");
            secure.put(file("stable-4.19"), redirect(plain));
            answers.put(file("stable-4.19"), ok(supportMd("4.19", "2024-07-29", "2026-01-29", "2030-07-29"), null));
            ImportRunView run = job.run(Trigger.SCHEDULE);

            assertThat(run.outcome()).isEqualTo("partial");
            assertThat(branch(run, "stable-4.19"))
                    .extracting(ImportRunView.Branch::outcome, ImportRunView.Branch::detail)
                    .containsExactly(
                            "failed",
                            "redirect from https to http refused: " + base + file("stable-4.19") + " to " + plain);
            assertThat(requested).as("the plain HTTP server is never asked").isEmpty();
            assertThat(currentRevisionId("4.19")).isEqualTo(served);
            assertThat(count("revision")).isEqualTo(1);
            assertThat(dataVersion()).isEqualTo(version);
        } finally {
            https.stop(0);
        }
    }

    /** A key of the test's own for 127.0.0.1, made by the JDK's keytool, and a client that trusts it alone. */
    record Tls(SSLContext server, SSLContext client) {

        static Tls forLoopback(Path keys) throws Exception {
            String password = "test-only";
            Process keytool = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "keytool")
                                    .toString(),
                            "-genkeypair",
                            "-alias",
                            "local",
                            "-keyalg",
                            "EC",
                            "-groupname",
                            "secp256r1",
                            "-validity",
                            "1",
                            "-dname",
                            "CN=127.0.0.1",
                            "-ext",
                            "san=ip:127.0.0.1",
                            "-keystore",
                            keys.toString(),
                            "-storetype",
                            "PKCS12",
                            "-storepass",
                            password,
                            "-keypass",
                            password)
                    .redirectErrorStream(true)
                    .start();
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(keytool.exitValue()).as(output).isZero();
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keys)) {
                store.load(in, password.toCharArray());
            }
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(store, password.toCharArray());
            SSLContext server = SSLContext.getInstance("TLS");
            server.init(keyManagers.getKeyManagers(), null, null);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext client = SSLContext.getInstance("TLS");
            client.init(null, trust.getTrustManagers(), null);
            return new Tls(server, client);
        }
    }
}
