package org.officialaccounts.guide;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.officialaccounts.registry.AccountRepository;
import org.officialaccounts.registry.AccountStatus;
import org.officialaccounts.registry.AccountUrlCanonicalizer;
import org.officialaccounts.registry.Platform;
import org.officialaccounts.security.Groups;
import org.officialaccounts.support.IntegrationTest;
import org.officialaccounts.support.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * Publishing a version of the guide on PostgreSQL and SMTP, through the API: one task per
 * manager however many accounts they hold and however often the launcher runs, acknowledgement
 * and the missed deadline in the registry, the API's refusals.
 */
class GuidePublicationIT extends IntegrationTest {

  static final String VERSION = "2.0";
  static final String MANAGER = "manager@moe.example";
  static final String HUDA = "huda@moe.example";

  @Autowired AccountRepository accounts;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired AuthorizationService authorizations;
  @Autowired GuideSettings settings;

  final AccountUrlCanonicalizer canonicalizer = new AccountUrlCanonicalizer();
  long managersX;
  long managersInstagram;
  long hudasAccount;

  @BeforeEach
  void registry() {
    grantPublishingToPrAndMedia();
    OffsetDateTime now = OffsetDateTime.now();
    // "manager" (a user) holds two live accounts, once written in capitals; Huda is no user.
    managersX = accounts.insert(SCHOOL, canonicalizer.canonicalize(Platform.X, "@guide_school"), null,
        AccountStatus.ACTIVE, true, "Manager", MANAGER, now);
    managersInstagram = accounts.insert(OTHER_SCHOOL, canonicalizer.canonicalize(Platform.INSTAGRAM, "guide_other"),
        null, AccountStatus.CORRECTIVE_ACTION, true, "Manager", "Manager@MOE.example", now);
    hudasAccount = accounts.insert(SCHOOL, canonicalizer.canonicalize(Platform.YOUTUBE, "@guide_school"), null,
        AccountStatus.UNDER_REVIEW, true, "هدى العلي Huda Al-Ali", HUDA, now);
    // Not live: their managers are not asked.
    accounts.insert(SCHOOL, canonicalizer.canonicalize(Platform.SNAPCHAT, "guide_closed"), null,
        AccountStatus.CLOSED, false, "Gone", "gone@moe.example", now);
    accounts.insert(OTHER_SCHOOL, canonicalizer.canonicalize(Platform.X, "@guide_new"), null,
        AccountStatus.APPROVED, false, "New", "new@moe.example", now);
  }

  /** IdentitySetup lets PR &amp; Media start a publication. */
  private void grantPublishingToPrAndMedia() {
    Authorization grant = authorizations.createAuthorizationQuery().groupIdIn(Groups.PR_MEDIA)
        .resourceType(Resources.PROCESS_DEFINITION).resourceId(GuidePublication.PROCESS_KEY).singleResult();
    org.assertj.core.api.Assertions.assertThat(grant).isNotNull();
    org.assertj.core.api.Assertions.assertThat(grant.isPermissionGranted(Permissions.CREATE_INSTANCE)).isTrue();
  }

  /** Gives back the grant a test took away, as IdentitySetup made it. */
  private void restoreGrant() {
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(Groups.PR_MEDIA);
    grant.setResource(Resources.PROCESS_DEFINITION);
    grant.setResourceId(GuidePublication.PROCESS_KEY);
    grant.addPermission(Permissions.READ);
    grant.addPermission(Permissions.CREATE_INSTANCE);
    authorizations.saveAuthorization(grant);
  }

  @AfterEach
  void forgetVersion() {
    settings.setLaunchChunkSize(500);
    for (String key : List.of(GuideAcknowledgement.PROCESS_KEY, GuidePublication.PROCESS_KEY)) {
      List<String> running = runtime.createProcessInstanceQuery().processDefinitionKey(key).list().stream()
          .map(ProcessInstance::getId).toList();
      if (!running.isEmpty()) {
        runtime.deleteProcessInstances(running, "test over", true, true);
      }
    }
    jdbc.sql("DELETE FROM guide_acknowledgement").update();
    jdbc.sql("DELETE FROM guide_version WHERE version <> '1.0'").update();
  }

  @Test
  void publishingAsksEachManagerOnceAndTheirAnswerOrSilenceReachesTheirAccounts() throws Exception {
    settings.setLaunchChunkSize(1);

    ResponseEntity<Map> published = post("reviewer", "/api/guide-versions", publication());
    assertThat(published.getStatusCode().value()).as("%s", published.getBody()).isEqualTo(202);
    assertThat(published.getHeaders().getLocation()).hasPath("/api/guide-versions/2.0");
    assertThat(published.getBody()).containsEntry("version", VERSION);
    String publication = (String) published.getBody().get("processInstanceId");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(publication).singleResult().getBusinessKey())
        .isEqualTo("guide:2.0");
    assertThat(jdbc.sql("SELECT published_by FROM guide_version WHERE version = ?").param(VERSION).query(String.class)
        .single()).isEqualTo("reviewer");

    ResponseEntity<Map> again = post("reviewer", "/api/guide-versions", publication());
    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat(counts("undersecretary")).containsEntry("requested", 2).containsEntry("asked", 0);

    // Two managers, three live accounts: two chunks of one, then the publication ends.
    runJobs(publication);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(publication).count()).isZero();
    assertThat(acknowledgements()).extracting(ProcessInstance::getBusinessKey)
        .containsExactlyInAnyOrder("guide:2.0:" + MANAGER, "guide:2.0:" + HUDA);

    // Publishing again, as a restarted or repeated launcher would, asks nobody twice.
    ProcessInstance rerun = runtime.startProcessInstanceByKey(GuidePublication.PROCESS_KEY, "guide:2.0", Map.of(
        "guideVersion", VERSION, "effectiveDate", LocalDate.now().plusDays(40).toString(),
        "guideSummary", "Second edition", "publishedBy", "reviewer"));
    runJobs(rerun.getId());
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(rerun.getId()).count()).isZero();
    assertThat(acknowledgements()).hasSize(2);

    runAllJobs();
    List<Task> open = tasks.createTaskQuery().processDefinitionKey(GuideAcknowledgement.PROCESS_KEY).list();
    assertThat(open).hasSize(2).allSatisfy(t -> assertThat(t.getName()).isEqualTo("Acknowledge governance guide"));
    assertThat(counts("reviewer")).containsEntry("requested", 2).containsEntry("asked", 2)
        .containsEntry("acknowledged", 0).containsEntry("pending", 2);

    // Every manager got one email, in both languages, naming the version, link and deadline.
    List<MimeMessage> mails = TestMailServer.messages().stream().filter(this::aboutTheGuide).toList();
    assertThat(mails).extracting(m -> m.getRecipients(Message.RecipientType.TO)[0].toString())
        .containsExactlyInAnyOrder(MANAGER, HUDA);
    String body = content(mails.get(0));
    assertThat(body).contains("دليل الحوكمة").contains("governance guide").contains("https://moe.example/guide-2.0.pdf")
        .contains(LocalDate.now().plusDays(40).toString())
        // the deadline: the default 30 days from now
        .contains(LocalDate.now().plusDays(30).toString());

    // The manager is a user: the task is theirs; Huda is not: her unit's coordinator is offered it.
    String managersTask = (String) task("manager", instanceOf(MANAGER)).get("id");
    Map<String, Object> hudasTask = task("requester", instanceOf(HUDA));
    assertThat(hudasTask.get("assignee")).isNull();

    ResponseEntity<Map> refused = complete("manager", managersTask, Map.of("acknowledged", false));
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat((String) refused.getBody().get("message")).contains("Acknowledgement").contains("version 2.0");
    assertThat(complete("manager", managersTask, Map.of("acknowledged", true)).getStatusCode().value()).isEqualTo(204);
    runAllJobs();

    assertThat(guideVersionOf(managersX)).isEqualTo(VERSION);
    assertThat(guideVersionOf(managersInstagram)).isEqualTo(VERSION);
    assertThat(guideVersionOf(hudasAccount)).isNull();
    List<Map<String, Object>> history = get("reviewer", "/api/accounts/" + managersInstagram + "/history", List.class)
        .getBody();
    assertThat(history).anySatisfy(h -> assertThat(h)
        .containsEntry("changedBy", "manager")
        .containsEntry("fromStatus", "CORRECTIVE_ACTION").containsEntry("toStatus", "CORRECTIVE_ACTION")
        .containsEntry("reason", "Version 2.0 of the governance guide acknowledged"));
    assertThat(jdbc.sql("SELECT acknowledged_by FROM guide_acknowledgement WHERE version = ? AND manager_email = ?")
        .params(VERSION, MANAGER).query(String.class).single()).isEqualTo("manager");

    // Huda lets the deadline pass: her account carries a finding for its next review.
    Job deadline = management.createJobQuery().processInstanceId(instanceOf(HUDA)).timers()
        .activityId(GuideAcknowledgement.Element.DEADLINE).singleResult();
    management.executeJob(deadline.getId());
    List<Map<String, Object>> findings = (List<Map<String, Object>>) get("reviewer",
        "/api/accounts/" + hudasAccount + "/findings", Map.class).getBody().get("items");
    assertThat(findings).singleElement().satisfies(f -> assertThat(f)
        .containsEntry("severity", "LOW")
        .containsEntry("finding", "Version 2.0 of the governance guide not acknowledged by the deadline"));
    assertThat(get("reviewer", "/api/accounts/" + managersX + "/findings", Map.class).getBody())
        .containsEntry("total", 0);
    assertThat(acknowledgements()).isEmpty();

    assertThat(counts("it-admin")).containsEntry("requested", 2).containsEntry("asked", 2)
        .containsEntry("acknowledged", 1).containsEntry("pending", 1);
    List<Map<String, Object>> versions = get("reviewer", "/api/guide-versions", List.class).getBody();
    assertThat(versions).extracting(v -> v.get("version")).containsExactly(VERSION, "1.0");
    assertThat(versions).extracting(v -> v.get("inForce")).containsExactly(false, true);
  }

  @Test
  void refusesBadVersionsNamingEveryFieldAndEveryoneButPrAndMediaAndAdministrators() {
    ResponseEntity<Map> bad = post("reviewer", "/api/guide-versions", Map.of(
        "version", "2.0; DROP TABLE guide_version", "effectiveDate", "2027-02-30",
        "summary", "x".repeat(2001), "link", "http://moe.example/guide.pdf"));
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat((List<Map<String, Object>>) bad.getBody().get("errors")).extracting(e -> e.get("field"))
        .containsExactly("version", "effectiveDate", "summary", "link");
    assertThat((List<Map<String, Object>>) bad.getBody().get("errors"))
        .allSatisfy(e -> assertThat(e).containsKeys("reason", "reasonAr"));

    ResponseEntity<Map> empty = post("it-admin", "/api/guide-versions", Map.of("summary", 42));
    assertThat(empty.getStatusCode().value()).isEqualTo(400);
    assertThat((List<Map<String, Object>>) empty.getBody().get("errors")).extracting(e -> e.get("field"))
        .containsExactly("version", "effectiveDate", "summary");

    assertThat(post("it-admin", "/api/guide-versions", Map.of("version", "1.0", "effectiveDate", "2026-01-01",
        "summary", "The first edition again")).getStatusCode().value()).isEqualTo(409);

    for (String user : List.of("undersecretary", "requester", "manager")) {
      assertThat(post(user, "/api/guide-versions", publication()).getStatusCode().value()).as(user).isEqualTo(403);
    }
    for (String user : List.of("requester", "manager")) {
      assertThat(get(user, "/api/guide-versions", String.class).getStatusCode().value()).as(user).isEqualTo(403);
      assertThat(get(user, "/api/guide-versions/1.0", String.class).getStatusCode().value()).as(user).isEqualTo(403);
    }
    assertThat(post(null, "/api/guide-versions", publication()).getStatusCode().value()).isEqualTo(401);
    assertThat(get("undersecretary", "/api/guide-versions/1.0", Map.class).getBody())
        .containsEntry("version", "1.0").containsEntry("inForce", true);
    assertThat(get("undersecretary", "/api/guide-versions/9.9", String.class).getStatusCode().value()).isEqualTo(404);
    assertThat(get("undersecretary", "/api/guide-versions/..", String.class).getStatusCode().value()).isIn(400, 404);

    // Without the engine's grant PR & Media are refused by the engine too, and nothing is kept.
    authorizations.deleteAuthorization(authorizations.createAuthorizationQuery().groupIdIn(Groups.PR_MEDIA)
        .resourceType(Resources.PROCESS_DEFINITION).resourceId(GuidePublication.PROCESS_KEY).singleResult().getId());
    assertThat(post("reviewer", "/api/guide-versions", publication()).getStatusCode().value()).isEqualTo(403);
    restoreGrant();

    assertThat(jdbc.sql("SELECT COUNT(*) FROM guide_version").query(Long.class).single()).isEqualTo(1L);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(GuidePublication.PROCESS_KEY).count()).isZero();
  }

  private static Map<String, Object> publication() {
    Map<String, Object> body = new HashMap<>();
    body.put("version", VERSION);
    body.put("effectiveDate", LocalDate.now().plusDays(40).toString());
    body.put("summary", "الإصدار الثاني: الردود والبث المباشر / Second edition: replies and live video");
    body.put("link", "https://moe.example/guide-2.0.pdf");
    return body;
  }

  private Map<String, Object> counts(String user) {
    ResponseEntity<Map> version = get(user, "/api/guide-versions/" + VERSION, Map.class);
    assertThat(version.getStatusCode().value()).as("%s", version.getBody()).isEqualTo(200);
    return (Map<String, Object>) version.getBody().get("acknowledgements");
  }

  private List<ProcessInstance> acknowledgements() {
    return runtime.createProcessInstanceQuery().processDefinitionKey(GuideAcknowledgement.PROCESS_KEY).list();
  }

  private String instanceOf(String managerEmail) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey("guide:2.0:" + managerEmail)
        .singleResult().getId();
  }

  private String guideVersionOf(long accountId) {
    return jdbc.sql("SELECT guide_version FROM account WHERE id = ?").param(accountId)
        .query((rs, n) -> rs.getString(1)).list().get(0);
  }

  private boolean aboutTheGuide(MimeMessage message) {
    try {
      return message.getSubject().contains("Governance guide version 2.0");
    } catch (Exception e) {
      return false;
    }
  }

  /** The decoded text of every text part. */
  private static String content(jakarta.mail.Part part) throws Exception {
    Object content = part.getContent();
    if (content instanceof jakarta.mail.Multipart multipart) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < multipart.getCount(); i++) {
        text.append(content(multipart.getBodyPart(i)));
      }
      return text.toString();
    }
    return content instanceof String s ? s : "";
  }
}
