package org.officialaccounts.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.officialaccounts.support.IntegrationTest;
import org.officialaccounts.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * What protects a browser and a login: security headers on every kind of response, the
 * webapps' CSRF token, cookies and HSTS with the HTTPS switch off, and login throttling on the
 * APIs and the webapps alike.
 */
class WebSecurityIT extends IntegrationTest {

  static final String THROTTLED = "throttled-user";

  @Autowired RuntimeService runtime;

  @BeforeEach
  void throttledUser() {
    ensureUser(THROTTLED, Groups.UNIT_COORDINATORS);
    identity.unlockUser(THROTTLED);
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  // ------------------------------------------------------------------ headers

  @Test
  void jsonApisForbidSniffingFramingAndAnyContent() {
    for (String path : List.of("/api/accounts", "/engine-rest/task", "/api/public/verify?url=@moe_kw")) {
      HttpHeaders headers = get("reviewer", path, String.class).getHeaders();
      assertThat(headers.getFirst("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
      assertThat(headers.getFirst("X-Frame-Options")).as(path).isEqualTo("DENY");
      assertThat(headers.getFirst("Referrer-Policy")).as(path).isEqualTo("same-origin");
      assertThat(headers.get("Content-Security-Policy")).as(path).containsExactly(SecurityHeaders.DATA_POLICY);
    }
  }

  @Test
  void thePublicPageRunsOnlyItsOwnScriptAndStylesheet() {
    for (String path : List.of("/", "/public/app.js")) {
      HttpHeaders headers = rest.getForEntity(path, String.class).getHeaders();
      assertThat(headers.get("Content-Security-Policy")).as(path).containsExactly(SecurityHeaders.PUBLIC_PAGE_POLICY);
      assertThat(headers.getFirst("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
      assertThat(headers.getFirst("X-Frame-Options")).as(path).isEqualTo("SAMEORIGIN");
      assertThat(headers.getFirst("Referrer-Policy")).as(path).isEqualTo("same-origin");
    }
    // The policy bans inline script, so the page must have none.
    assertThat(rest.getForObject("/", String.class)).doesNotContainPattern("<script(?![^>]*\\ssrc=)")
        .doesNotContain("<style").doesNotContainPattern("\\son[a-z]+=");
  }

  @Test
  void camundaWebappsKeepTheirOwnPolicyAndNoSecondOne() {
    HttpResponse<String> page = new WebappSession(rest.getRootUri()).get("/camunda/app/tasklist/default/");
    assertThat(page.statusCode()).isEqualTo(200);
    List<String> policies = page.headers().allValues("Content-Security-Policy");
    assertThat(policies).singleElement().satisfies(p -> assertThat(p).contains("'nonce-", "frame-ancestors"));
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
  }

  @Test
  void otherPagesMayNotBeFramedByOtherSites() {
    ResponseEntity<String> docs = rest.getForEntity("/swagger-ui/index.html", String.class);
    assertThat(docs.getStatusCode().value()).isEqualTo(200);
    assertThat(docs.getHeaders().get("Content-Security-Policy")).containsExactly(SecurityHeaders.OTHER_PAGE_POLICY);
  }

  // ------------------------------------------------------------------ HTTPS switch off

  @Test
  void withoutTheHttpsSwitchForwardedHeadersAreIgnoredNoHstsAndCookiesAreNotSecure() {
    HttpHeaders forwarded = new HttpHeaders();
    forwarded.set("X-Forwarded-Proto", "https");
    forwarded.set("X-Forwarded-For", "203.0.113.7");
    forwarded.setBasicAuth("reviewer", PASSWORD);
    ResponseEntity<String> api = rest.exchange("/api/accounts", HttpMethod.GET, new HttpEntity<>(forwarded), String.class);
    assertThat(api.getStatusCode().value()).isEqualTo(200);
    assertThat(api.getHeaders().containsKey("Strict-Transport-Security")).isFalse();

    HttpResponse<String> page = new WebappSession(rest.getRootUri()).get("/camunda/app/tasklist/default/");
    List<String> cookies = page.headers().allValues("Set-Cookie");
    assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("HttpOnly").doesNotContain("Secure"));
    assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN=").contains("SameSite=Lax").doesNotContain("Secure"));
  }

  // ------------------------------------------------------------------ CSRF

  @Test
  void webappLoginNeedsTheCsrfToken() {
    WebappSession browser = new WebappSession(rest.getRootUri());
    browser.get("/camunda/app/tasklist/default/");
    assertThat(browser.csrfToken()).isNotBlank();

    HttpResponse<String> forged = browser.post(WebappSession.LOGIN + "tasklist",
        "username=requester&password=" + PASSWORD, false);
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");

    assertThat(new WebappSession(rest.getRootUri()).login("tasklist", "requester", PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void webappChangesWithoutTheCsrfTokenAreRefusedAndEndTheSession() {
    String submit = "/camunda/api/engine/engine/default/process-definition/key/AccountCreationProcess/submit-form";
    String body = "{\"variables\": {\"unitCode\": {\"value\": \"" + SCHOOL + "\"}, \"platform\": {\"value\": \"X\"},"
        + " \"accountUrl\": {\"value\": \"@csrf_check\"}}}";
    long before = runtime.createProcessInstanceQuery().count();

    WebappSession victim = new WebappSession(rest.getRootUri());
    assertThat(victim.login("tasklist", "requester", PASSWORD).statusCode()).isEqualTo(200);
    assertThat(victim.get("/camunda/api/engine/engine/default/task").statusCode()).isEqualTo(200);
    HttpResponse<String> forged = victim.post(submit, body, false);
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
    // The webapp ends a session that received a forged request.
    assertThat(victim.get("/camunda/api/engine/engine/default/task").statusCode()).isEqualTo(401);

    WebappSession user = new WebappSession(rest.getRootUri());
    assertThat(user.login("tasklist", "requester", PASSWORD).statusCode()).isEqualTo(200);
    HttpResponse<String> genuine = user.json("POST", submit, body);
    assertThat(genuine.statusCode()).as(genuine.body()).isEqualTo(200);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before + 1);
  }

  // ------------------------------------------------------------------ login throttling

  @Test
  void aWrongPasswordLocksTheUserForAWhileOnTheApi() {
    assertThat(basic(THROTTLED, "wrong-password")).isEqualTo(401);
    assertThat(basic(THROTTLED, PASSWORD)).as("right password while locked").isEqualTo(401);

    ClockUtil.offset(Duration.ofSeconds(4).toMillis());
    assertThat(basic(THROTTLED, PASSWORD)).as("right password after the delay").isEqualTo(200);
  }

  @Test
  void aWrongPasswordLocksTheUserForAWhileOnTheWebappLogin() {
    assertThat(webappLogin(THROTTLED, "wrong-password")).isEqualTo(401);
    assertThat(webappLogin(THROTTLED, PASSWORD)).as("right password while locked").isEqualTo(401);
    // One lock for both ways in: the API refuses the right password too.
    assertThat(basic(THROTTLED, PASSWORD)).isEqualTo(401);

    ClockUtil.offset(Duration.ofSeconds(4).toMillis());
    assertThat(webappLogin(THROTTLED, PASSWORD)).as("right password after the delay").isEqualTo(200);
  }

  @Test
  void theDelayGrowsWithEachWrongPassword() {
    // Checked half-way through each lock: real time passes between the calls too, and a loaded
    // build machine must not turn the margin into a flaky result.
    long elapsedMillis = 0;
    for (long delay : new long[] {3, 6, 12, 24}) {
      assertThat(basic(THROTTLED, "wrong-password")).isEqualTo(401);
      elapsedMillis += delay * 500;
      ClockUtil.offset(elapsedMillis);
      assertThat(basic(THROTTLED, PASSWORD)).as("half-way through a %d s lock", delay).isEqualTo(401);
      elapsedMillis += delay * 500 + 1_000;
      ClockUtil.offset(elapsedMillis);
    }
    assertThat(basic(THROTTLED, PASSWORD)).isEqualTo(200);
  }

  @Test
  void tenWrongPasswordsLockTheUserUntilAnAdministratorUnlocksThem() {
    long elapsed = 0;
    for (int attempt = 1; attempt <= 10; attempt++) {
      assertThat(basic(THROTTLED, "wrong-password-" + attempt)).isEqualTo(401);
      elapsed += 61;
      ClockUtil.offset(Duration.ofSeconds(elapsed).toMillis());
    }
    ClockUtil.offset(Duration.ofDays(1).toMillis());
    assertThat(basic(THROTTLED, PASSWORD)).as("a day later").isEqualTo(401);
    assertThat(webappLogin(THROTTLED, PASSWORD)).isEqualTo(401);

    identity.unlockUser(THROTTLED);
    assertThat(basic(THROTTLED, PASSWORD)).isEqualTo(200);
  }

  private int basic(String user, String password) {
    return rest.withBasicAuth(user, password).getForEntity("/api/units", Map.class).getStatusCode().value();
  }

  private int webappLogin(String user, String password) {
    return new WebappSession(rest.getRootUri()).login("tasklist", user, password).statusCode();
  }
}
