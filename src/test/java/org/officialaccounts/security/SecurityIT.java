package org.officialaccounts.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.officialaccounts.registry.AccountRepository;
import org.officialaccounts.registry.AccountStatus;
import org.officialaccounts.registry.AccountUrlCanonicalizer;
import org.officialaccounts.registry.Platform;
import org.officialaccounts.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** Who may do what over HTTP, and what a bad value gets back. */
class SecurityIT extends IntegrationTest {

  @Autowired AccountRepository accounts;
  @Autowired RuntimeService runtime;

  @Test
  void everyProtectedEndpointAnswers401WithoutValidLogin() {
    for (String path : List.of("/engine-rest/task", "/engine-rest/process-definition", "/api/accounts",
        "/api/units", "/api/accounts/1/history")) {
      assertThat(get(null, path, String.class).getStatusCode().value()).as(path).isEqualTo(401);
    }
    ResponseEntity<String> wrong = rest.withBasicAuth("manager", "wrong-password")
        .getForEntity("/api/accounts", String.class);
    assertThat(wrong.getStatusCode().value()).isEqualTo(401);
  }

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
  void oversizedOrDeeplyNestedBodiesAreRefusedAndNothingIsStarted() {
    long before = runtime.createProcessInstanceQuery().count();
    Map<String, Object> huge = new java.util.HashMap<>(request(SCHOOL, "X", "@huge"));
    huge.put("purpose", "x".repeat(5000));
    ResponseEntity<Map> tooLong = post("requester",
        "/engine-rest/process-definition/key/AccountCreationProcess/start", variables(huge));
    assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
    assertThat((String) tooLong.getBody().get("detail")).contains("longer than 4000 characters");

    String nested = "{\"a\":".repeat(100) + "1" + "}".repeat(100);
    ResponseEntity<Map> deep = exchange("requester", HttpMethod.POST,
        "/engine-rest/process-definition/key/AccountCreationProcess/start", nested, Map.class);
    assertThat(deep.getStatusCode().value()).isEqualTo(400);

    String tenMegabytes = "{\"variables\":{\"purpose\":{\"value\":\"" + "y".repeat(10 * 1024 * 1024) + "\"}}}";
    ResponseEntity<Map> big = exchange("requester", HttpMethod.POST,
        "/engine-rest/process-definition/key/AccountCreationProcess/start", tenMegabytes, Map.class);
    assertThat(big.getStatusCode().value()).isEqualTo(413);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void hostileTextIsKeptAsTextForTheRequesterToCorrect() {
    Map<String, Object> hostile = new java.util.HashMap<>(request(SCHOOL, "X", "<script>alert(1)</script>"));
    hostile.put("managerName", "${execution.setVariable('x', 1)}");
    hostile.put("managerEmail", "'; DROP TABLE account; --");
    String pi = startRequest("requester", hostile);

    Map<String, Object> correction = task("requester", pi);
    assertThat(correction.get("name")).isEqualTo("Correct request");
    assertThat(runtime.getVariable(pi, "managerName")).isEqualTo("${execution.setVariable('x', 1)}");
    assertThat(runtime.getVariable(pi, "x")).isNull();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single()).isZero();
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
