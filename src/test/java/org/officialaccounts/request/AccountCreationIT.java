package org.officialaccounts.request;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.officialaccounts.registry.AccountStatus;
import org.officialaccounts.registry.AccountUrlCanonicalizer;
import org.officialaccounts.registry.AccountRepository;
import org.officialaccounts.registry.Platform;
import org.officialaccounts.support.IntegrationTest;
import org.officialaccounts.support.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/** The account request end to end on PostgreSQL and SMTP, through the engine's REST API. */
class AccountCreationIT extends IntegrationTest {

  @Autowired AccountRepository accounts;

  @Test
  void requesterSubmitsReviewerApprovesRegistryRecordsAndBothAreMailed() throws Exception {
    String pi = startRequest("requester", request(SCHOOL, "X", "https://twitter.com/T_School?lang=ar"));

    Map<String, Object> review = task("reviewer", pi);
    assertThat(review.get("name")).isEqualTo("Review request");
    String taskId = (String) review.get("id");
    assertThat(post("reviewer", "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "reviewer"))
        .getStatusCode().value()).isEqualTo(204);
    assertThat(complete("reviewer", taskId, Map.of("decision", "approve", "comment", "Meets the guide"))
        .getStatusCode().value()).isEqualTo(204);
    runJobs(pi);

    ResponseEntity<Map> list = get("requester", "/api/accounts?unitCode=" + SCHOOL, Map.class);
    assertThat(list.getStatusCode().value()).isEqualTo(200);
    List<Map<String, Object>> items = (List<Map<String, Object>>) list.getBody().get("items");
    assertThat(items).hasSize(1);
    Map<String, Object> account = items.get(0);
    assertThat(account).containsEntry("platform", "X").containsEntry("handle", "t_school")
        .containsEntry("canonicalUrl", "https://x.com/t_school").containsEntry("status", "APPROVED")
        .containsEntry("unitCode", SCHOOL);
    Number id = (Number) account.get("id");

    ResponseEntity<List> history = get("requester", "/api/accounts/" + id + "/history", List.class);
    assertThat(history.getBody()).hasSize(1);
    Map<String, Object> entry = (Map<String, Object>) history.getBody().get(0);
    assertThat(entry).containsEntry("toStatus", "APPROVED").containsEntry("changedBy", "reviewer")
        .containsEntry("reason", "Meets the guide").containsEntry("processInstanceId", pi);

    List<MimeMessage> mails = TestMailServer.messages();
    assertThat(mails).hasSize(2);
    MimeMessage toManager = to(mails, "huda@moe.example");
    assertThat(toManager.getSubject()).contains("set-up instructions").contains("https://x.com/t_school");
    assertThat(decoded(toManager)).contains("two-factor authentication").contains("التحقق بخطوتين")
        .contains("dir=\"rtl\"").contains("Test School");
    MimeMessage toRequester = to(mails, "requester@moe.example");
    assertThat(toRequester.getSubject()).contains("Account request approved");
    assertThat(decoded(toRequester)).contains("https://x.com/t_school").contains(id.toString());

    assertThat(jdbc.sql("SELECT template FROM notification WHERE process_instance_id = ? AND status = 'SENT' ORDER BY id")
        .param(pi).query(String.class).list())
        .containsExactly("request-approved-manager", "request-approved-requester");
    assertThat(management.createJobQuery().processInstanceId(pi).count()).isZero();
  }

  @Test
  void requestForbiddenByPolicyIsRejectedWithThePolicysReason() throws Exception {
    String pi = startRequest("reviewer", request(OFFICE, "INSTAGRAM", "@office_one"));
    runJobs(pi);

    assertThat(accounts.findByUnitAndPlatform(OFFICE, Platform.INSTAGRAM)).isEmpty();
    MimeMessage mail = to(TestMailServer.messages(), "reviewer@moe.example");
    assertThat(mail.getSubject()).contains("Account request rejected");
    assertThat(decoded(mail)).contains("Education offices do not hold accounts")
        .contains("لا تملك مكاتب التعليم حسابات");
  }

  @Test
  void requestForARegisteredAccountIsRejectedNamingTheAccount() throws Exception {
    accounts.insert(OTHER_SCHOOL, new AccountUrlCanonicalizer().canonicalize(Platform.X, "@taken_handle"),
        null, AccountStatus.ACTIVE, true, "Someone", "someone@moe.example", java.time.OffsetDateTime.now());

    String pi = startRequest("requester", request(SCHOOL, "X", "x.com/TAKEN_HANDLE/"));
    runJobs(pi);

    assertThat(accounts.findByUnitAndPlatform(SCHOOL, Platform.X)).isEmpty();
    assertThat(decoded(to(TestMailServer.messages(), "requester@moe.example")))
        .contains("https://x.com/taken_handle").contains(OTHER_SCHOOL);
  }

  @Test
  void invalidRequestWaitsForTheRequesterWithEveryProblemNamed() {
    String pi = startRequest("requester",
        Map.of("unitCode", SCHOOL, "platform", "X", "accountUrl", "https://x.com/explore",
            "purpose", "short", "managerName", "Huda", "managerEmail", "not-an-email",
            "secondaryContactEmail", "sara@moe.example"));

    Map<String, Object> correction = task("requester", pi);
    assertThat(correction).containsEntry("name", "Correct request").containsEntry("assignee", "requester");
    ResponseEntity<Map> errors = get("requester",
        "/engine-rest/task/" + correction.get("id") + "/variables/validationErrors", Map.class);
    assertThat((String) errors.getBody().get("value"))
        .contains("Account address: 'explore' is a page of X")
        .contains("Purpose: Explain the purpose")
        .contains("Manager's email: 'not-an-email' is not a valid email address")
        .contains("ليس عنوان بريد إلكتروني صحيحًا");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single()).isZero();
  }

  @Test
  void mailOutageBecomesAnIncidentAndTheEmailGoesOutOnceAfterRetry() throws Exception {
    String pi = startRequest("requester", request(SCHOOL, "INSTAGRAM", "instagram.com/t_school"));
    String taskId = (String) task("reviewer", pi).get("id");
    complete("reviewer", taskId, Map.of("decision", "approve"));
    TestMailServer.stop();
    try {
      runJobsUntilStuck(pi);
    } finally {
      TestMailServer.start();
    }
    // The account is registered; the manager's email waits as an incident an operator sees in Cockpit.
    assertThat(accounts.findByUnitAndPlatform(SCHOOL, Platform.INSTAGRAM)).hasSize(1);
    ResponseEntity<List> incidents = get("it-admin", "/engine-rest/incident?processInstanceId=" + pi, List.class);
    assertThat(incidents.getBody()).hasSize(1);
    assertThat(((Map<String, Object>) incidents.getBody().get(0)).get("activityId"))
        .isEqualTo("Task_SendSetupInstructions");
    assertThat(TestMailServer.messages()).isEmpty();

    Job stuck = management.createJobQuery().processInstanceId(pi).noRetriesLeft().singleResult();
    assertThat(exchange("it-admin", org.springframework.http.HttpMethod.PUT,
        "/engine-rest/job/" + stuck.getId() + "/retries", Map.of("retries", 1), Void.class)
        .getStatusCode().value()).isEqualTo(204);
    runJobs(pi);

    assertThat(get("it-admin", "/engine-rest/incident?processInstanceId=" + pi, List.class).getBody()).isEmpty();
    assertThat(TestMailServer.messages()).extracting(m -> m.getRecipients(Message.RecipientType.TO)[0].toString())
        .containsExactlyInAnyOrder("huda@moe.example", "requester@moe.example");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE process_instance_id = ?")
        .param(pi).query(Long.class).single()).isEqualTo(2);
  }

  private void runJobsUntilStuck(String pi) {
    for (int attempt = 0; attempt < 20; attempt++) {
      List<Job> jobs = management.createJobQuery().processInstanceId(pi).messages().withRetriesLeft().list();
      if (jobs.isEmpty()) {
        return;
      }
      for (Job job : jobs) {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException expected) {
          // the SMTP server is down: the job keeps its place and loses a retry
        }
      }
    }
    throw new AssertionError("the mail job never ran out of retries");
  }

  static MimeMessage to(List<MimeMessage> mails, String address) throws Exception {
    for (MimeMessage mail : mails) {
      if (mail.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)) {
        return mail;
      }
    }
    throw new AssertionError("no email to " + address);
  }

  /** The text and HTML parts, decoded. */
  static String decoded(MimeMessage mail) throws Exception {
    return org.officialaccounts.support.TestMailServer.text(mail);
  }
}
