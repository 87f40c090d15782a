package org.officialaccounts.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.officialaccounts.closure.Closure;
import org.officialaccounts.closure.ClosureStarter;
import org.officialaccounts.registry.AccountRepository;
import org.officialaccounts.registry.AccountStatus;
import org.officialaccounts.registry.AccountUrlCanonicalizer;
import org.officialaccounts.registry.Platform;
import org.officialaccounts.registry.Unit;
import org.officialaccounts.registry.UnitType;
import org.officialaccounts.security.Groups;
import org.officialaccounts.support.IntegrationTest;
import org.officialaccounts.support.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A consolidation directive on PostgreSQL over a few hundred accounts in several departments:
 * the API and its refusals, the leadership meeting, one closure per account however often the
 * launcher runs, each unit's notice, progress by unit, the compliance review with an escalation,
 * and the final report with its CSV file, through HTTP and a real SMTP server.
 */
class DirectiveIT extends IntegrationTest {

  static final String CURRICULA = "T-CUR";
  static final String DISTRICT_2 = "T-DST2";
  static final String OFFICE_2 = "T-OFF-2";
  static final String SCHOOL_2 = "T-SCH-21";
  static final String CLUB = "T-CLB";
  static final String X_OFFICIAL = "https://x.com/moe_official";
  static final String INSTAGRAM_OFFICIAL = "https://www.instagram.com/moe.official";
  static final String SOURCE_EMAIL = "directives@gcc.example";

  @Autowired AccountRepository accounts;
  @Autowired DirectiveService directives;
  @Autowired DirectiveSettings settings;
  @Autowired ClosureStarter starter;
  @Autowired RuntimeService runtime;
  @Autowired TaskService taskService;
  @Autowired TransactionTemplate transactions;

  final AccountUrlCanonicalizer canonicalizer = new AccountUrlCanonicalizer();
  /** Every account the directive must close, by canonical URL, with its report unit. */
  final Map<String, String> toClose = new LinkedHashMap<>();
  /** Accounts that were CLOSING before the directive: their closures find nothing to close. */
  final Set<String> alreadyClosing = new HashSet<>();
  /** Accounts whose closures the test took the whole way. */
  final Set<String> closed = new HashSet<>();

  @BeforeEach
  void departments() {
    if (units.find(CURRICULA).isEmpty()) {
      units.insert(new Unit(CURRICULA, UnitType.CENTRAL_DEPARTMENT, "إدارة المناهج", "Curricula", "T-MOE",
          "head.cur@moe.example"));
      units.insert(new Unit(DISTRICT_2, UnitType.EDUCATION_DEPARTMENT, "المنطقة الثانية", "Second District", "T-MOE", null));
      units.insert(new Unit(OFFICE_2, UnitType.EDUCATION_OFFICE, "مكتب ثان", "Second Office", DISTRICT_2, null));
      units.insert(new Unit(SCHOOL_2, UnitType.SCHOOL, "مدرسة ثانية", "Second School", OFFICE_2, null));
      units.insert(new Unit(CLUB, UnitType.NEIGHBOURHOOD_CLUB, "نادي الحي", "Club", "T-MOE", null));
      User coordinator = identity.newUser("dst2-coordinator");
      coordinator.setFirstName("District");
      coordinator.setLastName("Coordinator");
      coordinator.setEmail("dst2@moe.example");
      coordinator.setPassword(PASSWORD);
      identity.saveUser(coordinator);
      identity.createMembership("dst2-coordinator", Groups.UNIT_COORDINATORS);
      units.addMember("dst2-coordinator", DISTRICT_2, "COORDINATOR");
    }
    settings.setNoticeListLimit(50);
  }

  @AfterEach
  void restoreSettings() {
    settings.setNoticeListLimit(200);
  }

  @Test
  void closesEveryAccountInScopeOnceReportsProgressByUnitAndSendsTheFinalReport() throws Exception {
    registry();
    // Refused: the wrong people, malformed fields, unknown fields.
    assertThat(post("requester", "/api/directives", Map.of()).getStatusCode().value()).isEqualTo(403);
    ResponseEntity<Map> bad = post("reviewer", "/api/directives", Map.of("directiveSource", "GCC",
        "directiveSourceEmail", "nobody", "directiveReference", "R-1", "directiveDate", "tomorrow",
        "directiveSummary", "x", "scopeUnitCodes", "NOWHERE", "deadline", "2020-01-01",
        "officialAccounts", List.of("https://x.com/moe_official", "https://x.com/t_cur_1")));
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat((List<Map<String, Object>>) bad.getBody().get("errors")).extracting(e -> e.get("field"))
        .containsExactlyInAnyOrder("directiveSourceEmail", "directiveDate", "scopeUnitCodes", "deadline",
            "officialAccounts");
    assertThat(post("reviewer", "/api/directives", Map.of("scope", "all")).getStatusCode().value()).isEqualTo(400);
    assertThat(post("reviewer", "/api/directives", Map.of("directiveSummary", 12)).getBody().get("errors").toString())
        .contains("Must be text");

    ResponseEntity<Map> started = post("undersecretary", "/api/directives", directive("GCC/2026/15"));
    assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(202);
    String id = (String) started.getBody().get("directiveId");
    String pi = (String) started.getBody().get("processInstanceId");
    assertThat(id).startsWith("CD-").endsWith(pi);
    assertThat(post("reviewer", "/api/directives", directive("GCC/2026/15")).getBody().get("errors").toString())
        .contains("directiveReference");
    Map<String, Object> view = get("reviewer", "/api/directives/" + id, Map.class).getBody();
    assertThat((Map<String, Object>) view.get("directive")).containsEntry("status", "AWAITING_MEETING");
    assertThat((List<?>) view.get("officialAccounts")).hasSize(2);
    assertThat(get("requester", "/api/directives/" + id, Map.class).getStatusCode().value()).isEqualTo(403);
    assertThat(get("reviewer", "/api/directives/CD-none", Map.class).getStatusCode().value()).isEqualTo(404);
    assertThat(get("reviewer", "/api/directives", List.class).getBody()).hasSize(1);

    // The meeting: refused when it widens the scope, then confirmed with two exceptions.
    String meeting = (String) task("undersecretary", pi).get("id");
    assertThat(complete("undersecretary", meeting, Map.of("meetingDate", today().toString(),
        "meetingAttendees", "The Undersecretary", "meetingDecision", "narrow", "scopeUnitTypes", "SCHOOL",
        "deadline", today().plusDays(14).toString(), "meetingMinutes", "Minutes")).getStatusCode().value())
        .isEqualTo(400);
    String keptCurricula = canonical(Platform.X, "@t_cur_7");
    String keptSchool = canonical(Platform.X, "@t_sch21_3");
    assertThat(complete("undersecretary", meeting, Map.of("meetingDate", today().toString(),
        "meetingAttendees", "The Undersecretary\nThe director of PR & Media", "meetingDecision", "confirm",
        "exceptions", keptCurricula + " | Curricula announcements until the term ends\n"
            + "x.com/T_SCH21_3 | Emergency alerts for parents",
        "deadline", today().plusDays(14).toString(), "meetingMinutes", "Every unit complies.")).getStatusCode().value())
        .isEqualTo(204);
    toClose.remove(keptCurricula);
    toClose.remove(keptSchool);

    for (Job job : management.createJobQuery().processInstanceId(pi).activityId("Task_SelectAccounts").list()) {
      management.executeJob(job.getId());
    }
    assertThat(jdbc.sql("SELECT account_id FROM directive_closure WHERE directive_id = ?").param(id)
        .query(Long.class).list()).hasSize(toClose.size());

    // A node dies in the middle of a chunk: nothing of the chunk remains.
    assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> directives.openChunk(id, 0, 2, orders -> {
      starter.startClosures(orders);
      throw new IllegalStateException("node lost");
    }))).hasMessageContaining("node lost");
    assertThat(closuresOf(id)).isZero();

    runAllJobs();
    // Launching again afterwards opens nothing.
    transactions.executeWithoutResult(tx -> {
      assertThat(directives.openChunk(id, 0, 2, starter)).isFalse();
      assertThat(directives.openChunk(id, 1, 2, starter)).isFalse();
    });
    assertThat(closuresOf(id)).isEqualTo(toClose.size());
    assertThat(jdbc.sql("SELECT COUNT(DISTINCT BUSINESS_KEY_) FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ LIKE ?")
        .param(ConsolidationDirective.closureKeyPrefix(id) + "%").query(Long.class).single()).isEqualTo(toClose.size());
    assertThat(jdbc.sql("""
        SELECT COUNT(*) FROM directive_closure dc JOIN ACT_HI_PROCINST p ON p.ID_ = dc.process_instance_id
         WHERE dc.directive_id = ? AND p.BUSINESS_KEY_ = ? || CAST(dc.account_id AS VARCHAR)""")
        .params(id, ConsolidationDirective.closureKeyPrefix(id)).query(Long.class).single()).isEqualTo(toClose.size());

    // Every account to close is CLOSING now; the official accounts and those outside the scope are untouched.
    assertThat(jdbc.sql("SELECT canonical_url FROM account WHERE status = 'CLOSING'").query(String.class).list())
        .containsExactlyInAnyOrderElementsOf(toClose.keySet());
    assertThat(jdbc.sql("SELECT COUNT(*) FROM account WHERE (unit_code IN (?, ?) OR canonical_url IN (?, ?))"
        + " AND status = 'ACTIVE'").params(CLUB, "T-MOE", X_OFFICIAL, INSTAGRAM_OFFICIAL).query(Long.class).single())
        .isEqualTo(10 + 1 + 2);

    noticesWentToEachUnitWithItsAccounts(id);

    // Progress by unit: the closures found CLOSING before are cancelled, the rest in progress.
    Map<String, Object> progress = get("undersecretary", "/api/directives/" + id + "/progress", Map.class).getBody();
    assertThat((Map<String, Object>) progress.get("total")).containsEntry("selected", toClose.size())
        .containsEntry("opened", toClose.size()).containsEntry("cancelled", alreadyClosing.size())
        .containsEntry("overdue", 0);
    Map<String, Map<String, Object>> byUnit = byUnit(progress);
    assertThat(byUnit.keySet()).containsExactly(CURRICULA, "T-DST", DISTRICT_2, "T-PRM");
    assertThat(byUnit.get(CURRICULA)).containsEntry("accounts", 39).containsEntry("inProgress", 39);
    assertThat(byUnit.get("T-DST")).containsEntry("cancelled", alreadyClosing.size());

    // The central departments close every account the whole way; the district gives up five, which are cancelled.
    closeAll(id, CURRICULA);
    closeAll(id, "T-PRM");
    List<Long> givenUp = jdbc.sql("""
        SELECT ac.id FROM directive_closure dc JOIN account_closure ac ON ac.process_instance_id = dc.process_instance_id
         WHERE dc.directive_id = ? AND dc.report_unit = 'T-DST' AND ac.outcome IS NULL ORDER BY ac.id LIMIT 5""")
        .param(id).query(Long.class).list();
    for (long closure : givenUp) {
      assertThat(post("reviewer", "/api/closures/" + closure + "/cancel",
          Map.of("cancellationReason", "Merged into the district's account before the notice")).getStatusCode().value())
          .isEqualTo(200);
    }
    runAllJobs();
    Set<String> cancelled = new HashSet<>(alreadyClosing);
    cancelled.addAll(jdbc.sql("SELECT a.canonical_url FROM account_closure ac JOIN account a ON a.id = ac.account_id"
        + " WHERE ac.id IN (" + givenUp.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")")
        .query(String.class).list());
    management.executeJob(timer(pi));
    // Not due: the deadline is ahead and closures are open. Cockpit sees the counts on the instance.
    assertThat(task("undersecretary", pi)).isNull();
    assertThat(runtime.getVariables(pi)).containsEntry("progressClosed", (long) closed.size())
        .containsEntry("progressCancelled", (long) cancelled.size()).containsEntry("progressOverdue", 0L);
    assertThat((String) runtime.getVariable(pi, "progressByUnit"))
        .contains("T-CUR Curricula: 39 closed, 0 cancelled, 0 in progress, 0 overdue of 39");

    // The deadline passes with accounts of both districts open.
    jdbc.sql("UPDATE consolidation_directive SET deadline = ? WHERE id = ?").params(today().minusDays(1), id).update();
    TestMailServer.clear();
    management.executeJob(timer(pi));
    runJobs(pi);
    MimeMessage compliance = single(subjectContains("Compliance report"));
    assertThat(compliance.getAllRecipients()).extracting(Object::toString)
        .contains("undersecretary@moe.example", "reviewer@moe.example");
    long open = toClose.size() - closed.size() - cancelled.size();
    long openInDistrict2 = toClose.values().stream().filter(DISTRICT_2::equals).count();
    assertThat(TestMailServer.text(compliance)).contains("Closed: " + closed.size()).contains("Overdue: " + open)
        .contains("Second District (T-DST2): " + openInDistrict2 + ", 0, 0, 0, " + openInDistrict2)
        .contains("Curricula (T-CUR): 39, 39, 0, 0, 0");
    assertThat((Map<String, Object>) get("undersecretary", "/api/directives/" + id + "/progress", Map.class).getBody()
        .get("total")).containsEntry("overdue", (int) open).containsEntry("inProgress", 0);

    // The Undersecretary escalates to the second district (not to a unit with nothing open) with a new deadline.
    String review = (String) task("undersecretary", pi).get("id");
    assertThat(complete("undersecretary", review, Map.of("complianceDecision", "escalate",
        "newDeadline", today().plusDays(7).toString(), "escalateUnits", CURRICULA)).getStatusCode().value())
        .isEqualTo(400);
    assertThat(complete("undersecretary", review, Map.of("complianceDecision", "escalate",
        "newDeadline", today().plusDays(7).toString(), "escalateUnits", DISTRICT_2)).getStatusCode().value())
        .isEqualTo(204);
    runJobs(pi);
    MimeMessage escalation = single(subjectContains("Escalation: accounts of"));
    assertThat(escalation.getAllRecipients()).extracting(Object::toString).containsExactly("dst2@moe.example");
    assertThat(TestMailServer.text(escalation)).contains(today().plusDays(7).toString());
    assertThat(urls(csvRows(escalation))).containsExactlyInAnyOrderElementsOf(urlsOf(DISTRICT_2));

    // Twenty more close; at the new deadline the Undersecretary accepts with the rest open, saying why.
    closeSome(id, DISTRICT_2, 20);
    jdbc.sql("UPDATE consolidation_directive SET deadline = ? WHERE id = ?").params(today().minusDays(1), id).update();
    TestMailServer.clear();
    management.executeJob(timer(pi));
    runJobs(pi);
    long stillOpen = toClose.size() - closed.size() - cancelled.size();
    review = (String) task("undersecretary", pi).get("id");
    assertThat(complete("undersecretary", review, Map.of("complianceDecision", "accept")).getBody().toString())
        .contains("Say why the directive is accepted with " + stillOpen + " accounts not closed");
    assertThat(complete("undersecretary", review, Map.of("complianceDecision", "accept", "complianceNotes",
        "The district closes the rest with the new school year")).getStatusCode().value()).isEqualTo(204);
    runJobs(pi);

    MimeMessage finalReport = single(subjectContains("Final report"));
    assertThat(finalReport.getRecipients(jakarta.mail.Message.RecipientType.TO)).extracting(Object::toString)
        .containsExactly(SOURCE_EMAIL);
    assertThat(finalReport.getRecipients(jakarta.mail.Message.RecipientType.CC)).extracting(Object::toString)
        .containsExactly("reviewer@moe.example");
    assertThat(TestMailServer.text(finalReport)).contains("Accounts to close: " + toClose.size())
        .contains("Closed: " + closed.size()).contains("Cancelled: " + cancelled.size())
        .contains("Not closed yet: " + stillOpen).contains("Kept by the leadership meeting: 2");
    List<List<String>> rows = csvRows(finalReport);
    assertThat(rows).hasSize(toClose.size() + 2 + 2);
    Map<String, List<String>> byUrl = rows.stream().collect(Collectors.toMap(r -> r.get(5), r -> r));
    for (String url : toClose.keySet()) {
      List<String> row = byUrl.get(url);
      assertThat(row).as(url).isNotNull();
      assertThat(row.get(3)).as(url).isEqualTo(toClose.get(url));
      String outcome = closed.contains(url) ? "CLOSED" : cancelled.contains(url) ? "CANCELLED" : "OPEN";
      assertThat(row.get(6)).as(url).isEqualTo(outcome);
      assertThat(row.get(7)).as(url).isEqualTo(outcome.equals("CLOSED") ? today().toString() : "");
      assertThat(row.get(9).isEmpty()).as(url).isEqualTo(outcome.equals("OPEN"));
      assertThat(row.get(8)).as(url).isEqualTo(url.startsWith("https://x.com/") ? X_OFFICIAL
          : url.startsWith("https://www.instagram.com/") ? INSTAGRAM_OFFICIAL : "");
    }
    assertThat(byUrl.get(keptSchool).get(6)).isEqualTo("EXCEPTED");
    assertThat(byUrl.get(keptSchool).get(9)).isEqualTo("Emergency alerts for parents");
    assertThat(byUrl.get(X_OFFICIAL).get(6)).isEqualTo("REMAINS_OFFICIAL");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    assertThat((Map<String, Object>) get("reviewer", "/api/directives/" + id, Map.class).getBody().get("directive"))
        .containsEntry("status", "REPORTED");
    String csv = get("reviewer", "/api/directives/" + id + "/report.csv", String.class).getBody();
    assertThat(csv).startsWith("\uFEFF").contains(keptCurricula);
  }

  // ---------------------------------------------------------------------------------------------

  private Map<String, Object> directive(String reference) {
    Map<String, Object> body = new HashMap<>();
    body.put("directiveSource", "Government Communication Center");
    body.put("directiveSourceEmail", SOURCE_EMAIL);
    body.put("directiveReference", reference);
    body.put("directiveDate", today().toString());
    body.put("directiveSummary", "Close every account but the ministry's official one on each platform.");
    body.put("scopeUnitTypes", List.of("CENTRAL_DEPARTMENT", "EDUCATION_DEPARTMENT"));
    body.put("deadline", today().plusDays(30).toString());
    body.put("officialAccounts", List.of("https://twitter.com/MOE_Official", INSTAGRAM_OFFICIAL));
    return body;
  }

  /**
   * The ministry's two official accounts at PR &amp; Media; about three hundred more in a central
   * department and two districts (some unregistered, suspended or already closing, some closed);
   * a few outside the scope (the ministry's own unit, a club).
   */
  private void registry() {
    account("T-PRM", Platform.X, "@moe_official", AccountStatus.ACTIVE, true, null);
    account("T-PRM", Platform.INSTAGRAM, "moe.official", AccountStatus.ACTIVE, true, null);
    account("T-PRM", Platform.YOUTUBE, "@moe_official_tv", AccountStatus.ACTIVE, true, "T-PRM");
    account("T-MOE", Platform.FACEBOOK, "moe.ministry.page", AccountStatus.ACTIVE, true, null);
    for (int i = 0; i < 40; i++) {
      account(CURRICULA, Platform.X, "@t_cur_" + i, AccountStatus.ACTIVE, true, CURRICULA);
    }
    for (int i = 0; i < 10; i++) {
      account("T-DST", Platform.INSTAGRAM, "t.dst." + i, AccountStatus.ACTIVE, true, "T-DST");
      account(OFFICE, Platform.X, "@t_off_" + i, AccountStatus.ACTIVE, true, "T-DST");
      account(OFFICE_2, Platform.X, "@t_off2_" + i, AccountStatus.ACTIVE, true, DISTRICT_2);
      account(CLUB, Platform.X, "@t_club_" + i, AccountStatus.ACTIVE, true, null);
    }
    for (int i = 0; i < 80; i++) {
      AccountStatus status = switch (i % 20) {
        case 0 -> AccountStatus.UNREGISTERED;
        case 1 -> AccountStatus.SUSPENDED;
        case 2 -> AccountStatus.CLOSED;
        case 3 -> AccountStatus.CLOSING;
        default -> AccountStatus.ACTIVE;
      };
      String url = account(SCHOOL, Platform.X, "@t_sch1_" + i, status, status == AccountStatus.ACTIVE,
          status == AccountStatus.CLOSED ? null : "T-DST");
      if (status == AccountStatus.CLOSING) {
        alreadyClosing.add(url);
      }
    }
    for (int i = 0; i < 40; i++) {
      account(OTHER_SCHOOL, Platform.X, "@t_sch9_" + i, AccountStatus.ACTIVE, true, "T-DST");
    }
    for (int i = 0; i < 100; i++) {
      account(SCHOOL_2, i % 10 == 0 ? Platform.INSTAGRAM : Platform.X, "t_sch21_" + i, AccountStatus.ACTIVE, true,
          DISTRICT_2);
    }
  }

  /** Records an account; when it is to close, under which report unit. Returns its canonical URL. */
  private String account(String unit, Platform platform, String handle, AccountStatus status, boolean official,
      String reportUnit) {
    var canonical = canonicalizer.canonicalize(platform, handle);
    accounts.insert(unit, canonical, null, status, official, "Manager", "manager@moe.example",
        OffsetDateTime.now().minusYears(1));
    if (reportUnit != null) {
      toClose.put(canonical.canonicalUrl(), reportUnit);
    }
    return canonical.canonicalUrl();
  }

  private String canonical(Platform platform, String handle) {
    return canonicalizer.canonicalize(platform, handle).canonicalUrl();
  }

  /** One notice per unit right below the ministry, to its head, else its coordinator, else PR &amp; Media. */
  private void noticesWentToEachUnitWithItsAccounts(String id) throws Exception {
    List<MimeMessage> notices = subjectContains("Accounts of");
    assertThat(notices).hasSize(4);
    MimeMessage curricula = single(notices.stream().filter(m -> to(m).equals("head.cur@moe.example")).toList());
    assertThat(attachment(curricula)).isNull();
    String text = TestMailServer.text(curricula);
    urlsOf(CURRICULA).forEach(url -> assertThat(text).contains(url));
    assertThat(text).doesNotContain(canonical(Platform.X, "@t_cur_7")).contains(X_OFFICIAL);

    MimeMessage district2 = single(notices.stream().filter(m -> to(m).equals("dst2@moe.example")).toList());
    assertThat(TestMailServer.text(district2)).contains("The full list is in the attached file");
    assertThat(urls(csvRows(district2))).containsExactlyInAnyOrderElementsOf(urlsOf(DISTRICT_2));

    List<MimeMessage> prMedia = notices.stream().filter(m -> to(m).equals("reviewer@moe.example")).toList();
    assertThat(prMedia).hasSize(2);
    MimeMessage district = single(prMedia.stream().filter(m -> subject(m).contains("District")).toList());
    assertThat(urls(csvRows(district))).containsExactlyInAnyOrderElementsOf(urlsOf("T-DST"));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM directive_unit WHERE directive_id = ? AND notice_sent_at IS NOT NULL")
        .param(id).query(Long.class).single()).isEqualTo(4);
  }

  private List<String> urlsOf(String reportUnit) {
    return toClose.entrySet().stream().filter(e -> e.getValue().equals(reportUnit)).map(Map.Entry::getKey).toList();
  }

  private static List<String> urls(List<List<String>> rows) {
    return rows.stream().map(r -> r.get(5)).toList();
  }

  private Map<String, Map<String, Object>> byUnit(Map<String, Object> progress) {
    Map<String, Map<String, Object>> byUnit = new LinkedHashMap<>();
    for (Map<String, Object> unit : (List<Map<String, Object>>) progress.get("byUnit")) {
      byUnit.put((String) unit.get("unitCode"), unit);
    }
    return byUnit;
  }

  private long closuresOf(String directiveId) {
    return jdbc.sql("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'AccountClosureProcess'"
        + " AND BUSINESS_KEY_ LIKE ?").param(ConsolidationDirective.closureKeyPrefix(directiveId) + "%")
        .query(Long.class).single();
  }

  private void closeAll(String directiveId, String reportUnit) {
    closeSome(directiveId, reportUnit, Integer.MAX_VALUE);
  }

  /** Takes open closures of one unit (right below the ministry) the whole way, at most {@code count}. */
  private void closeSome(String directiveId, String reportUnit, int count) {
    List<String> open = jdbc.sql("""
        SELECT dc.process_instance_id FROM directive_closure dc
          JOIN account_closure ac ON ac.process_instance_id = dc.process_instance_id
         WHERE dc.directive_id = ? AND dc.report_unit = ? AND ac.outcome IS NULL ORDER BY dc.account_id""")
        .params(directiveId, reportUnit).query(String.class).list();
    open.stream().limit(count).forEach(this::close);
  }

  /**
   * Takes a closure the whole way as its people would: the manager posts the notice, the grace
   * period's timers come, the manager archives and locks the account, PR &amp; Media confirm.
   */
  private void close(String closure) {
    String url = jdbc.sql("SELECT a.canonical_url FROM account_closure c JOIN account a ON a.id = c.account_id"
        + " WHERE c.process_instance_id = ?").param(closure).query(String.class).single();
    work(closure, Closure.Element.POST_NOTICE, Map.of(Closure.Var.NOTICE_URL, url + "/status/1"));
    for (Job timer = timer(closure, Closure.Element.NEXT_NOTICE); timer != null;
        timer = timer(closure, Closure.Element.NEXT_NOTICE)) {
      management.executeJob(timer.getId());
      runJobs(closure);
    }
    management.executeJob(timer(closure, Closure.Element.CLOSING_DATE).getId());
    runJobs(closure);
    work(closure, Closure.Element.ARCHIVE, Map.of(Closure.Var.ARCHIVE_LOCATION, "records://moe/" + closure,
        Closure.Var.ADMINS_REMOVED, true, Closure.Var.APPS_REVOKED, true, Closure.Var.END_STATE, "LOCKED"));
    work(closure, Closure.Element.CONFIRM, Map.of(Closure.Var.CONFIRMATION, Closure.CONFIRMED));
    closed.add(url);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(closure).count()).as("closure %s", closure)
        .isZero();
  }

  private void work(String closure, String taskKey, Map<String, Object> values) {
    var task = taskService.createTaskQuery().processInstanceId(closure).taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as("%s of closure %s", taskKey, closure).isNotNull();
    taskService.complete(task.getId(), values);
    runJobs(closure);
  }

  private Job timer(String pi, String activity) {
    return management.createJobQuery().processInstanceId(pi).timers().activityId(activity).singleResult();
  }

  private String timer(String pi) {
    Job timer = timer(pi, "TimerEvent_NextProgressCheck");
    assertThat(timer).as("progress check timer").isNotNull();
    return timer.getId();
  }

  @Override
  protected Map<String, Object> task(String user, String processInstanceId) {
    List<?> tasks = get(user, "/engine-rest/task?processInstanceId=" + processInstanceId, List.class).getBody();
    return tasks.isEmpty() ? null : super.task(user, processInstanceId);
  }

  private static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }

  /** The messages whose subject contains the text, each once (GreenMail keeps a copy per recipient). */
  private static List<MimeMessage> subjectContains(String text) {
    Map<String, MimeMessage> byId = new LinkedHashMap<>();
    for (MimeMessage message : TestMailServer.messages()) {
      if (subject(message).contains(text)) {
        byId.putIfAbsent(messageId(message), message);
      }
    }
    return new ArrayList<>(byId.values());
  }

  private static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static MimeMessage single(List<MimeMessage> messages) {
    assertThat(messages).hasSize(1);
    return messages.get(0);
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String to(MimeMessage message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The CSV file attached to the message, as text without its byte order mark; null when none. */
  private static String attachment(MimeMessage message) throws Exception {
    Object content = message.getContent();
    if (!(content instanceof Multipart multipart)) {
      return null;
    }
    for (int i = 0; i < multipart.getCount(); i++) {
      BodyPart part = multipart.getBodyPart(i);
      if (part.getFileName() != null && part.getFileName().endsWith(".csv")) {
        try (InputStream in = part.getInputStream()) {
          String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          assertThat(text).startsWith("\uFEFF");
          return text.substring(1);
        }
      }
    }
    return null;
  }

  /** The attached CSV file's rows, header left out. */
  private static List<List<String>> csvRows(MimeMessage message) throws Exception {
    String csv = attachment(message);
    assertThat(csv).as("CSV attachment of %s", subject(message)).isNotNull();
    List<List<String>> rows = new ArrayList<>();
    for (String line : csv.split("\r\n")) {
      rows.add(cells(line));
    }
    assertThat(rows.get(0).get(0)).contains("Unit code");
    return rows.subList(1, rows.size());
  }

  /** One CSV line's cells: quoted or empty, as api/Csv writes them. */
  static List<String> cells(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }
}
