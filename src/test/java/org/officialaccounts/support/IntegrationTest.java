package org.officialaccounts.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.officialaccounts.registry.Unit;
import org.officialaccounts.registry.UnitRepository;
import org.officialaccounts.registry.UnitType;
import org.officialaccounts.security.Groups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on the real PostgreSQL and a real SMTP server, with a small unit tree and one
 * user per role; REST calls go over HTTP with Basic authentication like any client's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class IntegrationTest {

  public static final String PASSWORD = "Correct-Horse-2026";
  public static final String SCHOOL = "T-SCH-1";
  public static final String OTHER_SCHOOL = "T-SCH-9";
  public static final String OFFICE = "T-OFF-1";

  @Autowired protected TestRestTemplate rest;
  @Autowired protected JdbcClient jdbc;
  @Autowired protected ManagementService management;
  @Autowired protected IdentityService identity;
  @Autowired protected UnitRepository units;
  @Autowired private RuntimeService engineRuntime;

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", TestMailServer::port);
  }

  @BeforeAll
  static void requirePostgres() {
    assumeTrue(TestDatabase.prepare(), "PostgreSQL not reachable: integration test skipped");
  }

  @BeforeEach
  void freshRegistry() throws Exception {
    if (units.find("T-MOE").isEmpty()) {
      units.insert(new Unit("T-MOE", UnitType.MINISTRY, "وزارة", "Ministry", null, null));
      units.insert(new Unit("T-PRM", UnitType.CENTRAL_DEPARTMENT, "العلاقات العامة", "PR & Media", "T-MOE", null));
      units.insert(new Unit("T-DST", UnitType.EDUCATION_DEPARTMENT, "منطقة", "District", "T-MOE", null));
      units.insert(new Unit(OFFICE, UnitType.EDUCATION_OFFICE, "مكتب", "Office", "T-DST", null));
      units.insert(new Unit(SCHOOL, UnitType.SCHOOL, "مدرسة الاختبار", "Test School", OFFICE, null));
      units.insert(new Unit(OTHER_SCHOOL, UnitType.SCHOOL, "مدرسة أخرى", "Other School", OFFICE, null));
      user("requester", Groups.UNIT_COORDINATORS);
      user("reviewer", Groups.PR_MEDIA);
      user("undersecretary", Groups.UNDERSECRETARY);
      user("manager", Groups.ACCOUNT_MANAGERS);
      units.addMember("requester", SCHOOL, "COORDINATOR");
      units.addMember("reviewer", "T-PRM", "REVIEWER");
    }
    // The registry starts over with the same account ids: an earlier test's processes still
    // running would name them (a review "already" running for account 1), so they go first,
    // without their listeners, which would act on the new registry.
    List<String> running = engineRuntime.createProcessInstanceQuery().rootProcessInstances().list().stream()
        .map(org.camunda.bpm.engine.runtime.ProcessInstance::getId).toList();
    if (!running.isEmpty()) {
      engineRuntime.deleteProcessInstancesIfExists(running, "fresh registry for the next test", true, true, false);
    }
    // TRUNCATE: the history and the email log refuse row deletes (they are append-only).
    jdbc.sql("TRUNCATE account_closure, directive_closure, directive_exception, directive_official_account, directive_unit,"
        + " directive_review, consolidation_directive, campaign_review, review_campaign, account_finding,"
        + " account_history, notification, account RESTART IDENTITY").update();
    TestMailServer.clear();
  }

  /** A further user of the group (with the test password), created once per test run. */
  protected void ensureUser(String id, String group) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      user(id, group);
    }
  }

  private void user(String id, String group) {
    User user = identity.newUser(id);
    user.setFirstName(id);
    user.setLastName("Test");
    user.setEmail(id + "@moe.example");
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, group);
  }

  /** The request a form would submit. */
  protected static Map<String, Object> request(String unit, String platform, String url) {
    return Map.of(
        "unitCode", unit,
        "platform", platform,
        "accountUrl", url,
        "purpose", "News and circulars for parents and students",
        "managerName", "هدى العلي Huda Al-Ali",
        "managerEmail", "huda@moe.example",
        "secondaryContactEmail", "sara@moe.example");
  }

  /** Engine REST variables in their JSON shape. */
  protected static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> vars = new java.util.LinkedHashMap<>();
    values.forEach((k, v) -> vars.put(k, Map.of("value", v)));
    return Map.of("variables", vars);
  }

  protected ResponseEntity<Map> post(String user, String path, Object body) {
    return exchange(user, HttpMethod.POST, path, body, Map.class);
  }

  protected <T> ResponseEntity<T> get(String user, String path, Class<T> type) {
    return exchange(user, HttpMethod.GET, path, null, type);
  }

  protected <T> ResponseEntity<T> exchange(
      String user, HttpMethod method, String path, Object body, Class<T> type) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (user != null) {
      headers.setBasicAuth(user, user.equals("it-admin") ? "It-Admin-Password-2026" : PASSWORD);
    }
    return rest.exchange(path, method, new HttpEntity<>(body, headers), type);
  }

  /** Starts an account request as the user and returns the process instance id. */
  protected String startRequest(String user, Map<String, Object> request) {
    ResponseEntity<Map> started =
        post(user, "/engine-rest/process-definition/key/AccountCreationProcess/start", variables(request));
    assertThat(started.getStatusCode().value()).as("start: %s", started.getBody()).isEqualTo(200);
    return (String) started.getBody().get("id");
  }

  /** The single open task of the process instance, as the user sees it. */
  protected Map<String, Object> task(String user, String processInstanceId) {
    ResponseEntity<List> tasks =
        get(user, "/engine-rest/task?processInstanceId=" + processInstanceId, List.class);
    assertThat(tasks.getStatusCode().value()).isEqualTo(200);
    assertThat(tasks.getBody()).as("tasks of %s visible to %s", processInstanceId, user).hasSize(1);
    return (Map<String, Object>) tasks.getBody().get(0);
  }

  protected ResponseEntity<Map> complete(String user, String taskId, Map<String, Object> values) {
    return post(user, "/engine-rest/task/" + taskId + "/complete", variables(values));
  }

  /** Runs every due asynchronous job of every process, as the job executor would. */
  protected void runAllJobs() {
    for (int round = 0; round < 20; round++) {
      List<Job> jobs = management.createJobQuery().messages().active().withRetriesLeft().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
    throw new AssertionError("jobs keep coming");
  }

  /** Runs the process instance's due asynchronous jobs, as the job executor would. */
  protected void runJobs(String processInstanceId) {
    for (int round = 0; round < 20; round++) {
      List<Job> jobs =
          management.createJobQuery().processInstanceId(processInstanceId).messages().active().withRetriesLeft().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
    throw new AssertionError("jobs keep coming");
  }
}
