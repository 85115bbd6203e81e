package org.xenproject.supportstatus.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The pages' HTML as the server sends it, before any script runs. */
@AutoConfigureRestTestClient
class MatrixPageHtmlTest extends PageTestSupport {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Autowired
    RestTestClient http;

    @Test
    void theMatrixHasAColumnPerReleaseNewestFirstWithItsLifecycleOnTheDay() {
        Document page = page("/");

        assertThat(page.title()).isEqualTo("Xen support matrix");
        List<Element> headers = page.select("#matrix thead th[data-state]");
        assertThat(headers)
                .extracting(th -> th.selectFirst(".version").text())
                .containsExactly("unstable", "4.20", "4.19", "4.17");
        assertThat(headers)
                .extracting(th -> th.selectFirst(".state").text())
                .containsExactly("in development", "supported", "security fixes only", "unsupported");
        assertThat(headers)
                .extracting(th -> th.attr("data-state"))
                .containsExactly("unreleased", "supported", "security-only", "unsupported");
        assertThat(headers.get(0).hasClass("unstable")).isTrue();
        assertThat(headers.get(0).selectFirst(".version").attr("href")).isEqualTo("/releases/unstable");
        // The newest revision of 4.19 moved its security support to 2027-12-12.
        assertThat(headers.get(2).select("dd"))
                .extracting(Element::text)
                .containsExactly("2024-07-29", "2026-01-29", "2027-12-12");
        assertThat(headers.get(0).select("dd")).extracting(Element::text).containsExactly("n/a", "n/a", "n/a");
        assertThat(page.select("#matrix col.release")).hasSize(4);
        assertThat(page.selectFirst("main time").text()).isEqualTo("2026-06-01");
    }

    @Test
    void eachCellIsTheStatusTextWithItsLevelSecurityAndArchitectures() {
        Document page = page("/");

        assertThat(texts(row(page, "live-patching--x86")))
                .containsExactly("Supported", "Supported", "Supported", "Supported");
        Element x86 = row(page, "live-patching--x86").select("td").get(0);
        assertThat(x86.attr("data-level")).isEqualTo("supported");
        assertThat(x86.attr("data-arches")).isEqualTo("x86");
        assertThat(x86.select("small.sec")).isEmpty();

        Element arm = row(page, "live-patching--arm").select("td").get(0);
        assertThat(arm.attr("data-level")).isEqualTo("experimental");
        assertThat(arm.attr("data-arches")).isEqualTo("arm32 arm64");
        assertThat(arm.selectFirst("small.sec").text()).isEqualTo("security: no");
        assertThat(row(page, "grant-tables").selectFirst("td small.sec").text()).isEqualTo("security: conditional");
        assertThat(row(page, "pv-console").selectFirst("td small.sec").text()).isEqualTo("security: external");
        assertThat(row(page, "xl").select("td").get(0).attr("data-arches")).isEqualTo("x86 arm32 arm64");

        // Only unstable has vTPM: the other cells are empty.
        assertThat(texts(row(page, "virtual-tpm--linux")).subList(1, 4)).containsOnly("");
    }

    @Test
    void rowsFollowTheSectionTreeAndFeaturesLinkUpstreamAndToTheirJson() {
        Document page = page("/");

        List<String> keys = page.select("#matrix tbody tr").eachAttr("data-key");
        assertThat(keys)
                .containsSubsequence(
                        "feature-support",
                        "host-architecture",
                        "x86-64",
                        "arm-v8",
                        "arm-v8--xen-in-aarch64-mode",
                        "guest-type",
                        "x86pv",
                        "x86pv--x8664",
                        "toolstack",
                        "xl");
        assertThat(keys).noneMatch(key -> key.startsWith("release-support"));
        assertThat(row(page, "guest-type").hasClass("heading")).isTrue();
        assertThat(row(page, "guest-type").attr("data-depth")).isEqualTo("2");
        assertThat(row(page, "x86pv--x8664").attr("data-depth")).isEqualTo("4");

        Element feature = row(page, "x86pv").selectFirst("th");
        assertThat(feature.selectFirst("a.title").attr("href"))
                .isEqualTo("https://xenbits.xen.org/docs/unstable/SUPPORT.html#x86pv");
        assertThat(feature.selectFirst("a.api").attr("href")).isEqualTo("/api/v1/features/x86pv");
        assertThat(row(page, "virtual-tpm").selectFirst("a.title").attr("href"))
                .isEqualTo("https://xenbits.xen.org/docs/unstable/SUPPORT.html#virtual-tpm");
        // A qualified status links nowhere of its own: its feature's row does.
        assertThat(row(page, "x86pv--x8664").select("a")).isEmpty();
        assertThat(row(page, "guest-type").select("a")).isEmpty();
    }

    @Test
    void hostileTextFromAFileIsShownAsTextNeverAsMarkup() {
        String html = body("/");
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<b>bold</b>");
        Document page = Jsoup.parse(html);
        assertThat(row(page, "virtual-tpm--linux").select("td").get(0).ownText())
                .isEqualTo(PageFixtures.HOSTILE);
        assertThat(page.select("script"))
                .extracting(script -> script.attr("src"))
                .containsExactly("/page/matrix.js");
        assertThat(page.select("[style], [onerror], [onclick], b, img")).isEmpty();

        String release = body("/releases/unstable");
        assertThat(release).doesNotContain("<script>alert").doesNotContain("<img src=x");
        Document releasePage = Jsoup.parse(release);
        assertThat(releasePage.select("script, img, b")).isEmpty();
        assertThat(releasePage.select("#f-virtual-tpm p").eachText())
                .contains("A hostile description: <img src=x onerror=alert(1)> & more");
    }

    @Test
    void theUrlsFilterIsShownBeforeAnyScriptRuns() {
        Document arm64 = page("/?arch=arm64");
        assertThat(arm64.selectFirst("#arch option[selected]").val()).isEqualTo("arm64");
        assertThat(hidden(
                        arm64,
                        "x86-64",
                        "guest-type",
                        "x86pv",
                        "x86pv--x8664",
                        "live-patching--x86",
                        "nested-virtualization--x86-hvm",
                        "arm-v8--xen-in-aarch32-mode"))
                .containsOnly(true);
        assertThat(hidden(
                        arm64,
                        "host-architecture",
                        "arm-v8",
                        "arm-v8--xen-in-aarch64-mode",
                        "live-patching",
                        "live-patching--arm",
                        "xl",
                        "toolstack"))
                .containsOnly(false);
        // A heading kept for a row below it shows no cell of its own as matching.
        assertThat(row(arm64, "live-patching").select("td.out")).hasSize(4);

        Document levels = page("/?level=experimental,tech-preview");
        assertThat(levels.select("input[name=level][checked]").eachAttr("value"))
                .containsExactly("tech-preview", "experimental");
        assertThat(hidden(
                        levels, "live-patching--arm", "nested-virtualization--x86-hvm", "arm-v8--xen-in-aarch32-mode"))
                .containsOnly(false);
        assertThat(hidden(levels, "xl", "live-patching--x86", "x86-64")).containsOnly(true);
        assertThat(page("/?level=experimental&level=tech-preview")
                        .select("tbody tr:not([hidden])")
                        .eachAttr("data-key"))
                .isEqualTo(levels.select("tbody tr:not([hidden])").eachAttr("data-key"));

        // Search looks in titles, keys and the headings above: "x86/PV" finds the statuses below it.
        Document search = page("/?q=x86/PV");
        assertThat(search.selectFirst("#q").val()).isEqualTo("x86/PV");
        assertThat(search.select("tbody tr:not([hidden])").eachAttr("data-key"))
                .containsExactly("feature-support", "guest-type", "x86pv", "x86pv--x8664", "x86pv--x8632-shim");
        assertThat(search.selectFirst("#shown").text()).isEqualTo("Showing 2 of 12 rows with statuses.");

        // Blank values are what a form without JavaScript sends for "all".
        assertThat(page("/?arch=&q=").select("tbody tr[hidden]")).isEmpty();
    }

    @Test
    void aFilterThePageDoesNotOfferIsA400PageNotA500() {
        for (String query :
                new String[] {"arch=arm", "arch=sparc", "level=best", "level=supported,", "q=" + "x".repeat(201)}) {
            http.get()
                    .uri("/?" + query)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectBody(String.class)
                    .value(html -> assertThat(
                                    Jsoup.parse(html).selectFirst("h1").text())
                            .startsWith("400 Invalid parameter"));
        }
    }

    @Test
    void aReleasePageShowsLifecycleSourceWarningsFeaturesAndHistory() {
        Document page = page("/releases/4.19");

        assertThat(page.title()).isEqualTo("Xen 4.19: support status");
        assertThat(page.selectFirst("h1 .state").text()).isEqualTo("security fixes only");
        assertThat(facts(page, "lifecycle"))
                .containsSubsequence(
                        "Xen-Version",
                        "4.19",
                        "Initial release",
                        "2024-07-29",
                        "Supported until",
                        "2026-01-29",
                        "Security support until",
                        "2027-12-12");
        String commit = jdbc.sql("""
                        select v.commit_id from release r join revision v on v.id = r.current_revision_id
                        where r.version = '4.19'""").query(String.class).single();
        assertThat(facts(page, "source")).contains("stable-4.19", commit);
        assertThat(page.selectFirst("#source a[href$=support.md]").attr("href"))
                .isEqualTo("/api/v1/releases/4.19/support.md");
        assertThat(page.selectFirst("#source a[href$=calendar.ics]").attr("href"))
                .isEqualTo("/api/v1/releases/4.19/calendar.ics");
        assertThat(facts(page, "lifecycle")).contains("Latest point release");
        assertThat(page.selectFirst("#warnings")).isNotNull();

        Element xl = page.selectFirst("#f-xl");
        assertThat(xl.selectFirst("h3").text()).isEqualTo("xl");
        assertThat(xl.selectFirst(".path").text()).isEqualTo("Feature Support › Toolstack");
        assertThat(xl.select("p").eachText()).contains("The xl command line tool.");
        assertThat(xl.selectFirst("a[href^=https]").attr("href"))
                .isEqualTo("https://xenbits.xen.org/docs/4.19-testing/SUPPORT.html#xl");
        assertThat(xl.selectFirst("a[href^=/api]").attr("href")).isEqualTo("/api/v1/releases/4.19/features/xl");
        assertThat(page.select("#f-live-patching .caveat").eachText())
                .containsExactly("Compiled in only when asked for.");
        assertThat(page.select("#f-live-patching tbody tr").eachText())
                .containsExactly("x86 Supported x86", "ARM Experimental security: no arm32 arm64");

        List<Element> history = page.select("#history ol.history > li");
        int revisions = http.get()
                .uri("/api/v1/releases/4.19/history")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ReleaseHistoryJson.class)
                .returnResult()
                .getResponseBody()
                .revisions()
                .size();
        assertThat(history).hasSize(revisions).hasSizeGreaterThan(2);
        Element newest = history.get(0);
        assertThat(newest.selectFirst(".subject").text()).isEqualTo("SUPPORT.md: extend security support of 4.19");
        assertThat(newest.selectFirst(".summary").text()).isEqualTo("(1 release value changed)");
        assertThat(newest.select(".changes li").eachText())
                .containsExactly("securitySupportUntil: 2027-07-29 → 2027-12-12");
    }

    record ReleaseHistoryJson(List<Object> revisions) {}

    @Test
    void aReleasePageListsItsSecurityFixesAndAnAdvisoryPageWhereItWasFixed() {
        Document release = page("/releases/4.19");
        assertThat(release.selectFirst("#fixes-h").text()).isEqualTo("Security fixes (2)");
        assertThat(release.select("#fixes tbody tr").stream()
                        .map(row -> row.select("td").get(0).text() + " | "
                                + row.select("td").get(2).text())
                        .toList())
                .containsExactlyInAnyOrder("XSA-500 CVE-2026-10000 | 4.19.1", "XSA-501 | on the branch only");
        assertThat(release.selectFirst("#fixes a[href=/advisories/XSA-500]")).isNotNull();

        Document advisory = page("/advisories/XSA-500");
        assertThat(advisory.title()).isEqualTo("XSA-500: where Xen fixed it");
        assertThat(advisory.select("#fixes tbody tr").stream()
                        .map(row -> row.select("td").get(0).text() + " "
                                + row.select("td").get(1).text())
                        .toList())
                .containsExactlyInAnyOrder("4.19 4.19.1", "4.20 on the branch only", "unstable on the branch only");
        assertThat(advisory.selectFirst("a[href=https://xenbits.xen.org/xsa/advisory-500.html]"))
                .isNotNull();
    }

    @Test
    void releaseVersionsFollowTheApisRulesAnsweredAsPages() {
        for (String version : new String[] {"stable-4.19", "4.19.3", "master"}) {
            http.get().uri("/releases/" + version).exchange().expectStatus().isOk();
        }
        for (String version : new String[] {"abc", "4.x", "x".repeat(200)}) {
            http.get()
                    .uri("/releases/" + version)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectHeader()
                    .valueEquals("Content-Security-Policy", POLICY);
        }
        String notFound = http.get()
                .uri("/releases/4.99")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(Jsoup.parse(notFound).select("main p").eachText()).contains("No release 4.99 has been imported");
    }

    @Test
    void pagesCarryTheirSecurityPolicyAndTheApisCachingRule() {
        String etag = http.get()
                .uri("/")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("text/html;charset=UTF-8")
                .expectHeader()
                .valueEquals("Content-Security-Policy", POLICY)
                .expectHeader()
                .valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader()
                .valueEquals(HttpHeaders.CACHE_CONTROL, "public, max-age=60")
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
        assertThat(etag).isNotBlank();
        http.get()
                .uri("/")
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus()
                .isNotModified();

        String releaseEtag = http.get()
                .uri("/releases/4.20")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Content-Security-Policy", POLICY)
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
        http.get()
                .uri("/releases/4.20")
                .header(HttpHeaders.IF_NONE_MATCH, releaseEtag)
                .exchange()
                .expectStatus()
                .isNotModified();

        // The policy is the pages': the API keeps its own (nothing runs in data), Swagger UI its own.
        http.get()
                .uri("/api/v1/releases")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .expectHeader()
                .valueEquals("X-Content-Type-Options", "nosniff");
        http.get()
                .uri("/page/matrix.js")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.parseMediaType("text/javascript"))
                .expectHeader()
                .valueEquals("X-Content-Type-Options", "nosniff");
        http.get()
                .uri("/page/page.css")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.parseMediaType("text/css"));
    }

    @Test
    void theApisMatrixKeepsItsShape() {
        http.get()
                .uri("/api/v1/matrix")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.releases[0]")
                .isEqualTo("unstable")
                .jsonPath("$.rows[0].cells")
                .exists()
                .jsonPath("$.rows[0].levels")
                .exists()
                .jsonPath("$.rows[0].statuses")
                .doesNotExist();
    }

    private Document page(String path) {
        return Jsoup.parse(body(path));
    }

    private String body(String path) {
        return http.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("text/html;charset=UTF-8")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    private static Element row(Document page, String key) {
        Element row = page.selectFirst("#matrix tbody tr[data-key=\"" + key + "\"]");
        assertThat(row).as("row " + key).isNotNull();
        return row;
    }

    private static List<String> texts(Element row) {
        return row.select("td").stream().map(Element::ownText).toList();
    }

    private static List<Boolean> hidden(Document page, String... keys) {
        return java.util.Arrays.stream(keys)
                .map(key -> row(page, key).hasAttr("hidden"))
                .toList();
    }

    private static List<String> facts(Document page, String section) {
        return page.select("#" + section + " dl.facts > *").eachText();
    }

    @Test
    void theReleasePageListsItsPointReleasesNewestFirstAndEventsWithItsCalendar() {
        Document page = page("/releases/4.19");
        assertThat(page.select("ol.point-releases li").eachText())
                .containsExactly("4.19.2 (2025-04-09)", "4.19.1 (2024-11-20)", "4.19.0 (2024-07-29)");
        assertThat(page.select("#lifecycle dl.facts > *").eachText())
                .containsSubsequence("Latest point release", "4.19.2 (2025-04-09)");
        assertThat(page.select("ol.events li").eachText())
                .contains("2025-04-09 point-released 4.19.2", "2024-11-20 point-released 4.19.1")
                .anyMatch(line -> line.endsWith(" released"));
        assertThat(page.select("#events a").eachAttr("href")).contains("/api/v1/releases/4.19/calendar.ics");

        // A release with no RELEASE tag yet says so rather than showing an empty list.
        Document untagged = page("/releases/4.20");
        assertThat(untagged.select("ol.point-releases")).isEmpty();
        assertThat(untagged.select("#events").text())
                .contains("No RELEASE tag names a point release of this release yet.");
    }

    @Test
    void theMatrixHeaderShowsEachReleasesLatestPointRelease() {
        List<Element> headers = page("/").select("#matrix thead th[data-state]");

        assertThat(headers)
                .extracting(th -> th.selectFirst(".version").text())
                .containsExactly("unstable", "4.20", "4.19", "4.17");
        assertThat(headers).extracting(th -> th.select(".latest").text()).containsExactly("", "", "4.19.2", "4.17.0");
        assertThat(headers.get(2).selectFirst(".latest").attr("title")).isEqualTo("Latest point release, 2025-04-09");
    }
}
