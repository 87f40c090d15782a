package org.officialaccounts.support;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and chromedriver, headless, with a fresh profile: nothing is downloaded.
 * Missing, the browser tests are skipped loudly, or fail where {@code OA_REQUIRE_BROWSER=true}.
 */
public final class HeadlessChromium implements AutoCloseable {

  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

  private final ChromeDriverService service;
  private final ChromeDriver browser;
  private final Path screenshots;

  private HeadlessChromium(ChromeDriverService service, ChromeDriver browser, Path screenshots) {
    this.service = service;
    this.browser = browser;
    this.screenshots = screenshots;
  }

  /** Starts the browser at the window size given ("412,915"), screenshots into the folder given. */
  public static HeadlessChromium start(String windowSize, Path screenshots) {
    requireInstalled();
    try {
      Path target = Files.createDirectories(Path.of("target"));
      Files.createDirectories(screenshots);
      Path profile = Files.createTempDirectory(target, "chromium-profile-");
      // An explicit driver and browser: with both given, Selenium Manager downloads nothing.
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(CHROMEDRIVER)
          .usingAnyFreePort()
          .build();
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM);
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--window-size=" + windowSize,
          "--user-data-dir=" + profile.toAbsolutePath());
      return new HeadlessChromium(service, new ChromeDriver(service, options), screenshots);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void requireInstalled() {
    boolean installed = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
    if (!installed) {
      String message = "Chromium or chromedriver missing at " + CHROMIUM + " / " + CHROMEDRIVER
          + " (apt-get install -y chromium chromium-driver)";
      if (Boolean.parseBoolean(System.getenv("OA_REQUIRE_BROWSER"))) {
        fail(message + ": the browser test is required here (OA_REQUIRE_BROWSER=true)");
      }
      System.err.println(
          "\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n"
              + "!! " + message + ":\n"
              + "!! the browser tests are SKIPPED. CI sets OA_REQUIRE_BROWSER=true.\n"
              + "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n");
    }
    assumeTrue(installed, "Chromium or chromedriver not installed: browser test skipped");
  }

  public ChromeDriver driver() {
    return browser;
  }

  /** Saves what the browser shows as {@code <name>.png}. */
  public void screenshot(String name) {
    try {
      Files.write(screenshots.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save screenshot " + name, e);
    }
  }

  @Override
  public void close() {
    browser.quit();
    service.stop();
  }
}
