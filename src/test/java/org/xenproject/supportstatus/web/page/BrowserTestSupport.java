package org.xenproject.supportstatus.web.page;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The served pages in one real browser per test class, its window at the class's size before each
 * test. Without Chromium each test says it was skipped, and why: a skip in {@code @BeforeAll}
 * would report no tests at all.
 */
abstract class BrowserTestSupport extends PageTestSupport {

    private final int width;
    private final int height;
    Browser browser;
    ChromeDriver driver;

    BrowserTestSupport(int width, int height) {
        this.width = width;
        this.height = height;
    }

    @BeforeAll
    void startBrowser() {
        if (Browser.available()) {
            browser = Browser.start(width, height);
            driver = browser.driver;
        }
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void windowAtItsSize() {
        assumeTrue(browser != null, Browser.MISSING);
        driver.manage().window().setSize(new Dimension(width, height));
    }
}
