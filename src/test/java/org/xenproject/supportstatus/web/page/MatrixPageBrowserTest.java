package org.xenproject.supportstatus.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;

/** The matrix page in a real browser: filtering without a reload, the URL, the keyboard, a phone. */
class MatrixPageBrowserTest extends BrowserTestSupport {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final List<String> X86_ONLY = List.of(
            "x86-64",
            "guest-type",
            "x86pv",
            "x86pv--x8664",
            "x86pv--x8632-shim",
            "live-patching--x86",
            "nested-virtualization",
            "nested-virtualization--x86-hvm");

    MatrixPageBrowserTest() {
        super(1400, 1000);
    }

    @Test
    void theArchitectureFilterHidesX86OnlyRowsWithoutAReloadAndClearingBringsThemBack() throws IOException {
        driver.get(url("/"));
        script("window.loadedOnce = true");
        List<Integer> widths = columnWidths();
        assertThat(shown(X86_ONLY)).containsOnly(true);

        new Select(driver.findElement(By.id("arch"))).selectByValue("arm64");

        assertThat(shown(X86_ONLY)).containsOnly(false);
        assertThat(shown(List.of("host-architecture", "arm-v8--xen-in-aarch64-mode", "live-patching--arm", "xl")))
                .containsOnly(true);
        assertThat(shown(List.of("arm-v8--xen-in-aarch32-mode"))).containsOnly(false);
        assertThat(driver.getCurrentUrl()).isEqualTo(url("/?arch=arm64"));
        assertThat(script("return window.loadedOnce")).as("no reload").isEqualTo(true);
        assertThat(columnWidths()).as("columns keep their widths").isEqualTo(widths);
        assertThat(visibleKeys()).as("the script keeps what the server keeps").isEqualTo(serverKeeps("/?arch=arm64"));
        screenshot("matrix-arm64.png");

        driver.findElement(By.id("clear")).click();

        assertThat(shown(X86_ONLY)).containsOnly(true);
        assertThat(new Select(driver.findElement(By.id("arch")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEmpty();
        assertThat(driver.getCurrentUrl()).isEqualTo(url("/"));
        assertThat(script("return window.loadedOnce")).isEqualTo(true);
        assertThat(severeConsoleMessages())
                .as("no script error, no Content-Security-Policy violation")
                .isEmpty();
    }

    @Test
    void aSharedUrlRestoresTheFilterAndTheScriptAgreesWithTheServer() {
        String query = "/?arch=arm64&level=experimental&q=patch";
        driver.get(url(query));

        assertThat(new Select(driver.findElement(By.id("arch")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("arm64");
        assertThat(driver.findElement(By.cssSelector("input[name=level][value=experimental]"))
                        .isSelected())
                .isTrue();
        assertThat(driver.findElement(By.cssSelector("input[name=level][value=supported]"))
                        .isSelected())
                .isFalse();
        assertThat(driver.findElement(By.id("q")).getAttribute("value")).isEqualTo("patch");
        assertThat(visibleKeys())
                .containsExactly("feature-support", "toolstack", "live-patching", "live-patching--arm");
        assertThat(driver.findElement(By.id("shown")).getText()).isEqualTo("Showing 1 of 12 rows with statuses.");

        // Other filters, changed in the page, against the server's rendering of the URL they make.
        driver.get(url("/"));
        driver.findElement(By.cssSelector("input[name=level][value=tech-preview]"))
                .click();
        driver.findElement(By.cssSelector("input[name=level][value=experimental]"))
                .click();
        assertThat(driver.getCurrentUrl()).isEqualTo(url("/?level=tech-preview&level=experimental"));
        assertThat(visibleKeys()).isEqualTo(serverKeeps("/?level=tech-preview&level=experimental"));
        driver.findElement(By.id("q")).sendKeys("x86/PV");
        assertThat(visibleKeys())
                .isEqualTo(serverKeeps("/?level=tech-preview&level=experimental&q=x86/PV"))
                .isEmpty();
        driver.findElement(By.id("clear")).click();
        driver.findElement(By.id("q")).sendKeys("x86/PV");
        assertThat(driver.getCurrentUrl()).isEqualTo(url("/?q=x86%2FPV"));
        assertThat(visibleKeys())
                .isEqualTo(serverKeeps("/?q=x86/PV"))
                .containsExactly("feature-support", "guest-type", "x86pv", "x86pv--x8664", "x86pv--x8632-shim");
    }

    @Test
    void theFiltersCanBeReachedAndOperatedWithTheKeyboard() {
        driver.get(url("/"));
        List<String> reached = new ArrayList<>();
        for (int i = 0; i < 20 && !"clear".equals(activeId()); i++) {
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
            reached.add(activeId());
        }
        assertThat(reached).containsSubsequence("arch", "q", "level-supported", "level-experimental", "clear");
        assertThat(script("return getComputedStyle(document.activeElement).outlineStyle"))
                .as("the focused control shows it")
                .isNotEqualTo("none");

        // Back to the architecture with Shift+Tab, then choose by arrow keys: all → x86 → arm32 → arm64.
        while (!"arch".equals(activeId())) {
            driver.switchTo().activeElement().sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        }
        WebElement arch = driver.switchTo().activeElement();
        arch.sendKeys(Keys.ARROW_DOWN);
        arch.sendKeys(Keys.ARROW_DOWN);
        arch.sendKeys(Keys.ARROW_DOWN);
        assertThat(new Select(arch).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("arm64");
        assertThat(shown(X86_ONLY)).containsOnly(false);

        driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(activeId()).isEqualTo("q");
        driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(activeId()).isEqualTo("level-supported");
        driver.switchTo().activeElement().sendKeys(Keys.SPACE);
        assertThat(driver.getCurrentUrl()).isEqualTo(url("/?arch=arm64&level=supported"));
        assertThat(shown(List.of("live-patching--arm"))).containsOnly(false);
        assertThat(shown(List.of("arm-v8--xen-in-aarch64-mode", "xl"))).containsOnly(true);

        WebElement clear = driver.findElement(By.id("clear"));
        while (!"clear".equals(activeId())) {
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        clear.sendKeys(Keys.ENTER);
        assertThat(driver.getCurrentUrl()).isEqualTo(url("/"));
        assertThat(shown(X86_ONLY)).containsOnly(true);
    }

    @Test
    void onAPhoneTheTableScrollsSidewaysWithTheFeatureColumnInView() throws IOException {
        driver.get(url("/"));
        screenshot("matrix.png");
        driver.get(url("/releases/4.19"));
        screenshot("release.png");

        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(url("/"));
        assertThat(script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                .as("only the table scrolls sideways, not the page")
                .isEqualTo(true);
        screenshot("matrix-phone.png");
        WebElement box = driver.findElement(By.cssSelector(".matrix"));
        assertThat((Long) script("return arguments[0].scrollWidth - arguments[0].clientWidth", box))
                .isPositive();
        WebElement feature = driver.findElement(By.cssSelector("tr[data-key=xl] th"));
        int left = feature.getRect().getX();
        script("arguments[0].scrollLeft = 300", box);
        assertThat(feature.getRect().getX()).as("the feature column sticks").isEqualTo(left);
        screenshot("matrix-phone-scrolled.png");
        driver.get(url("/releases/4.19"));
        assertThat(script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                .isEqualTo(true);
        screenshot("release-phone.png");
        assertThat(severeConsoleMessages()).isEmpty();
    }

    private Object script(String code, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(code, args);
    }

    private String activeId() {
        return driver.switchTo().activeElement().getAttribute("id");
    }

    private List<Boolean> shown(List<String> keys) {
        return keys.stream()
                .map(key -> driver.findElement(By.cssSelector("tr[data-key=\"" + key + "\"]"))
                        .isDisplayed())
                .toList();
    }

    @SuppressWarnings("unchecked")
    private List<String> visibleKeys() {
        return (List<String>) script("return Array.from(document.querySelectorAll('#matrix tbody tr'))"
                + ".filter(tr => !tr.hidden).map(tr => tr.dataset.key)");
    }

    private List<String> serverKeeps(String pathAndQuery) {
        try {
            return Jsoup.connect(url(pathAndQuery))
                    .get()
                    .select("#matrix tbody tr:not([hidden])")
                    .eachAttr("data-key");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<Integer> columnWidths() {
        return driver.findElements(By.cssSelector("#matrix thead th")).stream()
                .map(th -> th.getRect().getWidth())
                .toList();
    }

    private List<String> severeConsoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
