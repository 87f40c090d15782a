package org.officialaccounts.verification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.officialaccounts.support.IntegrationTest;
import org.officialaccounts.support.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/** From approval to an official account, on PostgreSQL and SMTP, through the REST API. */
class AccountVerificationIT extends IntegrationTest {

  @Autowired RuntimeService runtime;

  @Test
  void anApprovedAccountIsSetUpVerifiedAndListedAsOfficial() throws Exception {
    String request = startRequest("requester", request(SCHOOL, "X", "@verified_school"));
    complete("reviewer", (String) task("reviewer", request).get("id"), Map.of("decision", "approve"));
    runAllJobs();
    ProcessInstance verification =
        runtime.createProcessInstanceQuery().superProcessInstanceId(request).singleResult();
    assertThat(verification).isNotNull();
    String pi = verification.getId();

    // The request named a manager who is not a user yet: the school's coordinator is offered the
    // set-up; no other manager sees it.
    assertThat(get("manager", "/engine-rest/task?processInstanceId=" + pi, List.class).getBody()).isEmpty();
    Map<String, Object> setUp = task("requester", pi);
    assertThat(setUp.get("name")).isEqualTo("Set up account");
    String setUpId = (String) setUp.get("id");
    post("requester", "/engine-rest/task/" + setUpId + "/claim", Map.of("userId", "requester"));

    ResponseEntity<Map> refused = complete("requester", setUpId, Map.of(
        "finalUrl", "https://x.com/verified_school", "twoFactorEnabled", false,
        "recoveryEmail", "someone@gmail.com", "administrators", "Huda",
        "visualIdentityApplied", true, "guideAcknowledged", true));
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat((String) refused.getBody().get("message")).contains("Two-factor authentication")
        .contains("Recovery email").contains("Administrators");

    ResponseEntity<Map> done = complete("requester", setUpId, Map.of(
        "finalUrl", "https://twitter.com/Verified_School?lang=ar", "twoFactorEnabled", true,
        "recoveryEmail", "IT.Unit@moe.example", "administrators", "Huda Al-Ali\nSara Al-Ali\n",
        "visualIdentityApplied", true, "guideAcknowledged", true));
    assertThat(done.getStatusCode().value()).as("%s", done.getBody()).isEqualTo(204);

    String verifyId = (String) task("reviewer", pi).get("id");
    assertThat(complete("requester", verifyId, Map.of("verification", "pass")).getStatusCode().value()).isEqualTo(403);
    assertThat(complete("reviewer", verifyId, Map.of("verification", "pass")).getStatusCode().value()).isEqualTo(204);
    runAllJobs();

    Map<String, Object> account = ((List<Map<String, Object>>) get("reviewer", "/api/accounts?unitCode=" + SCHOOL, Map.class)
        .getBody().get("items")).get(0);
    assertThat(account).containsEntry("status", "ACTIVE").containsEntry("official", true);
    assertThat(jdbc.sql("SELECT recovery_email || '|' || administrators || '|' || guide_version || '|' || two_factor_enabled"
            + " FROM account WHERE id = ?").param(account.get("id")).query(String.class).single())
        .isEqualTo("it.unit@moe.example|Huda Al-Ali\nSara Al-Ali|1.0|true");
    assertThat(jdbc.sql("SELECT next_review_due FROM account WHERE id = ?").param(account.get("id"))
        .query(java.time.LocalDate.class).single()).isAfter(java.time.LocalDate.now().plusDays(170));

    List<Map<String, Object>> history = get("reviewer", "/api/accounts/" + account.get("id") + "/history", List.class).getBody();
    assertThat(history).extracting(h -> h.get("toStatus")).containsExactly("APPROVED", "APPROVED", "ACTIVE");
    assertThat(history.get(2)).containsEntry("changedBy", "reviewer").containsEntry("processInstanceId", pi);

    assertThat(TestMailServer.messages()).filteredOn(m -> {
      try {
        return m.getSubject().contains("official") || m.getSubject().contains("Official");
      } catch (Exception e) {
        return false;
      }
    }).extracting(m -> m.getRecipients(Message.RecipientType.TO)[0].toString())
        .contains("huda@moe.example");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(request).count()).isZero();

    Map<String, Object> publicAnswer = rest.getForEntity("/api/public/verify?url=@verified_school&platform=X", Map.class).getBody();
    assertThat(((List<Map<String, Object>>) publicAnswer.get("answers")).get(0)).containsEntry("status", "official");
  }
}
