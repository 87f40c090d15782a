package org.officialaccounts.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.officialaccounts.support.ProcessJobs.fireTimer;
import static org.officialaccounts.support.ProcessJobs.runJobs;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.officialaccounts.closure.ClosureOrder;
import org.officialaccounts.closure.ClosureReason;
import org.officialaccounts.directive.ConsolidationDirective.Element;
import org.officialaccounts.directive.ConsolidationDirective.Var;
import org.officialaccounts.directive.DirectiveRepository.Candidate;
import org.officialaccounts.directive.DirectiveRepository.Kept;
import org.officialaccounts.directive.DirectiveRepository.NoticeUnit;
import org.officialaccounts.directive.DirectiveRepository.OfficialAccount;
import org.officialaccounts.directive.DirectiveRepository.Pending;
import org.officialaccounts.directive.DirectiveRepository.ToClose;
import org.officialaccounts.directive.adapter.ComplianceReviewListener;
import org.officialaccounts.directive.adapter.DirectiveStartListener;
import org.officialaccounts.directive.adapter.EscalateUnitDelegate;
import org.officialaccounts.directive.adapter.LeadershipMeetingListener;
import org.officialaccounts.directive.adapter.NotifyUnitDelegate;
import org.officialaccounts.directive.adapter.OpenClosureChunkDelegate;
import org.officialaccounts.directive.adapter.RecordComplianceReviewDelegate;
import org.officialaccounts.directive.adapter.RecordMeetingDelegate;
import org.officialaccounts.directive.adapter.RegisterDirectiveDelegate;
import org.officialaccounts.directive.adapter.SelectDirectiveAccountsDelegate;
import org.officialaccounts.directive.adapter.SendComplianceReportDelegate;
import org.officialaccounts.directive.adapter.SendFinalReportDelegate;
import org.officialaccounts.directive.adapter.UpdateDirectiveProgressDelegate;
import org.officialaccounts.notification.Directory;
import org.officialaccounts.notification.MailService;
import org.officialaccounts.notification.MailService.Attachment;
import org.officialaccounts.notification.SendMailDelegate;
import org.officialaccounts.registry.Account;
import org.officialaccounts.registry.AccountRepository;
import org.officialaccounts.registry.AccountStatus;
import org.officialaccounts.registry.AccountUrlCanonicalizer;
import org.officialaccounts.registry.Platform;
import org.officialaccounts.registry.UnitRepository;
import org.officialaccounts.registry.UnitTree;
import org.officialaccounts.registry.UnitType;

/**
 * Every path of ConsolidationDirectiveProcess: real model, forms' variables, delegates, rules and
 * emails' composition; mocked registry, ledger, mail sender and closure starter.
 */
@Deployment(resources = {"bpmn/ConsolidationDirectiveProcess.bpmn", "forms/start-directive.form",
    "forms/hold-leadership-meeting.form", "forms/review-compliance.form"})
class ConsolidationDirectiveProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder("process-test.camunda.cfg.xml")
          .assertClassCoverageAtLeast(1.0)
          .build();

  /** A clock the tests move past deadlines. */
  static final class TestClock extends Clock {
    Instant now = Instant.parse("2026-11-23T08:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  static final String X_OFFICIAL = "https://x.com/moe_kw";
  static final String INSTAGRAM_OFFICIAL = "https://www.instagram.com/moe_kw";
  static final String SCHOOL_X = "https://x.com/cap_school";

  TestClock clock = new TestClock();
  DirectiveRepository directives = mock(DirectiveRepository.class);
  UnitRepository units = mock(UnitRepository.class);
  AccountRepository accounts = mock(AccountRepository.class);
  MailService mail = mock(MailService.class);
  Directory directory = mock(Directory.class);
  DirectiveSettings settings = new DirectiveSettings();
  DirectiveRules rules = new DirectiveRules(directives, units, accounts, new AccountUrlCanonicalizer(), clock);
  DirectiveService service = new DirectiveService(directives, rules, units, settings, clock);
  DirectiveMail mails = new DirectiveMail(service, directives, units, directory, mail, settings, clock);
  /** The directive as the mocked repository holds it. */
  AtomicReference<Directive> stored = new AtomicReference<>();
  List<ClosureOrder> started = new ArrayList<>();
  /** The launcher's steps in order: the hold of the closures' first step, each chunk opened, the release. */
  List<String> steps = new ArrayList<>();
  /** Selected, opened, closed and cancelled, as the ledger counts them now. */
  AtomicReference<long[]> counts = new AtomicReference<>(new long[] {0, 0, 0, 0});

  @BeforeEach
  void registerDelegates() {
    settings.setChunkSize(2);
    settings.setPartitions(2);
    settings.setNoticeListLimit(2);
    Mocks.register("directiveSettings", settings);
    Mocks.register("directiveStartListener", new DirectiveStartListener(service));
    Mocks.register("registerDirectiveDelegate", new RegisterDirectiveDelegate(service));
    Mocks.register("leadershipMeetingListener", new LeadershipMeetingListener(service));
    Mocks.register("recordMeetingDelegate", new RecordMeetingDelegate(service));
    Mocks.register("selectDirectiveAccountsDelegate", new SelectDirectiveAccountsDelegate(service));
    Mocks.register("notifyDirectiveUnitDelegate", new NotifyUnitDelegate(mails));
    Mocks.register("openClosureChunkDelegate", new OpenClosureChunkDelegate(service, orders -> {
      started.addAll(orders);
      steps.add("open " + orders.size());
      return orders.stream().map(o -> "closure-" + o.accountId()).toList();
    }));
    Mocks.register("holdClosuresDelegate", (JavaDelegate) execution -> steps.add("hold"));
    Mocks.register("releaseClosuresDelegate", (JavaDelegate) execution -> steps.add("release"));
    Mocks.register("updateDirectiveProgressDelegate", new UpdateDirectiveProgressDelegate(service));
    Mocks.register("sendComplianceReportDelegate", new SendComplianceReportDelegate(mails));
    Mocks.register("complianceReviewListener", new ComplianceReviewListener(service));
    Mocks.register("recordComplianceReviewDelegate", new RecordComplianceReviewDelegate(service));
    Mocks.register("escalateDirectiveUnitDelegate", new EscalateUnitDelegate(mails));
    Mocks.register("sendDirectiveFinalReportDelegate", new SendFinalReportDelegate(mails));
    Mocks.register("sendMailDelegate", new SendMailDelegate(mail, directory, units));

    registry();
    ledger();
    when(directory.emailsOfGroup("undersecretary")).thenReturn(List.of("undersecretary@moe.example"));
    when(directory.emailsOfGroup("pr-media")).thenReturn(List.of("reviewer@moe.example"));
    when(directory.emailOf("cfg-coordinator")).thenReturn(Optional.of("cfg@moe.example"));
    when(units.coordinators("MOE-CFG")).thenReturn(List.of("cfg-coordinator"));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    identityService().clearAuthentication();
  }

  /** Kuwait's shape: the ministry, PR &amp; Media, a central department, a district with an office and a school, a club. */
  private void registry() {
    Map<String, String> parents = new HashMap<>();
    Map<String, UnitType> types = new HashMap<>();
    unit(parents, types, "MOE", null, UnitType.MINISTRY);
    unit(parents, types, "MOE-PRM", "MOE", UnitType.CENTRAL_DEPARTMENT);
    unit(parents, types, "MOE-CFG", "MOE", UnitType.CENTRAL_DEPARTMENT);
    unit(parents, types, "DST-CAP", "MOE", UnitType.EDUCATION_DEPARTMENT);
    unit(parents, types, "OFF-CAP-1", "DST-CAP", UnitType.EDUCATION_OFFICE);
    unit(parents, types, "SCH-CAP-001", "OFF-CAP-1", UnitType.SCHOOL);
    unit(parents, types, "CLB-1", "MOE", UnitType.NEIGHBOURHOOD_CLUB);
    when(units.tree()).thenReturn(new UnitTree(parents, types));
    when(units.find(anyString())).thenAnswer(call -> parents.containsKey((String) call.getArgument(0))
        ? Optional.of(new org.officialaccounts.registry.Unit(call.getArgument(0), types.get(call.getArgument(0)), "ج",
            "U", parents.get(call.getArgument(0)), null))
        : Optional.empty());
    account(1, "MOE", Platform.X, X_OFFICIAL, AccountStatus.ACTIVE, true);
    account(2, "MOE", Platform.INSTAGRAM, INSTAGRAM_OFFICIAL, AccountStatus.ACTIVE, true);
    account(3, "MOE-CFG", Platform.YOUTUBE, "https://www.youtube.com/@moe_cfg", AccountStatus.SUSPENDED, false);
    account(12, "SCH-CAP-001", Platform.X, SCHOOL_X, AccountStatus.ACTIVE, true);
    account(14, "CLB-1", Platform.X, "https://x.com/club_one", AccountStatus.ACTIVE, true);
    when(directives.officialAccounts(anyString())).thenReturn(List.of(
        new OfficialAccount(1, "X", X_OFFICIAL, "MOE"), new OfficialAccount(2, "INSTAGRAM", INSTAGRAM_OFFICIAL, "MOE")));
    // What holds a platform slot: the two official accounts, four in scope, one club account out of it.
    when(directives.candidates()).thenReturn(List.of(new Candidate(1, "MOE", "X"), new Candidate(2, "MOE", "INSTAGRAM"),
        new Candidate(10, "MOE-CFG", "X"), new Candidate(11, "OFF-CAP-1", "INSTAGRAM"),
        new Candidate(12, "SCH-CAP-001", "X"), new Candidate(13, "DST-CAP", "SNAPCHAT"),
        new Candidate(14, "CLB-1", "X")));
  }

  private static void unit(Map<String, String> parents, Map<String, UnitType> types, String code, String parent,
      UnitType type) {
    parents.put(code, parent);
    types.put(code, type);
  }

  private void account(long id, String unit, Platform platform, String url, AccountStatus status, boolean official) {
    Account account = new Account(id, unit, platform, url.substring(url.lastIndexOf('/') + 1), url, null, status,
        official, null, null, null, null, null, null, null, null, null, null, null, null);
    when(accounts.findByCanonicalUrl(url)).thenReturn(Optional.of(account));
  }

  /** The mocked repository keeps the directive and answers for its ledger. */
  private void ledger() {
    doAnswer(call -> {
      stored.set(call.getArgument(0));
      return null;
    }).when(directives).insert(any());
    when(directives.find(anyString())).thenAnswer(call -> Optional.ofNullable(stored.get()));
    when(directives.counts(anyString())).thenAnswer(call -> counts.get());
    doAnswer(call -> {
      MeetingDecision m = call.getArgument(1);
      Directive d = stored.get();
      stored.set(new Directive(d.id(), d.source(), d.sourceEmail(), d.reference(), d.directiveDate(), d.summary(),
          d.orderedScope(), m.scope(), d.orderedDeadline(), m.deadline(),
          new Directive.Meeting(m.date(), m.attendees(), m.decision(), m.minutes(), call.getArgument(2), null),
          DirectiveStatus.CLOSING_ACCOUNTS, null, d.startedBy(), d.startedAt(), d.processInstanceId(), null, null));
      return null;
    }).when(directives).recordMeeting(anyString(), any(), anyString(), any());
    doAnswer(call -> {
      ComplianceDecision decision = call.getArgument(2);
      if (decision.newDeadline() != null) {
        Directive d = stored.get();
        stored.set(new Directive(d.id(), d.source(), d.sourceEmail(), d.reference(), d.directiveDate(), d.summary(),
            d.orderedScope(), d.decidedScope(), d.orderedDeadline(), decision.newDeadline(), d.meeting(), d.status(),
            d.selected(), d.startedBy(), d.startedAt(), d.processInstanceId(), null, null));
      }
      return null;
    }).when(directives).recordReview(anyString(), anyInt(), any(), anyString(), any());
    when(directives.noticeUnit(anyString(), eq(0))).thenReturn(
        new NoticeUnit("DST-CAP", "منطقة العاصمة", "Capital District", "head.dst-cap@moe.example", 0, 3, null));
    when(directives.noticeUnit(anyString(), eq(1))).thenReturn(
        new NoticeUnit("MOE-CFG", "التنسيق والمتابعة", "Coordination and Follow-up", null, 1, 1, null));
    when(directives.noticeUnit(anyString(), eq("DST-CAP"))).thenReturn(Optional.of(
        new NoticeUnit("DST-CAP", "منطقة العاصمة", "Capital District", "head.dst-cap@moe.example", 0, 3, null)));
    when(directives.accounts(anyString(), eq("DST-CAP"), anyBoolean())).thenReturn(List.of(
        closing(11, "OFF-CAP-1", "INSTAGRAM", "https://www.instagram.com/cap_office", null),
        closing(12, "SCH-CAP-001", "X", SCHOOL_X, null),
        closing(13, "DST-CAP", "SNAPCHAT", "https://www.snapchat.com/add/cap-district", null)));
    when(directives.accounts(anyString(), eq("MOE-CFG"), anyBoolean())).thenReturn(List.of(
        closing(10, "MOE-CFG", "X", "https://x.com/moe_cfg", null)));
    when(directives.accounts(anyString(), isNull(), eq(false))).thenReturn(List.of(
        closing(10, "MOE-CFG", "X", "https://x.com/moe_cfg", "CLOSED"),
        closing(11, "OFF-CAP-1", "INSTAGRAM", "https://www.instagram.com/cap_office", "CLOSED"),
        closing(12, "SCH-CAP-001", "X", SCHOOL_X, "CANCELLED"),
        closing(13, "DST-CAP", "SNAPCHAT", "https://www.snapchat.com/add/cap-district", "CLOSED")));
    when(directives.countsByUnit(anyString(), anyBoolean())).thenAnswer(call -> List.of(
        new UnitProgress("DST-CAP", "منطقة العاصمة", "Capital District", 3, 3, 1, 0, 2, 0, 0),
        new UnitProgress("MOE-CFG", "التنسيق والمتابعة", "Coordination and Follow-up", 1, 1, 1, 0, 0, 0, 0)));
  }

  private static DirectiveAccount closing(long id, String unit, String platform, String url, String outcome) {
    String report = unit.equals("MOE-CFG") ? "MOE-CFG" : "DST-CAP";
    return new DirectiveAccount(id, unit, "جهة", "Unit " + unit, report, platform, url, "CLOSING",
        platform.equals("X") ? X_OFFICIAL : platform.equals("INSTAGRAM") ? INSTAGRAM_OFFICIAL : null, outcome,
        "CANCELLED".equals(outcome) ? "Nothing to close" : null,
        outcome == null ? null : OffsetDateTime.parse("2026-12-01T10:00:00Z"), "closure-" + id);
  }

  private Map<String, Object> startForm() {
    Map<String, Object> form = new HashMap<>();
    form.put(Var.SOURCE, "Government Communication Center");
    form.put(Var.SOURCE_EMAIL, "directives@gcc.example");
    form.put(Var.REFERENCE, "GCC/2026/15");
    form.put(Var.DATE, "2026-11-22");
    form.put(Var.SUMMARY, "Close every account but the ministry's official one on each platform.");
    form.put(Var.UNIT_TYPES, "central department, EDUCATION_DEPARTMENT");
    form.put(Var.UNIT_CODES, "");
    form.put(Var.DEADLINE, "2026-12-20");
    form.put(Var.OFFICIAL_ACCOUNTS, "https://twitter.com/MOE_KW?lang=ar\n" + INSTAGRAM_OFFICIAL);
    return form;
  }

  private Map<String, Object> meeting(String decision) {
    Map<String, Object> form = new HashMap<>();
    form.put(Var.MEETING_DATE, "2026-11-23");
    form.put(Var.ATTENDEES, "The Undersecretary\nDirector of PR & Media\nDirector of Capital District");
    form.put(Var.DECISION, decision);
    form.put(Var.DEADLINE, "2026-12-20");
    form.put(Var.MINUTES, "The leadership agreed that every unit closes its accounts.");
    return form;
  }

  private ProcessInstance startAndHoldMeeting(Map<String, Object> meeting) {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(ConsolidationDirective.PROCESS_KEY, startForm());
    assertThat(pi).isWaitingAt(Element.MEETING);
    identityService().setAuthenticatedUserId("usec");
    complete(task(pi), meeting);
    identityService().clearAuthentication();
    return pi;
  }

  @Test
  void theMeetingGatesUnitsAreNotifiedClosuresOpenAndTheSourceGetsTheFinalReport() {
    when(directives.nextPending(anyString(), eq(0), eq(2), eq(2))).thenReturn(
        List.of(new Pending(10, 1L), new Pending(12, 1L)), List.of());
    when(directives.nextPending(anyString(), eq(1), eq(2), eq(2))).thenReturn(
        List.of(new Pending(11, 2L)));
    counts.set(new long[] {4, 4, 1, 0});
    when(directives.exceptions(anyString())).thenReturn(List.of());

    ProcessInstance pi = runtimeService().startProcessInstanceByKey(ConsolidationDirective.PROCESS_KEY, startForm());
    String id = "CD-20261123-" + pi.getId();
    assertThat(pi).hasBusinessKey(id).isWaitingAt(Element.MEETING);
    assertThat(task(pi)).hasCandidateGroup("undersecretary");
    // The form shows the directive as the registry spells it, and what its scope closes today.
    assertThat(pi).variables().containsEntry(Var.DIRECTIVE_ID, id)
        .containsEntry(Var.UNIT_TYPES, "CENTRAL_DEPARTMENT,EDUCATION_DEPARTMENT")
        .containsEntry(Var.OFFICIAL_ACCOUNTS, "X " + X_OFFICIAL + "\nINSTAGRAM " + INSTAGRAM_OFFICIAL)
        .containsEntry(Var.ACCOUNTS_IN_SCOPE, 4L);
    assertThat(stored.get().status()).isEqualTo(DirectiveStatus.AWAITING_MEETING);
    verify(directives).insertOfficialAccounts(eq(id), eq(List.of(new OfficialAccount(1, "X", X_OFFICIAL, "MOE"),
        new OfficialAccount(2, "INSTAGRAM", INSTAGRAM_OFFICIAL, "MOE"))));
    // Nothing is selected, told or closed before the meeting.
    assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).messages().count()).isZero();
    verify(directives, never()).insertLedger(any(), anyList(), anyList(), anyList());

    identityService().setAuthenticatedUserId("usec");
    complete(task(pi), meeting("confirm"));
    identityService().clearAuthentication();
    verify(directives).recordMeeting(eq(id), argThat(m -> m.exceptions().isEmpty()
        && m.scope().equals(stored.get().orderedScope()) && m.deadline().equals(LocalDate.of(2026, 12, 20))),
        eq("usec"), any());
    assertThat(pi).isWaitingAt(Element.SELECT);
    runJobs(pi);

    // The official accounts stay; the club is out of scope; each closure's successor is the official account
    // on its platform (none on Snapchat).
    verify(directives).insertLedger(eq(id), eq(List.of(
        new ToClose(10, "MOE-CFG", "MOE-CFG", "X", 1L), new ToClose(11, "OFF-CAP-1", "DST-CAP", "INSTAGRAM", 2L),
        new ToClose(12, "SCH-CAP-001", "DST-CAP", "X", 1L), new ToClose(13, "DST-CAP", "DST-CAP", "SNAPCHAT", null))),
        eq(List.of("DST-CAP", "MOE-CFG")), eq(List.of(3, 1)));
    assertThat(started).extracting(ClosureOrder::accountId).containsExactlyInAnyOrder(10L, 12L, 11L);
    assertThat(started).allSatisfy(order -> {
      assertThat(order.reason()).isEqualTo(ClosureReason.DIRECTIVE);
      assertThat(order.directiveId()).isEqualTo(id);
      assertThat(order.closingDate()).isEqualTo(LocalDate.of(2026, 12, 13));
      assertThat(order.requestedBy()).isEqualTo("usec");
      assertThat(order.grounds()).contains("GCC/2026/15").contains("Government Communication Center");
    });
    assertThat(started).filteredOn(o -> o.accountId() == 11).extracting(ClosureOrder::successorAccountId)
        .containsExactly(2L);
    verify(directives, times(2)).markOpened(eq(id), anyList(), any());
    // The closures' first step is held from before the first closure opens until after the last.
    assertThat(steps).hasSize(4).startsWith("hold").endsWith("release")
        .containsExactlyInAnyOrder("hold", "open 2", "open 1", "release");

    // One notice per unit: the district's head with its three accounts attached (over the list limit), the
    // central department's coordinator (it has no head) with its one account in the text.
    ArgumentCaptor<List<Attachment>> files = ArgumentCaptor.forClass(List.class);
    verify(mail).send(eq(DirectiveMail.UNIT_NOTICE), eq(List.of("head.dst-cap@moe.example")), eq(List.of()),
        argThat(v -> Boolean.FALSE.equals(v.get("listed")) && Integer.valueOf(3).equals(v.get("accountCount"))),
        eq(pi.getId()), isNull(), files.capture());
    assertThat(files.getValue()).singleElement().satisfies(file -> {
      assertThat(file.filename()).isEqualTo("accounts-to-close-DST-CAP.csv");
      String csv = new String(file.content(), StandardCharsets.UTF_8);
      assertThat(csv).startsWith("\uFEFF").contains(SCHOOL_X).contains("https://www.snapchat.com/add/cap-district");
    });
    verify(mail).send(eq(DirectiveMail.UNIT_NOTICE), eq(List.of("cfg@moe.example")), eq(List.of()),
        argThat(v -> Boolean.TRUE.equals(v.get("listed")) && ((List<?>) v.get("accounts")).size() == 1),
        eq(pi.getId()), isNull(), eq(List.of()));
    verify(directives).markNoticeSent(eq(id), eq("DST-CAP"), eq("head.dst-cap@moe.example"), any());
    verify(directives).markNoticeSent(eq(id), eq("MOE-CFG"), eq("cfg@moe.example"), any());

    // Progress is counted and followed until every closure has concluded.
    assertThat(pi).isWaitingAt(Element.WAIT);
    assertThat(pi).variables().containsEntry("progressClosed", 1L).containsEntry("progressInProgress", 3L)
        .containsEntry(Var.COMPLIANCE_DUE, false);
    assertThat((String) runtimeService().getVariable(pi.getId(), Var.PROGRESS_BY_UNIT))
        .contains("DST-CAP Capital District: 1 closed, 0 cancelled, 2 in progress, 0 overdue of 3");
    Job check = managementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    assertThat(check.getDuedate().toInstant()).isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
    counts.set(new long[] {4, 4, 3, 1});
    fireTimer(pi, Element.WAIT);

    verify(mail).send(eq(DirectiveMail.COMPLIANCE_REPORT),
        eq(List.of("undersecretary@moe.example", "reviewer@moe.example")),
        argThat(v -> Boolean.FALSE.equals(v.get("pastDeadline"))), eq(pi.getId()), isNull());
    verify(directives).setStatus(id, DirectiveStatus.AWAITING_COMPLIANCE_REVIEW);
    assertThat(pi).isWaitingAt(Element.REVIEW);
    assertThat(task(pi)).hasCandidateGroup("undersecretary");
    complete(task(pi), Map.of(Var.COMPLIANCE_DECISION, "accept"));
    verify(directives).recordReview(eq(id), eq(1), argThat(d -> d.decision().equals("accept")), eq("undersecretary"),
        any());
    runJobs(pi);

    ArgumentCaptor<List<Attachment>> report = ArgumentCaptor.forClass(List.class);
    verify(mail).send(eq(DirectiveMail.FINAL_REPORT), eq(List.of("directives@gcc.example")),
        eq(List.of("reviewer@moe.example")), anyMap(), eq(pi.getId()), isNull(), report.capture());
    String csv = new String(report.getValue().get(0).content(), StandardCharsets.UTF_8);
    assertThat(csv.lines()).hasSize(7);
    assertThat(csv).contains("\"MOE-CFG\",\"جهة\",\"Unit MOE-CFG\",\"MOE-CFG\",\"X\",\"https://x.com/moe_cfg\",\"CLOSED\","
        + "\"2026-12-01\",\"" + X_OFFICIAL + "\",\r\n")
        .contains("\"CANCELLED\"").contains("\"Nothing to close\"").contains("\"REMAINS_OFFICIAL\"");
    verify(directives).markReported(eq(id), any());
    assertThat(pi).hasPassed(Element.FINAL_REPORT).isEnded();
    assertThat(pi).hasNotPassed(Element.REMIND, Element.ESCALATE);
    // The end listener releases once more: nothing stays held whichever way a directive ends.
    assertThat(steps).last().isEqualTo("release");
  }

  @Test
  void theUndersecretaryIsRemindedOfAMeetingNotYetRecorded() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(ConsolidationDirective.PROCESS_KEY, startForm());
    Job reminder = managementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    assertThat(reminder.getDuedate().toInstant()).isAfter(Instant.now().plusSeconds(2 * 86_400 - 60));
    fireTimer(pi, Element.MEETING_REMINDER);

    verify(mail).send(eq("directive-meeting-reminder"), eq(List.of("undersecretary@moe.example")),
        argThat(v -> "GCC/2026/15".equals(v.get(Var.REFERENCE)) && Long.valueOf(4).equals(v.get(Var.ACCOUNTS_IN_SCOPE))),
        eq(pi.getId()), isNull());
    assertThat(pi).hasPassed(Element.REMIND).isWaitingAt(Element.MEETING);
  }

  @Test
  void aNarrowedScopeWithExceptionsIsFollowedPastTheDeadlineThroughEscalationAndExtension() {
    when(directives.nextPending(anyString(), anyInt(), eq(2), eq(2))).thenReturn(List.of());
    counts.set(new long[] {2, 2, 0, 0});
    when(directives.reviewRounds(anyString())).thenReturn(0, 1, 2);
    when(directives.escalatedUnits(anyString(), eq(1))).thenReturn(List.of("DST-CAP"));
    when(directives.exceptions(anyString())).thenReturn(List.of(
        new Kept(12, "SCH-CAP-001", "مدرسة", "School", "X", SCHOOL_X, "Emergency alerts for parents")));

    Map<String, Object> narrow = meeting("narrow");
    narrow.put(Var.UNIT_TYPES, "");
    narrow.put(Var.UNIT_CODES, "DST-CAP");
    narrow.put(Var.EXCEPTIONS, "https://twitter.com/cap_school | Emergency alerts for parents");
    ProcessInstance pi = startAndHoldMeeting(narrow);
    String id = stored.get().id();
    verify(directives).recordMeeting(eq(id), argThat(m -> m.decision().equals("narrow")
        && m.scope().unitCodes().equals(java.util.Set.of("DST-CAP")) && m.scope().unitTypes().isEmpty()
        && m.exceptions().equals(List.of(new MeetingDecision.KeptAccount(12, SCHOOL_X, "Emergency alerts for parents")))),
        eq("usec"), any());
    assertThat(pi).variables().containsEntry(Var.UNIT_CODES, "DST-CAP").containsEntry(Var.UNIT_TYPES, "");
    when(directives.exceptionIds(id)).thenReturn(List.of(12L));
    runJobs(pi);

    // Only the district's accounts, but the kept one.
    verify(directives).insertLedger(eq(id), eq(List.of(new ToClose(11, "OFF-CAP-1", "DST-CAP", "INSTAGRAM", 2L),
        new ToClose(13, "DST-CAP", "DST-CAP", "SNAPCHAT", null))), eq(List.of("DST-CAP")), eq(List.of(2)));
    assertThat(pi).isWaitingAt(Element.WAIT);
    // The next check is at the end of the deadline once that is nearer than the interval.
    clock.now = Instant.parse("2026-12-20T23:30:00Z");
    fireTimer(pi, Element.WAIT);
    Job atDeadline = managementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    assertThat(atDeadline.getDuedate().toInstant()).isEqualTo(Instant.parse("2026-12-21T00:00:00Z"));

    clock.now = Instant.parse("2026-12-21T06:00:00Z");
    fireTimer(pi, Element.WAIT);
    verify(mail).send(eq(DirectiveMail.COMPLIANCE_REPORT), anyList(),
        argThat(v -> Boolean.TRUE.equals(v.get("pastDeadline"))), eq(pi.getId()), isNull());
    assertThat(pi).isWaitingAt(Element.REVIEW).variables().containsEntry("progressOverdue", 2L);

    complete(task(pi), Map.of(Var.COMPLIANCE_DECISION, "escalate", Var.NEW_DEADLINE, "2027-01-10",
        Var.ESCALATE_UNITS, "DST-CAP"));
    verify(directives).recordReview(eq(id), eq(1), argThat(d -> d.escalateUnits().equals(List.of("DST-CAP"))
        && d.newDeadline().equals(LocalDate.of(2027, 1, 10))), anyString(), any());
    runJobs(pi);
    verify(mail).send(eq(DirectiveMail.ESCALATION), eq(List.of("head.dst-cap@moe.example")), eq(List.of()),
        argThat(v -> "2027-01-10".equals(v.get("deadline"))), eq(pi.getId()), isNull(), anyList());
    verify(directives).markEscalated(eq(id), eq("DST-CAP"), any());
    assertThat(pi).isWaitingAt(Element.WAIT).variables().containsEntry(Var.DEADLINE, "2027-01-10");

    counts.set(new long[] {2, 2, 1, 0});
    clock.now = Instant.parse("2027-01-11T06:00:00Z");
    fireTimer(pi, Element.WAIT);
    assertThat(pi).isWaitingAt(Element.REVIEW).variables().containsEntry("progressOverdue", 1L);
    complete(task(pi), Map.of(Var.COMPLIANCE_DECISION, "extend", Var.NEW_DEADLINE, "2027-01-31"));
    assertThat(pi).isWaitingAt(Element.WAIT).variables().containsEntry(Var.DEADLINE, "2027-01-31")
        .containsEntry("progressOverdue", 0L).containsEntry("progressInProgress", 1L);

    counts.set(new long[] {2, 2, 1, 1});
    fireTimer(pi, Element.WAIT);
    assertThat(pi).isWaitingAt(Element.REVIEW).variables().containsEntry("progressConcluded", 2L);
    complete(task(pi), Map.of(Var.COMPLIANCE_DECISION, "accept"));
    runJobs(pi);
    verify(mail).send(eq(DirectiveMail.FINAL_REPORT), anyList(), anyList(), argThat(v -> Integer.valueOf(1).equals(
        v.get("exceptions"))), eq(pi.getId()), isNull(), argThat(files -> new String(files.get(0).content(),
        StandardCharsets.UTF_8).contains("\"EXCEPTED\",\"\",\"\",\"Emergency alerts for parents\"")));
    assertThat(pi).hasPassed(Element.ESCALATE).isEnded();
  }

  @Test
  void aStartWithoutWellFormedFieldsIsRefusedNamingEachOne() {
    Map<String, Object> form = startForm();
    form.put(Var.SOURCE_EMAIL, "not an address");
    form.put(Var.DATE, "2026-12-01");
    form.put(Var.UNIT_TYPES, "districts");
    form.put(Var.DEADLINE, "2026-11-01");
    form.put(Var.OFFICIAL_ACCOUNTS, "https://x.com/explore\nhttps://www.youtube.com/@moe_cfg\n" + X_OFFICIAL + "\n" + SCHOOL_X);
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(ConsolidationDirective.PROCESS_KEY, form))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Source's email")
        .hasMessageContaining("Directive date: Give the directive's date as YYYY-MM-DD, not in the future")
        .hasMessageContaining("Unit types: Not a unit type: districts")
        .hasMessageContaining("Deadline: Give the deadline as YYYY-MM-DD, today or later")
        .hasMessageContaining("https://www.youtube.com/@moe_cfg is not an active official account (SUSPENDED)")
        .hasMessageContaining("x.com/explore")
        .hasMessageContaining("One official account remains per platform; two are given on X (Twitter)");

    Map<String, Object> noScope = startForm();
    noScope.put(Var.UNIT_TYPES, " ");
    noScope.put(Var.UNIT_CODES, "MOE-CFG\nNOWHERE");
    noScope.put(Var.OFFICIAL_ACCOUNTS, "@moe_kw");
    noScope.put(Var.SUMMARY, "");
    when(directives.idByReference("GCC/2026/15")).thenReturn(Optional.of("CD-20261101-1"));
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(ConsolidationDirective.PROCESS_KEY, noScope))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Unit codes: No such unit: NOWHERE")
        .hasMessageContaining("Reference: A directive with this reference is registered already (CD-20261101-1)")
        .hasMessageContaining("Summary:")
        .hasMessageContaining("@moe_kw fits several platforms");
    noScope.put(Var.UNIT_CODES, "");
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(ConsolidationDirective.PROCESS_KEY, noScope))
        .hasMessageContaining("Give the unit types or the unit codes in scope");
    assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
    verify(directives, never()).insert(any());
  }

  @Test
  void aMeetingRecordThatWidensTheScopeOrKeepsAccountsWithoutReasonIsRefused() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(ConsolidationDirective.PROCESS_KEY, startForm());
    Map<String, Object> form = meeting("narrow");
    form.put(Var.MEETING_DATE, "2026-11-24");
    form.put(Var.UNIT_TYPES, "SCHOOL");
    form.put(Var.UNIT_CODES, "CLB-1");
    form.put(Var.DEADLINE, "2026-11-20");
    form.put(Var.MINUTES, " ");
    assertThatThrownBy(() -> complete(task(pi), form))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Meeting date: Give the meeting's date as YYYY-MM-DD, from the directive's date (2026-11-22)")
        .hasMessageContaining("Unit types: Narrowing may only remove from the ordered scope; not in it: SCHOOL, CLB-1")
        .hasMessageContaining("Deadline: Give the deadline as YYYY-MM-DD, today or later")
        .hasMessageContaining("Minutes:");

    Map<String, Object> kept = meeting("confirm");
    kept.put(Var.EXCEPTIONS, SCHOOL_X + "\nhttps://x.com/club_one | A club\n" + X_OFFICIAL + " | Ours\n"
        + "https://x.com/nobody_here | Unknown");
    assertThatThrownBy(() -> complete(task(pi), kept))
        .hasMessageContaining("Give the reason for keeping " + SCHOOL_X + " after a |")
        .hasMessageContaining("https://x.com/club_one is not an account the directive closes")
        .hasMessageContaining(X_OFFICIAL + " remains as an official account already")
        .hasMessageContaining("https://x.com/nobody_here is not in the registry");

    Map<String, Object> undecided = meeting("postpone");
    assertThatThrownBy(() -> complete(task(pi), undecided)).hasMessageContaining("Decision: Confirm the scope or narrow it");
    assertThat(pi).isWaitingAt(Element.MEETING);
    verify(directives, never()).recordMeeting(anyString(), any(), anyString(), any());
  }

  @Test
  void aComplianceReviewThatDoesNotFitWhereTheClosuresStandIsRefused() {
    when(directives.nextPending(anyString(), anyInt(), eq(2), eq(2))).thenReturn(List.of());
    counts.set(new long[] {4, 4, 2, 0});
    ProcessInstance pi = startAndHoldMeeting(meeting("confirm"));
    runJobs(pi);
    clock.now = Instant.parse("2026-12-21T06:00:00Z");
    fireTimer(pi, Element.WAIT);
    assertThat(pi).isWaitingAt(Element.REVIEW);

    assertThatThrownBy(() -> complete(task(pi), Map.of(Var.COMPLIANCE_DECISION, "extend", Var.NEW_DEADLINE, "2026-12-21")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("New deadline: Give the new deadline as YYYY-MM-DD, after today");
    assertThatThrownBy(() -> complete(task(pi), Map.of(Var.COMPLIANCE_DECISION, "escalate", Var.NEW_DEADLINE,
        "2027-01-10", Var.ESCALATE_UNITS, "MOE-CFG")))
        .hasMessageContaining("Units to escalate to: These units have no account left to close: MOE-CFG");
    assertThatThrownBy(() -> complete(task(pi), Map.of(Var.COMPLIANCE_DECISION, "accept")))
        .hasMessageContaining("Notes: Say why the directive is accepted with 2 accounts not closed");
    assertThatThrownBy(() -> complete(task(pi), Map.of(Var.COMPLIANCE_DECISION, "ignore")))
        .hasMessageContaining("Extend the deadline, escalate named units, or accept");
    assertThat(pi).isWaitingAt(Element.REVIEW);
    verify(directives, never()).recordReview(anyString(), anyInt(), any(), anyString(), any());
  }
}
