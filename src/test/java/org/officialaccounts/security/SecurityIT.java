package org.officialaccounts.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.officialaccounts.registry.AccountRepository;
import org.officialaccounts.registry.AccountStatus;
import org.officialaccounts.registry.AccountUrlCanonicalizer;
import org.officialaccounts.registry.Platform;
import org.officialaccounts.support.IntegrationTest;
import org.officialaccounts.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Who may do what over HTTP: every endpoint family without login, in the wrong role and on
 * another unit's data, then the rules that need more than a status to show.
 */
class SecurityIT extends IntegrationTest {

  @Autowired AccountRepository accounts;
  @Autowired RuntimeService runtime;

  // ------------------------------------------------------------------ the access matrix

  /** How a call is made: as an API client with HTTP Basic, or in a browser logged into Tasklist. */
  enum Via { BASIC, WEBAPP }

  /** One row of the matrix: who calls what, and the status they must get. */
  record Call(String family, Via via, String user, String method, String path, String body, int status) {
    @Override
    public String toString() {
      return family + " | " + (user == null ? "nobody" : user) + (via == Via.WEBAPP ? " (webapp)" : "") + " | "
          + method + " " + path + " -> " + status;
    }
  }

  static final String OTHER_COORDINATOR = "coordinator-t-sch-9";
  static final String WRONG_PASSWORD_USER = "wrong-password-user";
  private static final String ENGINE = "engine REST";
  private static final String REGISTRY = "registry API";
  private static final String PUBLIC = "public API and page";
  private static final String WEBAPPS = "webapps";
  private static final String START = "/engine-rest/process-definition/key/AccountCreationProcess/start";
  private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";
  private static final String COCKPIT_API = "/camunda/api/cockpit/plugin/base/default/process-definition/statistics";
  private static final String DECISION = "{\"variables\": {\"decision\": {\"value\": \"approve\"}}}";

  private static Call basic(String family, String user, String method, String path, int status) {
    return new Call(family, Via.BASIC, user, method, path, method.equals("GET") ? null : "{}", status);
  }

  private static Call basic(String family, String user, String method, String path, String body, int status) {
    return new Call(family, Via.BASIC, user, method, path, body, status);
  }

  private static Call webapp(String user, String method, String path, int status) {
    return webapp(user, method, path, method.equals("GET") ? null : "{}", status);
  }

  private static Call webapp(String user, String method, String path, String body, int status) {
    return new Call(WEBAPPS, Via.WEBAPP, user, method, path, body, status);
  }

  /** Every protected endpoint family refuses a caller who has not logged in (or got the password wrong). */
  static Stream<Call> withoutLogin() {
    return Stream.of(
        basic(ENGINE, null, "GET", "/engine-rest/task", 401),
        basic(ENGINE, null, "GET", "/engine-rest/process-definition", 401),
        basic(ENGINE, null, "GET", "/engine-rest/user", 401),
        basic(ENGINE, null, "POST", START, 401),
        basic(ENGINE, WRONG_PASSWORD_USER, "GET", "/engine-rest/task", 401),
        basic(REGISTRY, null, "GET", "/api/units", 401),
        basic(REGISTRY, null, "GET", "/api/accounts", 401),
        basic(REGISTRY, null, "GET", "/api/accounts/{ownAccount}", 401),
        basic(REGISTRY, null, "GET", "/api/accounts/{ownAccount}/history", 401),
        basic(REGISTRY, null, "GET", "/api/accounts/{ownAccount}/findings", 401),
        basic(REGISTRY, null, "GET", "/api/accounts/export", 401),
        basic(REGISTRY, null, "GET", "/api/campaigns", 401),
        basic(REGISTRY, null, "POST", "/api/campaigns", 401),
        basic(REGISTRY, null, "GET", "/api/guide-versions", 401),
        basic(REGISTRY, null, "POST", "/api/guide-versions", 401),
        basic(REGISTRY, null, "GET", "/api/notifications", 401),
        basic(REGISTRY, WRONG_PASSWORD_USER, "GET", "/api/accounts", 401),
        basic("demo mailbox", null, "GET", "/demo/mail", 401),
        webapp(null, "GET", WEBAPP_ENGINE + "/task", 401),
        webapp(null, "POST", WEBAPP_ENGINE + "/task/{reviewTask}/complete", 401),
        webapp(null, "GET", COCKPIT_API, 401),
        webapp(WRONG_PASSWORD_USER, "POST", WebappSession.LOGIN + "tasklist", 401));
  }

  /** Logged in, but in a group that may not do this. */
  static Stream<Call> withTheWrongRole() {
    return Stream.of(
        basic(ENGINE, "requester", "POST", "/engine-rest/user/create",
            "{\"profile\": {\"id\": \"intruder\"}, \"credentials\": {\"password\": \"Intruder-Password-1\"}}", 403),
        basic(ENGINE, "requester", "PUT", "/engine-rest/group/pr-media/members/requester", 403),
        basic(ENGINE, "requester", "POST", "/engine-rest/authorization/create",
            "{\"type\": 1, \"permissions\": [\"ALL\"], \"userId\": \"requester\", \"resourceType\": 0, \"resourceId\": \"*\"}", 403),
        // A definition the caller may not read is not there for them.
        basic(ENGINE, "requester", "POST", "/engine-rest/process-definition/key/ReviewCampaignProcess/start", 404),
        basic(ENGINE, "manager", "POST", START, 404),
        basic(ENGINE, "requester", "POST", "/engine-rest/task/{reviewTask}/claim", "{\"userId\": \"requester\"}", 403),
        basic(ENGINE, "requester", "POST", "/engine-rest/task/{reviewTask}/complete", DECISION, 403),
        basic(REGISTRY, "requester", "GET", "/api/notifications", 403),
        basic(REGISTRY, "requester", "GET", "/api/campaigns", 403),
        basic(REGISTRY, "requester", "POST", "/api/campaigns", "{\"campaignName\": \"Mine\", \"scope\": \"all\"}", 403),
        basic(REGISTRY, "undersecretary", "POST", "/api/campaigns", "{\"campaignName\": \"Mine\", \"scope\": \"all\"}", 403),
        basic(REGISTRY, "requester", "GET", "/api/guide-versions", 403),
        basic(REGISTRY, "manager", "GET", "/api/guide-versions/1.0", 403),
        basic(REGISTRY, "requester", "POST", "/api/guide-versions",
            "{\"version\": \"9.9\", \"effectiveDate\": \"2030-01-01\", \"summary\": \"Mine\"}", 403),
        basic(REGISTRY, "reviewer", "DELETE", "/api/accounts/{ownAccount}", 405),
        basic(REGISTRY, "reviewer", "PUT", "/api/accounts/{ownAccount}", "{\"status\": \"ACTIVE\"}", 405),
        webapp("requester", "POST", WebappSession.LOGIN + "cockpit", 403),
        webapp("manager", "POST", WebappSession.LOGIN + "admin", 403),
        webapp("requester", "GET", "/camunda/app/cockpit/default/", 403),
        webapp("requester", "GET", COCKPIT_API, 403),
        webapp("requester", "POST", WEBAPP_ENGINE + "/user/create",
            "{\"profile\": {\"id\": \"intruder\"}, \"credentials\": {\"password\": \"Intruder-Password-1\"}}", 403),
        webapp("requester", "POST", WEBAPP_ENGINE + "/task/{reviewTask}/complete", DECISION, 403));
  }

  /** Logged in and in the right group, but the data belongs to another unit. */
  static Stream<Call> withAnotherUnitsData() {
    return Stream.of(
        basic(ENGINE, "requester", "GET", "/engine-rest/task/{otherTask}", 404),
        basic(ENGINE, "requester", "GET", "/engine-rest/task/{otherTask}/form-variables", 403),
        basic(ENGINE, "requester", "POST", "/engine-rest/task/{otherTask}/complete",
            "{\"variables\": {\"correctionAction\": {\"value\": \"withdraw\"}}}", 403),
        basic(ENGINE, "requester", "GET", "/engine-rest/process-instance/{otherInstance}/variables", 403),
        basic(ENGINE, "requester", "PUT", "/engine-rest/process-instance/{otherInstance}/variables/unitCode",
            "{\"value\": \"T-SCH-1\"}", 403),
        basic(REGISTRY, "requester", "GET", "/api/accounts/{otherAccount}", 403),
        basic(REGISTRY, "requester", "GET", "/api/accounts/{otherAccount}/history", 403),
        basic(REGISTRY, "requester", "GET", "/api/accounts/{otherAccount}/history/export", 403),
        basic(REGISTRY, "requester", "GET", "/api/accounts/{otherAccount}/findings", 403),
        webapp("requester", "GET", WEBAPP_ENGINE + "/task/{otherTask}", 404),
        webapp("requester", "GET", WEBAPP_ENGINE + "/process-instance/{otherInstance}/variables", 403));
  }

  /** Open by design: the public check and the pages that show their own login. */
  static Stream<Call> openByDesign() {
    return Stream.of(
        basic(PUBLIC, null, "GET", "/", 200),
        basic(PUBLIC, null, "GET", "/api/public/verify?url=@moe_kw", 200),
        basic(PUBLIC, null, "GET", "/api/public/accounts", 200),
        basic(PUBLIC, null, "POST", "/api/public/verify?url=@moe_kw", 405),
        webapp(null, "GET", "/camunda/app/tasklist/default/", 200),
        webapp(null, "GET", "/camunda/app/cockpit/default/", 200),
        webapp(null, "GET", "/camunda/app/admin/default/", 200));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("withoutLogin")
  void refusesCallersWhoHaveNotLoggedIn(Call call) {
    check(call);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("withTheWrongRole")
  void refusesCallersInTheWrongRole(Call call) {
    check(call);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("withAnotherUnitsData")
  void refusesCallersAnotherUnitsData(Call call) {
    check(call);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("openByDesign")
  void answersEveryoneWhereOpenByDesign(Call call) {
    check(call);
  }

  private void check(Call call) {
    String path = fill(call.path());
    int status;
    String body;
    if (call.via() == Via.BASIC) {
      ResponseEntity<String> response = call.user() != null && call.user().equals(WRONG_PASSWORD_USER)
          ? rest.withBasicAuth(WRONG_PASSWORD_USER, "not-the-password")
              .exchange(path, HttpMethod.valueOf(call.method()), jsonEntity(call.body()), String.class)
          : exchange(call.user(), HttpMethod.valueOf(call.method()), path, call.body(), String.class);
      status = response.getStatusCode().value();
      body = response.getBody();
    } else {
      WebappSession browser = new WebappSession(rest.getRootUri());
      HttpResponse<String> response;
      if (path.startsWith(WebappSession.LOGIN)) {
        String app = path.substring(WebappSession.LOGIN.length());
        response = browser.login(app, call.user(),
            call.user().equals(WRONG_PASSWORD_USER) ? "not-the-password" : PASSWORD);
      } else {
        if (call.user() != null) {
          assertThat(browser.login("tasklist", call.user(), PASSWORD).statusCode()).isEqualTo(200);
        } else {
          browser.get("/camunda/app/tasklist/default/");
        }
        response = call.method().equals("GET") ? browser.get(path) : browser.json(call.method(), path, call.body());
      }
      status = response.statusCode();
      body = response.body();
    }
    assertThat(status).as("%s\n%s", call, body).isEqualTo(call.status());
    assertThat(String.valueOf(body)).as("refused for its CSRF token, not for who asked").doesNotContain("CSRFPreventionFilter");
  }

  private static HttpEntity<String> jsonEntity(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  /** Creates what a row names, just for it: accounts of two units, tasks of two coordinators. */
  private String fill(String path) {
    if (path.contains("{ownAccount}")) {
      path = path.replace("{ownAccount}", Long.toString(insertAccount(SCHOOL, "@matrix_own")));
    }
    if (path.contains("{otherAccount}")) {
      path = path.replace("{otherAccount}", Long.toString(insertAccount(OTHER_SCHOOL, "@matrix_other")));
    }
    if (path.contains("{reviewTask}")) {
      String pi = startRequest("requester", request(SCHOOL, "X", "@matrix_review"));
      path = path.replace("{reviewTask}", (String) task("reviewer", pi).get("id"));
    }
    if (path.contains("{otherTask}") || path.contains("{otherInstance}")) {
      // Invalid on purpose: it comes back to its requester as "Correct request".
      String pi = startRequest(OTHER_COORDINATOR, request(OTHER_SCHOOL, "X", "https://x.com/explore"));
      Map<String, Object> correction = task(OTHER_COORDINATOR, pi);
      assertThat(correction.get("name")).isEqualTo("Correct request");
      path = path.replace("{otherTask}", (String) correction.get("id")).replace("{otherInstance}", pi);
    }
    return path;
  }

  @BeforeEach
  void usersOfTheMatrix() {
    ensureUser(WRONG_PASSWORD_USER, Groups.UNIT_COORDINATORS);
    if (identity.createUserQuery().userId(OTHER_COORDINATOR).count() == 0) {
      ensureUser(OTHER_COORDINATOR, Groups.UNIT_COORDINATORS);
      units.addMember(OTHER_COORDINATOR, OTHER_SCHOOL, "COORDINATOR");
    }
  }

  // ------------------------------------------------------------------ rules in detail

  @Test
  void requesterCannotCompletePrAndMediasReview() {
    String pi = startRequest("requester", request(SCHOOL, "X", "@isolation_test"));
    String taskId = (String) task("reviewer", pi).get("id");

    assertThat(get("requester", "/engine-rest/task?processInstanceId=" + pi, List.class).getBody()).isEmpty();
    ResponseEntity<Map> attempt = complete("requester", taskId, Map.of("decision", "approve"));
    assertThat(attempt.getStatusCode().value()).isEqualTo(403);
    assertThat(task("reviewer", pi).get("id")).isEqualTo(taskId);
  }

  @Test
  void requesterCannotRequestForAnotherUnit() {
    long before = runtime.createProcessInstanceQuery().count();
    ResponseEntity<Map> attempt = post("requester",
        "/engine-rest/process-definition/key/AccountCreationProcess/start",
        variables(request(OTHER_SCHOOL, "X", "@not_mine")));

    assertThat(attempt.getStatusCode().value()).isEqualTo(403);
    assertThat((String) attempt.getBody().get("message")).contains("may not request accounts for unit " + OTHER_SCHOOL);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void requesterSeesOnlyTheirOwnUnitsAccountsPrAndMediaSeeAll() {
    long own = insertAccount(SCHOOL, "@own_school");
    long other = insertAccount(OTHER_SCHOOL, "@other_school");

    Map<String, Object> mine = get("requester", "/api/accounts", Map.class).getBody();
    assertThat((List<Map<String, Object>>) mine.get("items")).extracting(a -> ((Number) a.get("id")).longValue())
        .containsExactly(own);
    assertThat(get("requester", "/api/accounts/" + other, Map.class).getStatusCode().value()).isEqualTo(403);
    assertThat(get("requester", "/api/accounts/" + other + "/history", Map.class).getStatusCode().value()).isEqualTo(403);
    assertThat((List<Map<String, Object>>) get("requester", "/api/units", Map.class).getBody().get("items"))
        .extracting(u -> u.get("code")).containsExactly(SCHOOL);

    Map<String, Object> all = get("reviewer", "/api/accounts", Map.class).getBody();
    assertThat(((Number) all.get("total")).longValue()).isEqualTo(2);
    assertThat(get("reviewer", "/api/accounts/" + other, Map.class).getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void badQueryParametersGetAProblemNamingTheField() {
    ResponseEntity<Map> platform = get("reviewer", "/api/accounts?platform=TIKTOK", Map.class);
    assertThat(platform.getStatusCode().value()).isEqualTo(400);
    assertThat(platform.getHeaders().getContentType().toString()).contains("application/problem+json");
    assertThat((List<Map<String, Object>>) platform.getBody().get("errors"))
        .singleElement().satisfies(e -> assertThat(e).containsEntry("field", "platform"));

    assertThat(get("reviewer", "/api/accounts?size=100000", Map.class).getStatusCode().value()).isEqualTo(400);
    assertThat(get("reviewer", "/api/accounts?page=-1", Map.class).getStatusCode().value()).isEqualTo(400);
    assertThat(get("reviewer", "/api/accounts?status=GONE", Map.class).getStatusCode().value()).isEqualTo(400);
    assertThat(get("reviewer", "/api/accounts?unitCode=%3Cscript%3E", Map.class).getStatusCode().value()).isEqualTo(400);
    assertThat(get("reviewer", "/api/accounts/abc", Map.class).getStatusCode().value()).isEqualTo(400);
    assertThat(get("reviewer", "/api/accounts/987654", Map.class).getStatusCode().value()).isEqualTo(404);
    assertThat(get("reviewer", "/api/units?type=PLANET", Map.class).getStatusCode().value()).isEqualTo(400);
  }

  @Test
  void reviewDecisionsAreValidatedOnTheServer() {
    String pi = startRequest("requester", request(SCHOOL, "X", "@decision_check"));
    String taskId = (String) task("reviewer", pi).get("id");

    ResponseEntity<Map> maybe = complete("reviewer", taskId, Map.of("decision", "maybe"));
    assertThat(maybe.getStatusCode().value()).isEqualTo(400);
    assertThat((String) maybe.getBody().get("message")).contains("Choose approve, reject or return");
    ResponseEntity<Map> noReason = complete("reviewer", taskId, Map.of("decision", "reject"));
    assertThat(noReason.getStatusCode().value()).isEqualTo(400);
    assertThat((String) noReason.getBody().get("message")).contains("Give the reason");
    ResponseEntity<Map> wrongType = complete("reviewer", taskId, Map.of("decision", 42));
    assertThat(wrongType.getStatusCode().value()).isEqualTo(400);

    assertThat(task("reviewer", pi).get("id")).isEqualTo(taskId);
  }

  @Test
  void noDemoUsersNoH2ConsoleOutsideTheDemo() {
    assertThat(identity.createUserQuery().userId("demo").count()).isZero();
    assertThat(rest.getForEntity("/h2-console", String.class).getStatusCode().value()).isEqualTo(404);
  }

  private long insertAccount(String unit, String handle) {
    return accounts.insert(unit, new AccountUrlCanonicalizer().canonicalize(Platform.X, handle), null,
        AccountStatus.ACTIVE, true, "Manager", "m@moe.example", OffsetDateTime.now());
  }
}
