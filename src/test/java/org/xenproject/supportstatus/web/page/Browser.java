package org.xenproject.supportstatus.web.page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The machine's own headless Chromium and chromedriver (Debian's {@code chromium} and
 * {@code chromium-driver}), named explicitly so that Selenium Manager never looks for, or
 * downloads, a driver or a browser. Without them the tests say so and are skipped.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;

    private Browser(ChromeDriver driver, ChromeDriverService service, Path profile) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
    }

    /** Why the browser tests cannot run here, for their skip notice. */
    static final String MISSING = "No " + CHROMIUM + " or " + CHROMEDRIVER
            + " (apt-get install chromium chromium-driver) to run the page in a browser";

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** Starts a browser with a fresh profile; see {@link #available()} first. */
    static Browser start(int width, int height) {
        Path profile;
        try {
            profile = Files.createTempDirectory("xen-support-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return new Browser(new ChromeDriver(service, options), service, profile);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            PageFixtures.delete(profile);
        }
    }
}
