package io.paygate.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The machine's Chromium, headless, driven through its chromedriver by Selenium, with a fresh
 * profile. Both come from Debian's packages at fixed paths given to Selenium, so Selenium Manager
 * is never asked to find (or download) anything; the build also sets SE_OFFLINE=true for the
 * tests. Without them the test fails and says how to install them.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of(System.getProperty("paygate.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER =
      Path.of(System.getProperty("paygate.chromedriver", "/usr/bin/chromedriver"));
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration WAIT = Duration.ofSeconds(15);

  private final ChromeDriver driver;
  private final String baseUrl;
  private final List<String> consoleLog = new ArrayList<>();

  private Browser(ChromeDriver driver, String baseUrl) {
    this.driver = driver;
    this.baseUrl = baseUrl;
  }

  /** Starts Chromium with its profile in {@code profileDir}, for pages of {@code baseUrl}. */
  static Browser start(String baseUrl, Path profileDir) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException("The console's browser tests need Chromium and its driver at "
          + CHROMIUM + " and " + CHROMEDRIVER + ". On Debian or Ubuntu: apt-get update && apt-get"
          + " install -y chromium chromium-driver (.ci/run installs them when missing).");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-features=Translate,OptimizationHints,MediaRouter",
        "--user-data-dir=" + profileDir.toAbsolutePath(), "--window-size=1280,900",
        "--force-device-scale-factor=1", "--lang=en-GB");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(WAIT);
    return new Browser(driver, baseUrl);
  }

  WebDriver driver() {
    return driver;
  }

  /** Loads a page of the gateway afresh: a new page has no session (it lives in memory). */
  void open(String path) {
    driver.get(baseUrl + path);
    waitFor(d -> d.findElement(By.cssSelector("main h1")));
  }

  /** Moves within the loaded console, as a link would, keeping the session. */
  void go(String hash) {
    driver.executeScript("location.hash = arguments[0]", hash);
  }

  WebElement find(String css) {
    return waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** Waits until the page's main heading reads {@code text}. */
  void waitForHeading(String text) {
    waitFor(ExpectedConditions.textToBe(By.cssSelector("main h1"), text));
  }

  <T> T waitFor(Function<? super WebDriver, T> condition) {
    // A page that re-renders replaces its elements: a stale one means "look again".
    return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class)
        .until(condition);
  }

  void type(String css, String text) {
    WebElement input = find(css);
    input.clear();
    input.sendKeys(text);
  }

  Object script(String js, Object... args) {
    return driver.executeScript(js, args);
  }

  Object asyncScript(String js, Object... args) {
    return driver.executeAsyncScript(js, args);
  }

  /**
   * Shows the pages as a phone of this width and height in CSS pixels would (a window cannot be
   * made that narrow); {@link #desktop} ends it.
   */
  void phone(int width, int height) {
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
        "height", height, "deviceScaleFactor", 1, "mobile", true));
  }

  void desktop() {
    driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
  }

  /** Saves a PNG of the page as it is now to target/screenshots/{name}.png. */
  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Everything the page wrote to its console since the browser started. */
  List<String> consoleLog() {
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      consoleLog.add(e.getLevel() + " " + e.getMessage());
    }
    return consoleLog;
  }

  @Override public void close() {
    driver.quit();
  }
}
