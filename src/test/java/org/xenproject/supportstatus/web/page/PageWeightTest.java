package org.xenproject.supportstatus.web.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xenproject.supportstatus.testing.SupportFiles.supportMd;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xenproject.supportstatus.testing.XenRepository;

/**
 * The first paint's weight with as many releases as xen.git has (14) and about as many features:
 * the page, its style sheet and its script, compressed as the service sends them. (The figure
 * with the real files is measured by hand: see the README.)
 */
class PageWeightTest extends ImportedService {

    static final int BUDGET_BYTES = 300 * 1024;
    private static final Path WORK = Path.of("target", "page-weight").toAbsolutePath();

    @DynamicPropertySource
    static void source(DynamicPropertyRegistry registry) {
        repository(registry, WORK, PageWeightTest::buildRepository);
    }

    /** As many releases as xen.git has, each with a file of about the real ones' size. */
    private static Path buildRepository(Path dir) {
        PageFixtures.delete(dir);
        try (XenRepository repo = XenRepository.create(dir)) {
            for (int minor = 10; minor <= 22; minor++) {
                repo.commitSupport(
                        "master",
                        "SUPPORT.md for 4." + minor,
                        scaled("4." + minor + "-unstable", minor - 10, "n/a", "n/a", "n/a"));
                repo.branch("stable-4." + minor, "master");
                int year = 2017 + (minor - 10) / 2;
                repo.commitSupport(
                        "stable-4." + minor,
                        "Release 4." + minor + ".0",
                        scaled(
                                "4." + minor,
                                minor - 10,
                                year + "-12-01",
                                (year + 1) + "-06-01",
                                (year + 3) + "-12-01"));
            }
            repo.commitSupport("master", "SUPPORT.md for 4.23", scaled("4.23-unstable", 13, "n/a", "n/a", "n/a"));
        }
        return dir;
    }

    /**
     * A file shaped like the real ones at their size: about 180 statuses in 12 sections, with
     * descriptions and caveats; newer releases have more features, and some statuses move on
     * (Experimental → Tech Preview → Supported) as releases go by.
     */
    static String scaled(String version, int age, String initial, String supported, String security) {
        StringBuilder text = new StringBuilder(supportMd(version, initial, supported, security));
        String[] levels = {"Experimental", "Tech Preview", "Supported", "Supported, not security supported"};
        int features = 110 + 3 * age;
        for (int f = 0; f < features; f++) {
            if (f % 10 == 0) {
                text.append("## Area number ").append(f / 10).append("\n\n");
            }
            text.append("### Feature ")
                    .append(f)
                    .append(" of the hypervisor\n\n")
                    .append("A description of feature ")
                    .append(f)
                    .append(
                            ", which does what its name says on the hosts its status names, much as the real ones do.\n\n");
            String level = levels[Math.min(levels.length - 1, (f % 5) + age / 4)];
            switch (f % 4) {
                case 0 -> text.append("    Status: ").append(level).append('\n');
                case 1 -> text.append("    Status, x86: ").append(level).append("\n    Status, Arm: Experimental\n");
                case 2 ->
                    text.append("    Status, x86 HVM: ")
                            .append(level)
                            .append("\n    Status, x86 PV: Supported\n")
                            .append("    Status, ARM64: Tech Preview\n");
                default ->
                    text.append("    Status, Linux: ")
                            .append(level)
                            .append("\n    Status, FreeBSD: ")
                            .append("Supported, with caveats\n");
            }
            if (f % 3 == 0) {
                text.append("\nOnly with a recent toolstack; see the release notes for the details.\n");
            }
            text.append('\n');
        }
        return text.toString();
    }

    @Test
    void theFirstPaintWithFourteenReleasesStaysUnder300KbCompressed() throws IOException, InterruptedException {
        HttpResponse<byte[]> page = gzipped("/");
        Document html = Jsoup.parse(gunzip(page.body()));
        assertThat(html.select("#matrix thead th[data-state]")).hasSize(14);
        int rows = html.select("#matrix tbody tr").size();
        assertThat(rows).isGreaterThan(300);

        long total = page.body().length;
        for (String asset : new String[] {"/page/page.css", "/page/matrix.js"}) {
            total += gzipped(asset).body().length;
        }
        System.out.printf(
                "Page weight, 14 releases, %d rows: page %d bytes (%d uncompressed), with CSS and JS %d bytes "
                        + "gzip%n",
                rows, page.body().length, gunzip(page.body()).length(), total);
        assertThat(total).isLessThan(BUDGET_BYTES);
    }

    private HttpResponse<byte[]> gzipped(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url(path)))
                                .header("Accept-Encoding", "gzip")
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).as(path).contains("gzip");
        return response;
    }

    private static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
