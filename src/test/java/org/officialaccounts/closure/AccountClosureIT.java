package org.officialaccounts.closure;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.officialaccounts.registry.AccountRepository;
import org.officialaccounts.registry.AccountStatus;
import org.officialaccounts.registry.AccountUrlCanonicalizer;
import org.officialaccounts.registry.Platform;
import org.officialaccounts.support.IntegrationTest;
import org.officialaccounts.support.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/** Closures on PostgreSQL and SMTP through the REST API: a unit's request to the end, and a cancellation. */
class AccountClosureIT extends IntegrationTest {

  @Autowired AccountRepository accounts;
  @Autowired RuntimeService runtime;

  @Test
  void aUnitsRequestEndsWithTheAccountClosedAndItsFollowersSentToTheOfficialOne() throws Exception {
    long office = account(OFFICE, "@district_office", AccountStatus.ACTIVE, true, "head@moe.example");
    long closuresBefore = runtime.createProcessInstanceQuery().processDefinitionKey(Closure.PROCESS_KEY).count();
    long school = account(SCHOOL, "@old_school_news", AccountStatus.ACTIVE, false, "manager@moe.example");

    // Only the school's own coordinator may ask, only for a registered account, only with grounds.
    assertThat(post("manager", start(), variables(form("@old_school_news", "Merged"))).getStatusCode().value())
        .isIn(403, 404);
    ResponseEntity<Map> refused = post("requester", start(), variables(form("@nobody_here", " ")));
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat((String) refused.getBody().get("message")).contains("No account https://x.com/nobody_here")
        .contains("Grounds: Give the reason");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(Closure.PROCESS_KEY).count())
        .isEqualTo(closuresBefore);

    ResponseEntity<Map> started = post("requester", start(),
        variables(form("https://twitter.com/Old_School_News?lang=ar", "One official account per body")));
    assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(200);
    String pi = (String) started.getBody().get("id");
    runJobs(pi);

    assertThat(status(school)).isEqualTo("CLOSING");
    Map<String, Object> closure = closureOf(school);
    assertThat(closure).containsEntry("reason", "REQUEST").containsEntry("requestedBy", "requester")
        .containsEntry("successorAccountId", (int) office).containsEntry("previousStatus", "ACTIVE");
    MimeMessage request = mail("closure-notice-request", "manager@moe.example");
    assertThat(TestMailServer.text(request)).contains("https://x.com/district_office")
        .contains("سيُغلق هذا الحساب نهائيًا في").contains((String) closure.get("closingDate"));

    // The manager posts the notice and gives its address as evidence.
    String notice = (String) task("manager", pi).get("id");
    assertThat(complete("manager", notice, Map.of("noticeUrl", "https://instagram.com/p/xyz")).getStatusCode().value())
        .isEqualTo(400);
    assertThat(complete("manager", notice, Map.of("noticeUrl", "https://x.com/old_school_news/status/18600000001"))
        .getStatusCode().value()).isEqualTo(204);
    runJobs(pi);
    assertThat(closureOf(school)).containsEntry("noticeUrl", "https://x.com/old_school_news/status/18600000001");

    // The grace period: the notice is posted again before the closing date, then the date comes.
    int repeats = 0;
    for (Job timer = timer(pi, "TimerEvent_NextNotice"); timer != null; timer = timer(pi, "TimerEvent_NextNotice")) {
      management.executeJob(timer.getId());
      runJobs(pi);
      repeats++;
    }
    assertThat(repeats).isEqualTo(2);
    assertThat(mails("closure-notice-repeat")).hasSize(2);
    management.executeJob(timer(pi, "TimerEvent_ClosingDate").getId());
    runJobs(pi);
    mail("closure-archive-request", "manager@moe.example");

    String archive = (String) task("manager", pi).get("id");
    assertThat(complete("manager", archive, Map.of("archiveLocation", "records://moe/2026/old_school_news",
        "adminsRemoved", true, "appsRevoked", true, "endState", "LOCKED")).getStatusCode().value()).isEqualTo(204);
    runJobs(pi);

    String confirm = (String) task("reviewer", pi).get("id");
    assertThat(complete("requester", confirm, Map.of("confirmation", "closed")).getStatusCode().value()).isIn(403, 404);
    assertThat(complete("reviewer", confirm, Map.of("confirmation", "closed")).getStatusCode().value()).isEqualTo(204);
    runJobs(pi);

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    Map<String, Object> closed = jdbc.sql("SELECT status, official, successor_account_id, closure_reason, archive_reference"
        + " FROM account WHERE id = ?").param(school).query().singleRow();
    assertThat(closed).containsEntry("status", "CLOSED").containsEntry("official", false)
        .containsEntry("successor_account_id", office)
        .containsEntry("closure_reason", "requested by the unit - One official account per body")
        .containsEntry("archive_reference", "records://moe/2026/old_school_news (locked)");
    assertThat(closureOf(school)).containsEntry("outcome", "CLOSED").containsEntry("endState", "LOCKED");
    mail("closure-completed", "manager@moe.example");
    List<Map<String, Object>> history = get("reviewer", "/api/accounts/" + school + "/history", List.class).getBody();
    assertThat(history).extracting(h -> h.get("toStatus")).containsSubsequence("CLOSING", "CLOSED");
    assertThat(history).extracting(h -> (String) h.get("reason")).anySatisfy(r -> assertThat(r).startsWith("Closure notice posted"));

    // The public check sends whoever pastes the old address to the official account.
    Map<String, Object> verdict = (Map<String, Object>) ((List<?>) get(null,
        "/api/public/verify?url=@old_school_news&platform=X", Map.class).getBody().get("answers")).get(0);
    assertThat(verdict).containsEntry("status", "closed");
    assertThat((Map<String, Object>) verdict.get("successor")).containsEntry("canonicalUrl", "https://x.com/district_office");
  }

  @Test
  void aClosureCancelledWithAReasonGivesTheAccountBack() throws Exception {
    long school = account(SCHOOL, "@kept_school", AccountStatus.ACTIVE, true, "manager@moe.example");
    String pi = (String) post("reviewer", start(), variables(form("@kept_school", "Duplicate of the office's account")))
        .getBody().get("id");
    runJobs(pi);
    long id = ((Number) closureOf(school).get("id")).longValue();
    String cancel = "/api/closures/" + id + "/cancel";

    assertThat(post("requester", cancel, Map.of("cancellationReason", "x")).getStatusCode().value()).isEqualTo(403);
    assertThat(post("reviewer", cancel, Map.of()).getStatusCode().value()).isEqualTo(400);
    assertThat(post("reviewer", cancel, Map.of("cancellationReason", "a", "extra", 1)).getStatusCode().value())
        .isEqualTo(400);
    assertThat(post("reviewer", "/api/closures/999999/cancel", Map.of("cancellationReason", "x")).getStatusCode().value())
        .isEqualTo(404);
    ResponseEntity<Map> cancelled = post("reviewer", cancel,
        Map.of("cancellationReason", "<b>The account is the school's only one</b>"));
    assertThat(cancelled.getStatusCode().value()).as("%s", cancelled.getBody()).isEqualTo(200);
    assertThat(cancelled.getBody()).containsEntry("outcome", "CANCELLED")
        .containsEntry("outcomeReason", "Cancelled: <b>The account is the school's only one</b>");
    runJobs(pi);

    assertThat(status(school)).isEqualTo("ACTIVE");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    MimeMessage mail = mail("closure-cancelled", "manager@moe.example");
    // Escaped in the HTML part, never markup.
    String html = html(mail);
    assertThat(html).as("the HTML part").isNotNull();
    assertThat(html).contains("&lt;b&gt;The account is the school&#39;s only one&lt;/b&gt;")
        .doesNotContain("<b>The account");
    assertThat(post("reviewer", cancel, Map.of("cancellationReason", "again")).getStatusCode().value()).isEqualTo(409);

    // Who may see the record: the school's coordinator yes, another unit's people no.
    assertThat(get("requester", "/api/closures/" + id, Map.class).getStatusCode().value()).isEqualTo(200);
    assertThat(get("manager", "/api/closures/" + id, Map.class).getStatusCode().value()).isEqualTo(403);
    assertThat(get("requester", "/api/closures", Map.class).getStatusCode().value()).isEqualTo(403);
    assertThat(get("reviewer", "/api/closures?open=maybe", Map.class).getStatusCode().value()).isEqualTo(400);
    Map<String, Object> page = get("reviewer", "/api/closures?accountId=" + school + "&open=false", Map.class).getBody();
    assertThat((List<?>) page.get("items")).hasSize(1);
  }

  @Test
  void nobodyButAnAdministratorGetsPastTheRequestsChecks() {
    long other = account(OTHER_SCHOOL, "@not_our_school", AccountStatus.ACTIVE, true, "manager@moe.example");
    // The message start and start instructions would skip the start form's checks.
    assertThat(post("requester", "/engine-rest/message", Map.of("messageName", Closure.START_MESSAGE,
        "processVariables", Map.of("accountId", Map.of("value", other, "type", "Long"))))
        .getStatusCode().value()).isEqualTo(403);
    Map<String, Object> skipping = new java.util.HashMap<>(variables(form("@not_our_school", "Not mine")));
    skipping.put("startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_OpenClosure")));
    assertThat(post("requester", start(), skipping).getStatusCode().value()).isEqualTo(403);
    Map<String, Object> noListeners = new java.util.HashMap<>(variables(form("@not_our_school", "Not mine")));
    noListeners.put("skipCustomListeners", true);
    assertThat(post("requester", start(), noListeners).getStatusCode().value()).isEqualTo(403);
    // Through the form, another unit's account is refused.
    assertThat(post("requester", start(), variables(form("@not_our_school", "Not mine"))).getStatusCode().value())
        .isEqualTo(403);
    assertThat(status(other)).isEqualTo("ACTIVE");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM account_closure").query(Long.class).single()).isZero();
  }

  @Test
  void aReviewThatConcludesCloseOrdersTheClosure() {
    long school = account(SCHOOL, "@dormant_school", AccountStatus.ACTIVE, true, "manager@moe.example");
    String review = (String) post("reviewer", "/engine-rest/process-definition/key/PeriodicReviewProcess/start",
        variables(Map.of("accountId", school))).getBody().get("id");
    runJobs(review);
    complete("manager", (String) task("manager", review).get("id"), Map.of("stillNeeded", false,
        "lastPostDate", "2025-01-10", "twoFactorStillOn", true, "administrators", "A\nB", "followsGuide", true,
        "visualIdentityOk", true));
    complete("reviewer", (String) task("reviewer", review).get("id"), Map.of("assessment", "close",
        "assessmentNotes", "Dormant since January 2025"));
    runAllJobs();

    assertThat(status(school)).isEqualTo("CLOSING");
    assertThat(closureOf(school)).containsEntry("reason", "REVIEW").containsEntry("grounds", "Dormant since January 2025")
        .containsEntry("requestedBy", "reviewer");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("closure:review:" + school).count())
        .isEqualTo(1);
  }

  private long account(String unit, String handle, AccountStatus status, boolean official, String manager) {
    return accounts.insert(unit, new AccountUrlCanonicalizer().canonicalize(Platform.X, handle), null, status, official,
        "Huda", manager, OffsetDateTime.now().minusYears(1));
  }

  private static String html(jakarta.mail.Part part) throws Exception {
    if (part.isMimeType("text/html")) {
      return (String) part.getContent();
    }
    if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String found = html(multipart.getBodyPart(i));
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static String start() {
    return "/engine-rest/process-definition/key/" + Closure.PROCESS_KEY + "/start";
  }

  private static Map<String, Object> form(String url, String grounds) {
    return Map.of("platform", "X", "accountUrl", url, "closureGrounds", grounds);
  }

  private String status(long id) {
    return jdbc.sql("SELECT status FROM account WHERE id = ?").param(id).query(String.class).single();
  }

  private Map<String, Object> closureOf(long accountId) {
    Map<String, Object> page = get("reviewer", "/api/closures?accountId=" + accountId, Map.class).getBody();
    List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
    assertThat(items).hasSize(1);
    return items.get(0);
  }

  private Job timer(String pi, String activity) {
    return management.createJobQuery().processInstanceId(pi).timers().activityId(activity).singleResult();
  }

  private static List<MimeMessage> mails(String template) throws Exception {
    return TestMailServer.messages().stream().filter(m -> {
      try {
        return m.getSubject() != null && subjects(template).stream().anyMatch(m.getSubject()::startsWith);
      } catch (Exception e) {
        return false;
      }
    }).toList();
  }

  /** The bilingual subjects the templates start with. */
  private static List<String> subjects(String template) {
    return switch (template) {
      case "closure-notice-request" -> List.of("إغلاق حساب: انشر إشعار الإغلاق");
      case "closure-notice-repeat" -> List.of("أعد نشر إشعار الإغلاق");
      case "closure-archive-request" -> List.of("حلّ تاريخ الإغلاق");
      case "closure-completed" -> List.of("أُغلق الحساب");
      case "closure-cancelled" -> List.of("أُلغي إغلاق الحساب");
      default -> throw new IllegalArgumentException(template);
    };
  }

  private static MimeMessage mail(String template, String to) throws Exception {
    List<MimeMessage> found = mails(template);
    assertThat(found).as("emails %s", template).hasSize(1);
    assertThat(found.get(0).getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly(to);
    return found.get(0);
  }
}
