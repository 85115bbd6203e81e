package org.xenproject.supportstatus.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xenproject.supportstatus.testing.SupportFiles.supportMd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;
import org.xenproject.supportstatus.imports.ImportJob;
import org.xenproject.supportstatus.store.ImportRun.Trigger;
import org.xenproject.supportstatus.testing.ImportSource;
import org.xenproject.supportstatus.testing.ImportedData;
import org.xenproject.supportstatus.testing.XenRepository;

/**
 * Every query parameter and path variable of every GET endpoint, given anything at all (any
 * Unicode, control characters, very long values, SQL and path-traversal shapes, near misses of
 * valid values): the answer is 2xx, 3xx or 4xx, never 5xx, and a 4xx is always a problem. The
 * service runs for real on a port, with data imported, so requests reach the code behind a valid
 * release and a valid key too.
 */
class HostileInputProperties {

    /**
     * One place a value goes: {@code {value}} in the path or a query parameter's value. The other
     * parts of the URL stay valid, so the value is what is judged.
     */
    record Target(String template) {
        String with(String value) {
            return template.replace("{value}", encode(value));
        }

        /** The HTML pages answer a bad version or filter with a page of their own. */
        boolean isPage() {
            return !template.startsWith("/api/");
        }

        @Override
        public String toString() {
            return template;
        }
    }

    /**
     * Every GET endpoint, each parameter and path variable on its own (from the controllers'
     * {@code @GetMapping}s); {@code x=} stands for a parameter an endpoint does not take.
     */
    static final List<String> TARGETS = List.of(
            "/api/v1/releases?on={value}",
            "/api/v1/releases?state={value}",
            "/api/v1/releases?securitySupported={value}",
            "/api/v1/releases?at={value}",
            "/api/v1/releases/{value}",
            "/api/v1/releases/4.19?on={value}",
            "/api/v1/releases/4.19?at={value}",
            "/api/v1/releases/{value}/versions",
            "/api/v1/releases/{value}/features",
            "/api/v1/releases/4.19/features?arch={value}",
            "/api/v1/releases/4.19/features?level={value}",
            "/api/v1/releases/4.19/features?security={value}",
            "/api/v1/releases/4.19/features?section={value}",
            "/api/v1/releases/4.19/features?q={value}",
            "/api/v1/releases/4.19/features?at={value}",
            "/api/v1/releases/{value}/features/x86pv",
            "/api/v1/releases/4.19/features/{value}",
            "/api/v1/releases/4.19/features/x86pv?at={value}",
            "/api/v1/releases/{value}/history",
            "/api/v1/releases/{value}/support.md",
            "/api/v1/releases/4.19/support.md?at={value}",
            "/api/v1/features?q={value}",
            "/api/v1/features?section={value}",
            "/api/v1/features/{value}",
            "/api/v1/features/x86pv?arch={value}",
            "/api/v1/matrix?arch={value}",
            "/api/v1/matrix?level={value}",
            "/api/v1/matrix?section={value}",
            "/api/v1/matrix?releases={value}",
            "/api/v1/matrix?format={value}",
            "/api/v1/diff?from={value}&to=4.19",
            "/api/v1/diff?from=unstable&to={value}",
            "/api/v1/changes?page={value}",
            "/api/v1/changes?size={value}",
            "/api/v1/changes.atom?x={value}",
            "/api/v1/events?release={value}",
            "/api/v1/events?type={value}",
            "/api/v1/events?page={value}",
            "/api/v1/events?size={value}",
            "/api/v1/events.atom?x={value}",
            "/api/v1/calendar.ics?x={value}",
            "/api/v1/releases/{value}/calendar.ics",
            "/api/v1/openeox.json?x={value}",
            "/api/v1/releases/{value}/openeox.json",
            "/api/v1/imports?limit={value}",
            "/api/v1/imports/{value}",
            "/api/endoflife/xen.json?x={value}",
            "/api/endoflife/xen.json?at={value}",
            "/api/endoflife/xen/{value}.json",
            "/api/endoflife/xen/4.19.json?at={value}",
            "/api/endoflife/v1/products?x={value}",
            "/api/endoflife/v1/products/{value}",
            "/api/endoflife/v1/products/xen?at={value}",
            "/api/endoflife/v1/products/{value}/releases/4.19",
            "/api/endoflife/v1/products/xen/releases/{value}",
            "/api/endoflife/v1/products/xen/releases/4.19?at={value}",
            "/api/v1/advisories?release={value}",
            "/api/v1/advisories?cve={value}",
            "/api/v1/advisories?since={value}",
            "/api/v1/advisories?at={value}",
            "/api/v1/advisories?page={value}",
            "/api/v1/advisories?size={value}",
            "/api/v1/advisories/{value}",
            "/api/v1/advisories/XSA-500?at={value}",
            "/api/v1/advisories/{value}/osv.json",
            "/api/v1/advisories.atom?x={value}",
            "/api/v1/osv/all.zip?x={value}",
            "/api/v1/releases/{value}/advisories",
            "/api/v1/releases/4.19/advisories?at={value}",
            // The pages: a 4xx is a page there, or a problem.
            "/?arch={value}",
            "/advisories/{value}",
            "/releases/4.19?at={value}",
            "/?level={value}",
            "/?q={value}",
            "/releases/{value}");

    /** Shapes an attacker or a careless client tries first. */
    static final List<String> NASTY = List.of(
            "",
            " ",
            "%",
            "%%",
            "%zz",
            "\u0000",
            "\r\n",
            "\u007f",
            "\uFEFF",
            "\uD83D\uDE00",
            "\u202E4.19",
            "４.１９",
            "4.19\u0000",
            "4.19 ",
            " 4.19",
            "4.19.",
            "4..19",
            "4.19.999999999999999999",
            "99999999999999999999",
            "-1",
            "0",
            "1e3",
            "0x10",
            "NaN",
            "true ",
            "TRUE",
            "2024-02-30",
            "2024-13-01",
            "+2024-01-01",
            "9999999-01-01",
            "2024-01-01T00:00:00Z",
            "' OR '1'='1",
            "4.19'; drop table release; --",
            "\" or \"\"=\"",
            "1; select pg_sleep(30)--",
            "x86pv' union select content from support_file --",
            "%' and 1=1 --",
            "\\",
            "../../../../etc/passwd",
            "..\\..\\windows\\win.ini",
            "....//....//etc/passwd",
            "/etc/passwd",
            "file:///etc/passwd",
            "http://169.254.169.254/latest/meta-data/",
            "..",
            ".",
            "~root",
            "${jndi:ldap://127.0.0.1/a}",
            "#{7*7}",
            "{{7*7}}",
            "<script>alert(1)</script>",
            "a,b,,c",
            ",",
            "x86,arm,arm32,arm64,x86",
            "x".repeat(201),
            "x".repeat(5_000),
            "é".repeat(3_000),
            "a\u0301".repeat(100),
            "\u0130",
            "stable-4.19/../../master",
            "master?",
            "unstable#",
            "4.19;");

    JdbcClient jdbc;
    ConfigurableApplicationContext service;
    XenRepository repo;
    Path temp;
    HttpClient client;
    String base;

    @BeforeProperty
    void startTheServiceWithData() throws IOException {
        temp = Files.createTempDirectory("hostile-input");
        repo = XenRepository.create(temp.resolve("xen"));
        repo.commitSupport("master", "Add SUPPORT.md", supportMd("4.20-unstable", "n/a", "n/a", "n/a"));
        repo.branch("stable-4.19", "master");
        repo.commitSupport(
                "stable-4.19",
                "Release 4.19.0",
                supportMd("4.19", "2024-07-29", "2026-01-29", "2027-07-29", "Status, x86: Experimental"));
        repo.tag("RELEASE-4.19.0", "stable-4.19");
        repo.commitWithMessage(
                "stable-4.19",
                "x86: check the frame\n\nThis is XSA-500 / CVE-2026-10000.\n",
                "xen/arch/x86/mm.c",
                "check;\n");
        service = ImportSource.startInstance(temp.resolve("xen"), temp.resolve("cache"));
        jdbc = service.getBean(JdbcClient.class);
        ImportedData.clear(jdbc);
        assertThat(service.getBean(ImportJob.class).run(Trigger.ADMIN).outcome())
                .isEqualTo("succeeded");
        base = "http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port");
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        // The data is there: valid requests on every target reach the code behind them.
        for (String template : TARGETS) {
            assertThat(send(template.replace("{value}", validFor(template))).statusCode())
                    .as(template)
                    .isEqualTo(200);
        }
    }

    @AfterProperty
    void stopTheService() throws IOException {
        service.close();
        repo.close();
        FileSystemUtils.deleteRecursively(temp);
    }

    @Property(tries = 1500)
    void anyValueAnywhereIsNever5xxAndEvery4xxIsAProblem(
            @ForAll("targets") Target target, @ForAll("hostile") String value) {
        answersWell(target, value);
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void everyNastyShapeInEveryPlace(@ForAll("targets") Target target, @ForAll("nasty") String value) {
        answersWell(target, value);
    }

    private void answersWell(Target target, String value) {
        HttpResponse<String> response = send(target.with(value));
        int status = response.statusCode();
        Statistics.label("status").collect(status);
        assertThat(status).as("%s with %s", target, printable(value)).isBetween(200, 499);
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (status >= 400 && target.isPage() && type.startsWith("text/html")) {
            assertThat(response.body())
                    .as("%s with %s", target, printable(value))
                    .contains("<h1><span>" + status + "</span>");
        } else if (status >= 400) {
            // What never reaches a page (a request Tomcat refuses, a path no page has) is a problem there too.
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .as("%s with %s: %s", target, printable(value), response.body())
                    .startsWith("application/problem+json");
            assertThat(response.body()).contains("\"status\":" + status);
        }
        assertThat(response.body()).doesNotContain("Exception", "\tat org.", "PSQL", "SQL state");
    }

    @Provide
    Arbitrary<Target> targets() {
        return Arbitraries.of(TARGETS).map(Target::new);
    }

    @Provide
    Arbitrary<String> nasty() {
        return Arbitraries.of(NASTY);
    }

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> valid = Arbitraries.of(
                "4.19",
                "4.19.0",
                "stable-4.19",
                "unstable",
                "master",
                "x86",
                "arm64",
                "supported",
                "yes",
                "x86pv",
                "guest-type",
                "2024-07-29",
                "20",
                "1",
                "csv",
                "true");
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().ofMaxLength(40)),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(
                        2,
                        Arbitraries.strings()
                                .withCharRange('\u0000', '\u001f')
                                .withChars('\u007f', '%', '/', '\\', '.', ';', '\'', '"')
                                .ofMaxLength(20)),
                Tuple.of(1, Arbitraries.strings().ofMinLength(190).ofMaxLength(2_500)),
                Tuple.of(1, Arbitraries.strings().withChars("0123456789.-").ofMaxLength(25)),
                Tuple.of(2, Arbitraries.of(NASTY)),
                // Near misses: a valid value with something added around it.
                Tuple.of(
                        3,
                        Combinators.combine(
                                        valid, Arbitraries.strings().all().ofMaxLength(4), Arbitraries.of(true, false))
                                .as((v, extra, before) -> before ? extra + v : v + extra)));
    }

    private HttpResponse<String> send(String pathAndQuery) {
        try {
            return client.send(
                    HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(pathAndQuery, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A value each target accepts, for the check that the data is there. */
    private static String validFor(String template) {
        Matcher parameter = Pattern.compile("[?&](\\w+)=\\{value}").matcher(template);
        String name = parameter.find()
                ? parameter.group(1)
                : template.contains("/features/{value}")
                        ? "key"
                        : template.contains("/advisories/{value}")
                                ? "advisory"
                                : template.contains("/imports/")
                                        ? "id"
                                        : template.contains("/products/{value}") ? "product" : "version";
        return switch (name) {
            case "on" -> "2025-01-01";
            case "state" -> "supported";
            case "securitySupported" -> "true";
            case "arch" -> "x86";
            case "level" -> "supported";
            case "security" -> "yes";
            case "section" -> "guest-type";
            case "q", "x" -> "pv";
            case "at" -> "2030-01-01";
            case "releases", "from", "to", "version", "release" -> "4.19";
            case "product" -> "xen";
            case "type" -> "released";
            case "format" -> "csv";
            case "page" -> "0";
            case "size", "limit", "id" -> "1";
            case "key" -> "x86pv";
            case "advisory" -> "XSA-500";
            case "cve" -> "CVE-2026-10000";
            case "since" -> "2024-01-01";
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Percent-encodes every byte but the unreserved ones, so any value travels as it is. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
            }
        }
        return out.toString();
    }

    private static String printable(String value) {
        String shown = value.length() > 80 ? value.substring(0, 80) + "…(" + value.length() + ")" : value;
        StringBuilder out = new StringBuilder();
        shown.codePoints()
                .forEach(c -> out.append(
                        c < 0x20 || c == 0x7f ? String.format("\\u%04x", c) : new String(Character.toChars(c))));
        return "'" + out + "'";
    }
}
