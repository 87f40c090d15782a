package org.officialaccounts.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeMessage;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.officialaccounts.registry.AccountRepository;
import org.officialaccounts.security.Groups;
import org.officialaccounts.registry.AccountStatus;
import org.officialaccounts.registry.AccountUrlCanonicalizer;
import org.officialaccounts.registry.Platform;
import org.officialaccounts.support.IntegrationTest;
import org.officialaccounts.support.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

/** Review campaigns on PostgreSQL: idempotent launching over a few hundred accounts, progress, emails, report. */
class CampaignIT extends IntegrationTest {

  static final int ACCOUNTS = 300;

  @Autowired AccountRepository accounts;
  @Autowired CampaignService campaigns;
  @Autowired ReviewStarter starter;
  @Autowired TransactionTemplate transactions;
  @Autowired RuntimeService runtime;

  @Test
  void opensExactlyOneReviewPerAccountHoweverOftenItIsLaunched() throws Exception {
    AccountUrlCanonicalizer canonicalizer = new AccountUrlCanonicalizer();
    for (int i = 0; i < ACCOUNTS; i++) {
      // Known managers get their own task; the others' are offered to the school's coordinator.
      accounts.insert(SCHOOL, canonicalizer.canonicalize(Platform.X, "@camp_" + i), null,
          AccountStatus.ACTIVE, true, "Manager " + i, i % 10 == 0 ? "manager@moe.example" : "m" + i + "@moe.example",
          OffsetDateTime.now().minusYears(1));
    }
    accounts.insert(SCHOOL, canonicalizer.canonicalize(Platform.X, "@camp_suspended"), null, AccountStatus.SUSPENDED,
        false, "M", "m@moe.example", OffsetDateTime.now().minusYears(1));

    assertThat(post("requester", "/api/campaigns", Map.of("campaignName", "x", "scope", "all")).getStatusCode().value())
        .isEqualTo(403);
    ResponseEntity<Map> bad = post("reviewer", "/api/campaigns", Map.of("campaignName", "", "scope", "unit",
        "scopeUnitCode", "NOWHERE"));
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat((List<Map<String, Object>>) bad.getBody().get("errors")).extracting(e -> e.get("field"))
        .containsExactlyInAnyOrder("campaignName", "scopeUnitCode");

    ResponseEntity<Map> started = post("reviewer", "/api/campaigns", Map.of("campaignName", "Q4 2026", "scope", "all"));
    assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(202);
    String id = (String) started.getBody().get("campaignId");
    assertThat(id).startsWith("RC-");
    // A second campaign over the same accounts, launched before the first has opened anything.
    String second = (String) post("reviewer", "/api/campaigns", Map.of("campaignName", "Again", "scope", "all"))
        .getBody().get("campaignId");

    runSelections();
    assertThat(campaigns.progress(id).selected()).isEqualTo(ACCOUNTS);
    // While the campaigns open, their reviews' pre-checks are held (visible in Cockpit).
    assertThat(management.createJobDefinitionQuery().processDefinitionKey("PeriodicReviewProcess")
        .activityIdIn("Task_RunPreChecks").suspended().count()).isEqualTo(1);

    // A node dies in the middle of a chunk: nothing of the chunk remains.
    AtomicInteger startedInChunk = new AtomicInteger();
    assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> campaigns.openChunk(id, 0, 2, (account, campaign) -> {
      String pi = starter.startReview(account, campaign);
      if (startedInChunk.incrementAndGet() == 7) {
        throw new IllegalStateException("node lost");
      }
      return pi;
    }))).hasMessageContaining("node lost");
    assertThat(reviewsOf(id)).isZero();
    assertThat(campaigns.progress(id).opened()).isZero();

    runAllJobs();
    // Both campaigns opened: nothing is held any more, and every review got past its pre-checks.
    assertThat(management.createJobDefinitionQuery().processDefinitionKey("PeriodicReviewProcess").suspended().count())
        .isZero();
    assertThat(management.createJobQuery().suspended().count()).isZero();

    // Launching again afterwards opens nothing.
    transactions.executeWithoutResult(tx -> {
      assertThat(campaigns.openChunk(id, 0, 2, starter)).isFalse();
      assertThat(campaigns.openChunk(id, 1, 2, starter)).isFalse();
    });
    assertThat(reviewsOf(id)).isEqualTo(ACCOUNTS);
    assertThat(jdbc.sql("""
        SELECT COUNT(DISTINCT BUSINESS_KEY_) FROM ACT_HI_PROCINST
         WHERE PROC_DEF_KEY_ = 'PeriodicReviewProcess' AND BUSINESS_KEY_ LIKE ?""")
        .param("campaign:" + id + ":%").query(Long.class).single()).isEqualTo(ACCOUNTS);
    // The second campaign found every account under review already and opened none.
    assertThat(reviewsOf(second)).isZero();
    assertThat(campaigns.progress(second).skipped()).isEqualTo(ACCOUNTS);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM account WHERE status = 'UNDER_REVIEW'").query(Long.class).single())
        .isEqualTo(ACCOUNTS);

    Map<String, Object> view = get("undersecretary", "/api/campaigns/" + id, Map.class).getBody();
    assertThat((Map<String, Object>) view.get("progress")).containsEntry("selected", ACCOUNTS)
        .containsEntry("opened", ACCOUNTS).containsEntry("awaitingAttestation", ACCOUNTS);
    assertThat(get("requester", "/api/campaigns/" + id, Map.class).getStatusCode().value()).isEqualTo(403);
    assertThat(get("reviewer", "/api/campaigns/RC-none", Map.class).getStatusCode().value()).isEqualTo(404);

    // The Tasklist queues: the manager sees their own 30, the school's coordinator the 270 whose manager is
    // unknown, and PR & Media none of the attestations.
    String key = "campaign:" + id + ":%";
    assertThat(taskCount("manager", Map.of("assignee", "manager", "processInstanceBusinessKeyLike", key))).isEqualTo(30);
    assertThat(taskCount("requester", Map.of("candidateUser", "requester", "processInstanceBusinessKeyLike", key)))
        .isEqualTo(270);
    assertThat(taskCount("reviewer", Map.of("candidateGroup", "pr-media", "processInstanceBusinessKeyLike", key)))
        .isZero();
    assertThat(taskCount("manager", Map.of("candidateGroup", "account-managers", "processInstanceBusinessKeyLike", key)))
        .isZero();

    List<MimeMessage> mails = TestMailServer.messages();
    assertThat(mails).filteredOn(m -> subject(m).contains("attest") || subject(m).contains("إقرار")).hasSize(ACCOUNTS);
  }

  @Test
  void remindsEscalatesAndReportsByUnitAndPlatform() throws Exception {
    AccountUrlCanonicalizer canonicalizer = new AccountUrlCanonicalizer();
    long[] ids = new long[3];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = accounts.insert(SCHOOL, canonicalizer.canonicalize(i == 2 ? Platform.INSTAGRAM : Platform.X,
          "@rep_" + i), null, AccountStatus.ACTIVE, true, "Manager", "manager@moe.example",
          OffsetDateTime.now().minusYears(1));
    }
    String id = (String) post("reviewer", "/api/campaigns", Map.of("campaignName", "District check", "scope", "unit",
        "scopeUnitCode", "T-DST")).getBody().get("campaignId");
    runAllJobs();
    assertThat(reviewsOf(id)).isEqualTo(3);
    TestMailServer.clear();

    String first = reviewInstance(id, ids[0]);
    fire(first, "BoundaryEvent_AttestationReminder");
    // A late attestation goes up to the supervising unit: the school's education office, not the
    // school's own coordinator (requester).
    ensureUser("office-coordinator", Groups.UNIT_COORDINATORS);
    units.addMember("office-coordinator", OFFICE, "COORDINATOR");
    try {
      fire(first, "BoundaryEvent_AttestationEscalation");
    } finally {
      jdbc.sql("DELETE FROM unit_member WHERE user_id = 'office-coordinator'").update();
    }
    // GreenMail keeps one copy per recipient.
    assertThat(TestMailServer.messages()).extracting(CampaignIT::subject)
        .filteredOn(subject -> subject.startsWith("تذكير")).hasSize(1);
    assertThat(TestMailServer.messages()).filteredOn(m -> subject(m).contains("Escalation"))
        .flatExtracting(m -> List.of(m.getAllRecipients())).extracting(Object::toString)
        .containsExactlyInAnyOrder("manager@moe.example", "office-coordinator@moe.example", "manager@moe.example",
            "office-coordinator@moe.example");
    fire(first, "BoundaryEvent_AttestationDeadline");

    String second = reviewInstance(id, ids[1]);
    String third = reviewInstance(id, ids[2]);
    for (String pi : List.of(second, third)) {
      complete("manager", (String) task("manager", pi).get("id"), Map.of("stillNeeded", true,
          "lastPostDate", "2026-11-01", "twoFactorStillOn", true, "administrators", "A\nB", "followsGuide", true,
          "visualIdentityOk", true));
    }
    assertThat(campaigns.progress(id).awaitingAssessment()).isEqualTo(3);
    complete("reviewer", (String) task("reviewer", first).get("id"), Map.of("assessment", "suspend",
        "assessmentNotes", "Nobody answers"));
    complete("reviewer", (String) task("reviewer", second).get("id"), Map.of("assessment", "compliant"));
    complete("reviewer", (String) task("reviewer", third).get("id"), Map.of("assessment", "close",
        "assessmentNotes", "Duplicate of the X account"));
    runAllJobs();
    TestMailServer.clear();

    String campaignInstance = jdbc.sql("SELECT process_instance_id FROM review_campaign WHERE id = ?").param(id)
        .query(String.class).single();
    Job progressCheck = management.createJobQuery().processInstanceId(campaignInstance).timers().singleResult();
    management.executeJob(progressCheck.getId());
    runJobs(campaignInstance);

    MimeMessage report = TestMailServer.messages().stream().filter(m -> subject(m).contains(id)).findFirst()
        .orElseThrow();
    assertThat(report.getAllRecipients()).extracting(Object::toString)
        .containsExactlyInAnyOrder("reviewer@moe.example", "undersecretary@moe.example");
    String text = TestMailServer.text(report);
    assertThat(text).contains("Accounts in scope: 3").contains("Compliant: 1").contains("Suspended: 1")
        .contains("To be closed: 1").contains("No response from the manager: 1").contains("District (T-DST): 3, 1, 0, 1, 1, 1, 0")
        .contains("X: 2, 1, 0, 1, 0, 1, 0").contains("INSTAGRAM: 1, 0, 0, 0, 1, 0, 0");
    Map<String, Object> body = get("reviewer", "/api/campaigns/" + id + "/report", Map.class).getBody();
    assertThat((List<?>) body.get("byPlatform")).hasSize(2);
    assertThat(jdbc.sql("SELECT reported_at IS NOT NULL FROM review_campaign WHERE id = ?").param(id)
        .query(Boolean.class).single()).isTrue();
  }

  @Test
  void aReviewWhoseAccountMovedOnOrWhoseProcessWasDeletedLeavesNothingHanging() {
    AccountUrlCanonicalizer canonicalizer = new AccountUrlCanonicalizer();
    long[] ids = new long[3];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = accounts.insert(SCHOOL, canonicalizer.canonicalize(Platform.X, "@moved_" + i), null,
          AccountStatus.ACTIVE, true, "Manager", "manager@moe.example", OffsetDateTime.now().minusYears(1));
    }
    String id = (String) post("reviewer", "/api/campaigns", Map.of("campaignName", "Moved on", "scope", "all"))
        .getBody().get("campaignId");
    // The reviews open, their pre-checks held; then a closure takes the first account.
    for (int round = 0; round < 20; round++) {
      List<Job> launch = management.createJobQuery().messages().active().list().stream()
          .filter(job -> List.of("Task_SelectAccounts", "Task_OpenChunk").contains(activityOf(job))).toList();
      if (launch.isEmpty()) {
        break;
      }
      launch.forEach(job -> management.executeJob(job.getId()));
    }
    assertThat(reviewsOf(id)).isEqualTo(3);
    jdbc.sql("UPDATE account SET status = 'CLOSING' WHERE id = ?").param(ids[0]).update();
    runAllJobs();

    String closed = reviewInstance(id, ids[0]);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(closed).count()).isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE PROC_INST_ID_ = ? AND ACT_ID_ = 'EndEvent_NotReviewable'")
        .param(closed).query(Long.class).single()).isEqualTo(1);
    assertThat(accounts.find(ids[0]).orElseThrow().status()).isEqualTo(AccountStatus.CLOSING);
    assertThat(TestMailServer.messages()).as("attestation requests: none for the closing account")
        .filteredOn(m -> subject(m).contains("attest") || subject(m).contains("إقرار")).hasSize(2);

    // The second review is deleted in Cockpit: its account is active again, with history.
    String deleted = reviewInstance(id, ids[1]);
    runtime.deleteProcessInstance(deleted, "opened by mistake");
    assertThat(accounts.find(ids[1]).orElseThrow().status()).isEqualTo(AccountStatus.ACTIVE);
    assertThat(jdbc.sql("SELECT reason FROM account_history WHERE account_id = ? ORDER BY id DESC LIMIT 1")
        .param(ids[1]).query(String.class).single()).contains("review cancelled");

    CampaignProgress progress = campaigns.progress(id);
    assertThat(progress.selected()).isEqualTo(3);
    assertThat(progress.opened()).isEqualTo(2);
    assertThat(progress.skipped()).isEqualTo(1);
    assertThat(progress.cancelled()).isEqualTo(1);
    assertThat(progress.concluded()).isEqualTo(2);
    assertThat(progress.awaitingAttestation()).isEqualTo(1);
    assertThat(progress.unopened()).isZero();

    // By hand, over the engine's API: only accountId, only for an account not under review.
    String start = "/engine-rest/process-definition/key/PeriodicReviewProcess/start";
    ResponseEntity<Map> extra = post("reviewer", start, variables(Map.of("accountId", ids[1], "campaignId", id)));
    assertThat(extra.getStatusCode().value()).isEqualTo(400);
    assertThat((String) extra.getBody().get("message")).contains("campaignId");
    ResponseEntity<Map> busy = post("reviewer", start, variables(Map.of("accountId", ids[2])));
    assertThat(busy.getStatusCode().value()).isEqualTo(400);
    assertThat((String) busy.getBody().get("message")).contains("UNDER_REVIEW");
    ResponseEntity<Map> byHand = post("reviewer", start, variables(Map.of("accountId", ids[1])));
    assertThat(byHand.getStatusCode().value()).as("%s", byHand.getBody()).isEqualTo(200);
    runJobs((String) byHand.getBody().get("id"));
    assertThat(accounts.find(ids[1]).orElseThrow().status()).isEqualTo(AccountStatus.UNDER_REVIEW);
    // A process without a start form and without declared start variables is the application's to start;
    // one that declares them takes only those (the publisher is whoever starts it).
    assertThat(post("reviewer", "/engine-rest/process-definition/key/AccountVerificationProcess/start",
        variables(Map.of("accountId", ids[1]))).getStatusCode().value()).isEqualTo(403);
    ResponseEntity<Map> publisher = post("reviewer", "/engine-rest/process-definition/key/GuidePublicationProcess/start",
        variables(Map.of("guideVersion", "9.9", "publishedBy", "undersecretary")));
    assertThat(publisher.getStatusCode().value()).isEqualTo(400);
    assertThat((String) publisher.getBody().get("message")).contains("publishedBy");
  }

  private String activityOf(Job job) {
    return management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
        .getActivityId();
  }

  private void runSelections() {
    // Only the selection jobs: both campaigns fix their scope before either opens a review.
    for (Job job : management.createJobQuery().activityId("Task_SelectAccounts").list()) {
      management.executeJob(job.getId());
    }
  }

  private long reviewsOf(String campaignId) {
    return jdbc.sql("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'PeriodicReviewProcess'"
        + " AND BUSINESS_KEY_ LIKE ?").param("campaign:" + campaignId + ":%").query(Long.class).single();
  }

  private String reviewInstance(String campaignId, long accountId) {
    return jdbc.sql("SELECT process_instance_id FROM campaign_review WHERE campaign_id = ? AND account_id = ?")
        .params(campaignId, accountId).query(String.class).single();
  }

  private void fire(String pi, String boundaryEvent) {
    Job timer = management.createJobQuery().processInstanceId(pi).timers().activityId(boundaryEvent).singleResult();
    management.executeJob(timer.getId());
    runJobs(pi);
  }

  private long taskCount(String user, Map<String, Object> query) {
    Map<String, Object> body = new HashMap<>(query);
    return ((Number) post(user, "/engine-rest/task/count", body).getBody().get("count")).longValue();
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
