package org.officialaccounts.request;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.officialaccounts.support.HeadlessChromium;
import org.officialaccounts.support.IntegrationTest;
import org.officialaccounts.support.TestMailServer;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An account request from start to approval the way people make it: in Camunda Tasklist, in
 * Debian's headless Chromium, through the Camunda Forms of the start event and of "Review
 * request". A screenshot per step lands in target/screenshots/tasklist.
 */
class TasklistBrowserIT extends IntegrationTest {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots", "tasklist");
  private static final String HOSTILE_PURPOSE = "School news for parents <img src=x onerror=window.__xss=1>";
  private static final String HOSTILE_NAME = "Huda <img src=x onerror=window.__xss=2> Al-Ali";
  private static final String CANONICAL_URL = "https://x.com/t_tasklist_sch";

  @Autowired RuntimeService runtime;

  private HeadlessChromium chromium;
  private ChromeDriver browser;

  @BeforeEach
  void startBrowser() {
    chromium = HeadlessChromium.start("1400,1000", SCREENSHOTS);
    browser = chromium.driver();
  }

  @AfterEach
  void stopBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void requesterAsksInTasklistReviewerApprovesAndTheRegistryAndEmailsFollow() throws Exception {
    logIn("requester");
    chromium.screenshot("01-requester-logged-in");

    click(By.cssSelector("li.start-process-action a"));
    click(By.xpath("//div[contains(@class,'modal-content')]//a[contains(normalize-space(.),'Account creation request')]"));
    waitFor(ExpectedConditions.visibilityOfElementLocated(field("unitCode")));
    chromium.screenshot("02-start-form");

    type("unitCode", SCHOOL);
    click(By.cssSelector("[id$='-Field_platform-display']"));
    click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][contains(normalize-space(.),'X (Twitter)')]"));
    type("accountUrl", "https://twitter.com/T_Tasklist_Sch?lang=ar");
    type("purpose", HOSTILE_PURPOSE);
    type("managerName", HOSTILE_NAME);
    type("managerEmail", "huda@moe.example");
    type("secondaryContactEmail", "sara@moe.example");
    assertThat(browser.findElement(By.cssSelector("[id$='-Field_platform-display']")).getText()).contains("X (Twitter)");
    chromium.screenshot("03-start-form-filled");

    click(By.cssSelector("button[ng-click='startProcessInstance()']"));
    waitForNotification("The process has been started.");
    chromium.screenshot("04-request-started");

    ProcessInstance request = runtime.createProcessInstanceQuery()
        .processDefinitionKey(AccountCreation.PROCESS_KEY)
        .variableValueEquals(AccountCreation.Var.ACCOUNT_URL, "https://twitter.com/T_Tasklist_Sch?lang=ar")
        .singleResult();
    assertThat(request).as("the request started from Tasklist").isNotNull();
    assertThat(runtime.getVariables(request.getId()))
        .as("validated").containsEntry(AccountCreation.Var.CANONICAL_URL, CANONICAL_URL);
    assertThat(runtime.getVariable(request.getId(), AccountCreation.Var.INITIATOR)).isEqualTo("requester");
    Map<String, Object> review = task("reviewer", request.getId());
    assertThat(review.get("name")).isEqualTo("Review request");
    String taskId = (String) review.get("id");

    logOut();
    chromium.screenshot("05-logged-out");

    logIn("reviewer");
    click(By.xpath("//*[contains(@class,'task-filter')]//h4[contains(normalize-space(.),'PR & Media reviews')]//a"));
    By taskInList = By.cssSelector(".tasks-list a[href='#/?task=" + taskId + "']");
    waitFor(ExpectedConditions.visibilityOfElementLocated(taskInList));
    chromium.screenshot("06-pr-media-reviews");

    click(taskInList);
    WebElement form = waitFor(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//div[contains(@class,'fjs-container')][contains(.,'Review an account request')]")));
    waitFor(ExpectedConditions.textToBePresentInElement(form, "Al-Ali"));
    chromium.screenshot("07-review-request");

    // What the requester typed is shown as text, never as markup.
    assertThat(form.getText()).contains(HOSTILE_PURPOSE, HOSTILE_NAME, "https://x.com/t_tasklist_sch");
    assertThat(form.findElements(By.tagName("img"))).isEmpty();
    assertThat(((JavascriptExecutor) browser).executeScript("return window.__xss === undefined")).isEqualTo(true);

    click(By.cssSelector("button.claim"));
    waitFor(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
    chromium.screenshot("08-claimed");

    click(By.xpath("//div[contains(@class,'fjs-form-field-radio')]//label[contains(normalize-space(.),'Approve')]"));
    By complete = By.cssSelector("button[ng-click='complete()']");
    WebElement completeButton = waitFor(ExpectedConditions.elementToBeClickable(complete));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", completeButton);
    chromium.screenshot("09-approve-chosen");
    click(complete);
    waitFor(ExpectedConditions.invisibilityOfElementLocated(taskInList));
    chromium.screenshot("10-review-completed");

    assertThat(runtime.getVariable(request.getId(), AccountCreation.Var.DECISION)).isEqualTo("approve");
    assertThat(runtime.getVariable(request.getId(), AccountCreation.Var.APPROVED_BY)).isEqualTo("reviewer");
    runJobs(request.getId());

    Map<String, Object> accounts = get("requester", "/api/accounts?unitCode=" + SCHOOL, Map.class).getBody();
    assertThat((List<Map<String, Object>>) accounts.get("items")).singleElement().satisfies(account ->
        assertThat(account).containsEntry("status", "APPROVED").containsEntry("canonicalUrl", CANONICAL_URL)
            .containsEntry("managerName", HOSTILE_NAME).containsEntry("managerEmail", "huda@moe.example"));

    List<MimeMessage> mails = TestMailServer.messages();
    MimeMessage toManager = AccountCreationIT.to(mails, "huda@moe.example");
    assertThat(toManager.getSubject()).contains("set-up instructions", CANONICAL_URL);
    assertThat(TestMailServer.html(toManager))
        .contains("Huda &lt;img src=x onerror=window.__xss=2&gt; Al-Ali").doesNotContain("<img");
    MimeMessage toRequester = AccountCreationIT.to(mails, "requester@moe.example");
    assertThat(toRequester.getSubject()).contains("Account request approved", CANONICAL_URL);
    assertThat(TestMailServer.html(toRequester))
        .contains("Huda &lt;img src=x onerror=window.__xss=2&gt; Al-Ali").doesNotContain("<img");
  }

  // ------------------------------------------------------------------ Tasklist, as a person uses it

  private void logIn(String user) {
    if (!browser.getCurrentUrl().contains("/camunda/app/tasklist/")) {
      browser.get(rest.getRootUri() + "/camunda/app/tasklist/default/");
    }
    WebElement name = waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
    name.sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(PASSWORD);
    click(By.cssSelector("form[name=signinForm] button[type=submit]"));
    // Logged in once the header names the user and the filters have loaded.
    waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("li.account a.dropdown-toggle"), user));
    waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filter h4.name")));
  }

  private void logOut() {
    click(By.cssSelector("li.account a.dropdown-toggle"));
    click(By.cssSelector("li.logout a"));
    waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
  }

  private static By field(String key) {
    return By.cssSelector("[id$='-Field_" + key + "']");
  }

  private void type(String key, String value) {
    WebElement input = waitFor(ExpectedConditions.elementToBeClickable(field(key)));
    input.clear();
    input.sendKeys(value);
  }

  private void click(By target) {
    WebElement element = waitFor(ExpectedConditions.elementToBeClickable(target));
    // Tasklist's panes scroll on their own and its footer stays on top: bring the element to the middle.
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
  }

  private void waitForNotification(String text) {
    waitFor(ExpectedConditions.visibilityOfElementLocated(By.xpath(
        "//*[contains(@class,'page-notifications')]//*[contains(@class,'status')][normalize-space(.)='" + text + "']")));
  }

  private <T> T waitFor(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
    return new WebDriverWait(browser, Duration.ofSeconds(20)).until(condition);
  }
}
