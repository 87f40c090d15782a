package org.officialaccounts.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.officialaccounts.operations.OperationsFigures;
import org.officialaccounts.support.DemoSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded demo as a newcomer meets it: demo users, demo registry, the in-process SMTP
 * server and the mail page; only the database is in memory instead of a file.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:demo-it;DB_CLOSE_DELAY=-1",
      "camunda.bpm.job-execution.enabled=false"
    })
@ActiveProfiles("demo")
class DemoApplicationIT {

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired ManagementService management;

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    DemoSmtp.onFreePort(registry);
  }

  @Test
  void probesAndOperationsFiguresWorkOnTheEmbeddedDatabase(@Autowired OperationsFigures figures) {
    ResponseEntity<Map> readiness = rest.getForEntity("/actuator/health/readiness", Map.class);
    assertThat(readiness.getStatusCode().value()).isEqualTo(200);
    assertThat(readiness.getBody()).containsEntry("status", "UP");
    assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode().value()).isEqualTo(401);
    assertThat(figures.current()).hasValueSatisfying(snapshot -> {
      assertThat(snapshot.openCampaigns()).isZero();
      assertThat(snapshot.openDirectives()).isZero();
      assertThat(snapshot.dueJobs()).isNotNegative();
      assertThat(snapshot.lockedJobs()).isZero();
      assertThat(snapshot.jobsWithoutRetries()).isZero();
    });
  }

  @Test
  void newcomerRequestsAsRequesterApprovesAsReviewerAndReadsBothEmails() {
    for (String user : List.of("demo", "requester", "reviewer", "undersecretary", "manager")) {
      assertThat(identity.checkPassword(user, user)).as(user).isTrue();
    }
    Map<String, Object> before = call("requester", HttpMethod.GET,
        "/api/accounts?unitCode=" + DemoSetup.REQUESTER_SCHOOL, null, Map.class).getBody();
    assertThat(((Number) before.get("total")).intValue()).isZero();

    Map<String, Object> vars = Map.of(
        "unitCode", Map.of("value", DemoSetup.REQUESTER_SCHOOL),
        "platform", Map.of("value", "X"),
        "accountUrl", Map.of("value", "https://twitter.com/Khalil_School?lang=ar"),
        "purpose", Map.of("value", "School news for parents and students"),
        "managerName", Map.of("value", "Huda Al-Ali"),
        "managerEmail", Map.of("value", "huda@moe.example"),
        "secondaryContactEmail", Map.of("value", "sara@moe.example"));
    ResponseEntity<Map> started = call("requester", HttpMethod.POST,
        "/engine-rest/process-definition/key/AccountCreationProcess/start", Map.of("variables", vars), Map.class);
    assertThat(started.getStatusCode().value()).isEqualTo(200);
    String pi = (String) started.getBody().get("id");

    List<Map<String, Object>> tasks = call("reviewer", HttpMethod.GET,
        "/engine-rest/task?processInstanceId=" + pi, null, List.class).getBody();
    assertThat(tasks).singleElement().satisfies(t -> assertThat(t).containsEntry("name", "Review request"));
    assertThat(call("reviewer", HttpMethod.POST, "/engine-rest/task/" + tasks.get(0).get("id") + "/complete",
        Map.of("variables", Map.of("decision", Map.of("value", "approve"))), Map.class)
        .getStatusCode().value()).isEqualTo(204);
    for (Job job; (job = management.createJobQuery().processInstanceId(pi).messages().listPage(0, 1)
        .stream().findFirst().orElse(null)) != null; ) {
      management.executeJob(job.getId());
    }

    Map<String, Object> after = call("requester", HttpMethod.GET,
        "/api/accounts?unitCode=" + DemoSetup.REQUESTER_SCHOOL, null, Map.class).getBody();
    assertThat((List<Map<String, Object>>) after.get("items")).singleElement()
        .satisfies(a -> assertThat(a).containsEntry("status", "APPROVED")
            .containsEntry("canonicalUrl", "https://x.com/khalil_school"));

    String mailbox = call("demo", HttpMethod.GET, "/demo/mail", null, String.class).getBody();
    assertThat(mailbox).contains("huda@moe.example").contains("requester@moe.example")
        .contains("set-up instructions").contains("Account request approved");
    String first = call("demo", HttpMethod.GET, "/demo/mail/0", null, String.class).getBody();
    assertThat(first).contains("sandbox=\"\"").contains("x.com/khalil_school");
  }

  @Test
  void demoRegistryHasTheRealShapeInBothLanguages() {
    List<Map<String, Object>> units = (List<Map<String, Object>>)
        call("demo", HttpMethod.GET, "/api/units?size=200", null, Map.class).getBody().get("items");
    assertThat(units).extracting(u -> u.get("type")).contains(
        "MINISTRY", "LEADERSHIP_OFFICE", "CENTRAL_DEPARTMENT", "EDUCATION_DEPARTMENT", "EDUCATION_OFFICE",
        "SCHOOL", "NEIGHBOURHOOD_CLUB", "CULTURAL_ATTACHE");
    assertThat(units).allSatisfy(u -> assertThat((String) u.get("nameAr")).isNotBlank());
    Map<String, Object> accounts = call("demo", HttpMethod.GET, "/api/accounts?size=200", null, Map.class).getBody();
    assertThat((List<Map<String, Object>>) accounts.get("items")).extracting(a -> a.get("status"))
        .contains("ACTIVE", "CLOSED", "APPROVED", "SUSPENDED", "UNREGISTERED");
  }

  @Test
  void theSampleInventoryImportsAndOneOfItsAccountsIsRegularised() throws IOException {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("reviewer", "reviewer");
    headers.setContentType(MediaType.parseMediaType("text/csv"));
    byte[] sample = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("docs/inventory-sample.csv"));
    ResponseEntity<Map> imported = rest.exchange("/api/accounts/import", HttpMethod.POST, new HttpEntity<>(sample, headers), Map.class);
    assertThat(imported.getStatusCode().value()).as("%s", imported.getBody()).isEqualTo(200);
    assertThat(imported.getBody()).containsEntry("rows", 5).containsEntry("imported", 5);

    List<Map<String, Object>> found = (List<Map<String, Object>>) call("reviewer", HttpMethod.GET,
        "/api/accounts?unitCode=SCH-HAW-001&status=UNREGISTERED", null, Map.class).getBody().get("items");
    assertThat(found).singleElement().satisfies(a -> assertThat(a)
        .containsEntry("canonicalUrl", "https://x.com/hawalli_primary").containsEntry("managerName", "عبد الله الكندري"));
    Object id = found.get(0).get("id");
    assertThat(call("reviewer", HttpMethod.GET, "/api/accounts/" + id + "/history", null, List.class).getBody())
        .singleElement().satisfies(h -> assertThat((String) ((Map<String, Object>) h).get("reason")).endsWith(", line 3"));

    assertThat(call("reviewer", HttpMethod.POST, "/api/accounts/" + id + "/regularise", null, Map.class)
        .getStatusCode().value()).isEqualTo(202);
    assertThat(call("reviewer", HttpMethod.GET, "/api/accounts/" + id, null, Map.class).getBody())
        .containsEntry("status", "APPROVED");
  }

  private <T> ResponseEntity<T> call(String user, HttpMethod method, String path, Object body, Class<T> type) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, user);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.exchange(path, method, new HttpEntity<>(body, headers), type);
  }
}
