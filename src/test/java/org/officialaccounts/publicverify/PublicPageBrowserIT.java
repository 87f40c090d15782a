package org.officialaccounts.publicverify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.officialaccounts.registry.AccountRepository;
import org.officialaccounts.registry.AccountStatus;
import org.officialaccounts.registry.AccountUrlCanonicalizer;
import org.officialaccounts.registry.Platform;
import org.officialaccounts.support.HeadlessChromium;
import org.officialaccounts.support.IntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * The public check page as a member of the public sees it: Debian's Chromium, headless and
 * phone-sized, against the application on PostgreSQL. Screenshots land in target/screenshots.
 */
class PublicPageBrowserIT extends IntegrationTest {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String HOSTILE = "<img src=x onerror=alert(1)>";

  private static HeadlessChromium chromium;
  private static ChromeDriver browser;

  @Autowired AccountRepository accounts;

  private final AccountUrlCanonicalizer canonicalizer = new AccountUrlCanonicalizer();

  @BeforeAll
  static void startBrowser() {
    chromium = HeadlessChromium.start("412,915", SCREENSHOTS);
    browser = chromium.driver();
  }

  @AfterAll
  static void stopBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @BeforeEach
  void forgetCachedAnswers() {
    // The API lets browsers keep answers for minutes; each test brings its own registry.
    browser.executeCdpCommand("Network.clearBrowserCache", Map.of());
  }

  @Test
  void showsOfficialAccountWithItsUnitInArabicAndEnglish() {
    official(SCHOOL, Platform.X, "@t_official");

    WebElement answer = single(check("https://twitter.com/T_Official?lang=ar", null));
    screenshot("01-official");

    assertThat(answer.getAttribute("data-status")).isEqualTo("official");
    assertThat(answer.getText()).contains("حساب رسمي", "Official account", "مدرسة الاختبار", "Test School");
    WebElement link = answer.findElement(By.cssSelector("a[href='https://x.com/t_official']"));
    assertThat(link.isDisplayed()).isTrue();
    assertThat(link.getText()).isEqualTo("https://x.com/t_official");

    WebElement byHandle = single(check("@T_Official", "X"));
    assertThat(byHandle.getAttribute("data-status")).isEqualTo("official");
    assertThat(byHandle.getText()).contains("Test School");
  }

  @Test
  void sendsFollowersOfClosedAccountToItsSuccessor() {
    long successor = official(SCHOOL, Platform.X, "@t_new_account");
    long closed = official(SCHOOL, Platform.X, "@t_old_account");
    jdbc.sql("UPDATE account SET status = 'CLOSED', official = FALSE, closed_at = ?, successor_account_id = ?"
            + " WHERE id = ?")
        .params(OffsetDateTime.now().minusDays(3), successor, closed)
        .update();

    WebElement answer = single(check("https://x.com/t_old_account", null));
    screenshot("02-closed");

    assertThat(answer.getAttribute("data-status")).isEqualTo("closed");
    assertThat(answer.getText()).contains("حساب مغلق", "Closed account");
    WebElement follow = answer.findElement(By.cssSelector(".successor a"));
    assertThat(follow.getAttribute("href")).isEqualTo("https://x.com/t_new_account");
    assertThat(follow.isDisplayed()).isTrue();
    // The closed account itself is named but no longer linked.
    assertThat(answer.findElements(By.cssSelector("a[href*='t_old_account']"))).isEmpty();
  }

  @Test
  void warnsThatUnregisteredAccountIsNotOfficial() {
    official(SCHOOL, Platform.X, "@t_official");

    WebElement answer = single(check("https://x.com/moe__kw", null));
    screenshot("03-unknown");

    assertThat(answer.getAttribute("data-status")).isEqualTo("unknown");
    assertThat(answer.getText())
        .contains("ليس حسابًا رسميًا", "Not an official account", "https://x.com/moe__kw");
    // The page vouches for no account it does not know, so it does not link to it.
    assertThat(answer.findElements(By.cssSelector("a[href*='moe__kw']"))).isEmpty();
  }

  @Test
  void explainsWhyAnAddressNamesNoAccount() {
    ResponseEntity<Map> api = rest.getForEntity("/api/public/verify?url={url}", Map.class, "https://x.com/explore");
    assertThat(api.getStatusCode().value()).isEqualTo(400);
    Map<String, String> reason = ((List<Map<String, String>>) api.getBody().get("errors")).get(0);

    WebElement answer = single(check("https://x.com/explore", null));
    screenshot("04-error");

    assertThat(answer.getAttribute("data-status")).isEqualTo("error");
    assertThat(answer.getText()).contains(reason.get("reason"), reason.get("reasonAr"));
  }

  @Test
  void listsOfficialAccountsAndNarrowsThemByFilterAndPlatform() {
    official(SCHOOL, Platform.X, "@t_official");
    official(OFFICE, Platform.INSTAGRAM, "@t_office_news");
    long closed = official(OTHER_SCHOOL, Platform.X, "@t_closed_school");
    jdbc.sql("UPDATE account SET status = 'CLOSED', official = FALSE, closed_at = ? WHERE id = ?")
        .params(OffsetDateTime.now(), closed)
        .update();
    accounts.insert(OTHER_SCHOOL, account(Platform.X, "@t_unregistered"), null, AccountStatus.UNREGISTERED,
        false, null, null, OffsetDateTime.now());

    open();
    List<WebElement> rows = rows(2);
    scrollTo("list");
    screenshot("05-list");
    assertThat(rows).extracting(WebElement::getText)
        .anySatisfy(text -> assertThat(text).contains("مدرسة الاختبار", "Test School", "x.com/t_official"))
        .anySatisfy(text -> assertThat(text).contains("مكتب", "Office", "instagram.com/t_office_news"));
    assertThat(browser.findElement(By.cssSelector("#list-results a[href='https://x.com/t_official']"))
        .isDisplayed()).isTrue();

    browser.findElement(By.id("list-filter")).sendKeys("office");
    assertThat(rows(1).get(0).getText()).contains("Office").doesNotContain("Test School");
    screenshot("05-list-filtered");

    browser.findElement(By.id("list-filter")).clear();
    browser.findElement(By.id("list-filter")).sendKeys("\n");
    rows(2);
    new Select(browser.findElement(By.id("list-platform"))).selectByValue("X");
    assertThat(rows(1).get(0).getText()).contains("Test School");
  }

  @Test
  void pagesThroughManyOfficialAccounts() {
    for (int i = 1; i <= 12; i++) {
      official(i % 2 == 0 ? SCHOOL : OFFICE, Platform.X, String.format("@t_page_%02d", i));
    }

    open();
    rows(10);
    WebElement next = browser.findElement(By.id("list-next"));
    WebElement previous = browser.findElement(By.id("list-prev"));
    assertThat(previous.isEnabled()).isFalse();
    assertThat(next.isEnabled()).isTrue();

    next.click();
    rows(2);
    scrollTo("list-next");
    screenshot("06-list-page-2");
    assertThat(next.isEnabled()).isFalse();
    assertThat(previous.isEnabled()).isTrue();

    previous.click();
    rows(10);
    assertThat(previous.isEnabled()).isFalse();
  }

  @Test
  void showsHostileUnitNameAsPlainText() {
    Map<String, Object> original = jdbc.sql("SELECT name_ar, name_en FROM unit WHERE code = ?")
        .param(OTHER_SCHOOL).query().singleRow();
    try {
      jdbc.sql("UPDATE unit SET name_ar = ?, name_en = ? WHERE code = ?")
          .params("مدرسة " + HOSTILE, "School " + HOSTILE, OTHER_SCHOOL)
          .update();
      official(OTHER_SCHOOL, Platform.X, "@t_hostile");

      WebElement answer = single(check("https://x.com/t_hostile", null));
      screenshot("07-hostile-answer");
      assertThat(answer.getAttribute("data-status")).isEqualTo("official");
      assertThat(answer.getText()).contains("School " + HOSTILE, "مدرسة " + HOSTILE);

      browser.findElement(By.id("list-filter")).sendKeys("t_hostile");
      WebElement row = rows(1).get(0);
      scrollTo("list");
      screenshot("07-hostile-list");
      assertThat(row.getText()).contains("School " + HOSTILE);

      assertThat(browser.findElements(By.tagName("img"))).as("no element made from the data").isEmpty();
      assertNoAlert();
    } finally {
      jdbc.sql("UPDATE unit SET name_ar = ?, name_en = ? WHERE code = ?")
          .params(original.get("name_ar"), original.get("name_en"), OTHER_SCHOOL)
          .update();
    }
  }

  @Test
  void relaysTheRateLimitsWaitToTheReader() {
    open();
    // A real 429 would need 120 requests and starve every other test on this address for a
    // minute, so the browser's fetch answers as the rate limit filter does.
    String detail = "Too many requests from your address; try again in 42 seconds / طلبات كثيرة من عنوانك؛ حاول مرة أخرى بعد 42 ثانية";
    ((JavascriptExecutor) browser).executeScript(
        "const detail = arguments[0];"
            + "window.fetch = () => Promise.resolve(new Response(JSON.stringify({status: 429, detail}),"
            + " {status: 429, headers: {'Content-Type': 'application/problem+json', 'Retry-After': '42'}}));",
        detail);

    WebElement answer = single(submit("https://x.com/moe_kw", null));
    screenshot("08-rate-limited");
    assertThat(answer.getAttribute("data-status")).isEqualTo("error");
    assertThat(answer.getText()).contains("Too many requests", "طلبات كثيرة", "42");
  }

  // ------------------------------------------------------------------ helpers

  private long official(String unit, Platform platform, String handle) {
    return accounts.insert(unit, account(platform, handle), null, AccountStatus.ACTIVE, true,
        "هدى العلي Huda Al-Ali", "huda@moe.example", OffsetDateTime.now().minusMonths(2));
  }

  private org.officialaccounts.registry.CanonicalAccount account(Platform platform, String handle) {
    return canonicalizer.canonicalize(platform, handle);
  }

  private void open() {
    browser.get(rest.getRootUri() + "/");
  }

  /** Opens the page fresh and checks the pasted text; returns the answer cards. */
  private List<WebElement> check(String pasted, String platform) {
    open();
    return submit(pasted, platform);
  }

  private List<WebElement> submit(String pasted, String platform) {
    WebElement input = browser.findElement(By.id("verify-input"));
    input.clear();
    input.sendKeys(pasted);
    if (platform != null) {
      new Select(browser.findElement(By.id("verify-platform"))).selectByValue(platform);
    }
    browser.findElement(By.id("verify-submit")).click();
    return waitFor().until(driver -> {
      List<WebElement> cards = driver.findElements(By.cssSelector("#verify-result .answer"));
      return cards.isEmpty() ? null : cards;
    });
  }

  private static WebElement single(List<WebElement> cards) {
    assertThat(cards).hasSize(1);
    return cards.get(0);
  }

  /** The list's rows once it has finished loading exactly {@code count} of them. */
  private List<WebElement> rows(int count) {
    return waitFor().until(driver -> {
      WebElement list = driver.findElement(By.id("list-results"));
      List<WebElement> rows = list.findElements(By.cssSelector(".account-row"));
      return "false".equals(list.getAttribute("aria-busy")) && rows.size() == count ? rows : null;
    });
  }

  private WebDriverWait waitFor() {
    return new WebDriverWait(browser, Duration.ofSeconds(10));
  }

  private void scrollTo(String id) {
    ((JavascriptExecutor) browser).executeScript(
        "document.getElementById(arguments[0]).scrollIntoView({block: 'start'})", id);
  }

  private static void assertNoAlert() {
    try {
      String text = browser.switchTo().alert().getText();
      fail("the page ran script from the data and opened an alert: " + text);
    } catch (NoAlertPresentException expected) {
      // nothing ran
    }
  }

  private void screenshot(String name) {
    // Cards fade in; a picture taken mid-fade shows them washed out.
    waitFor().until(driver -> (Boolean) ((JavascriptExecutor) driver).executeScript(
        "return document.getAnimations().every(a => a.playState !== 'running')"));
    chromium.screenshot(name);
  }
}
