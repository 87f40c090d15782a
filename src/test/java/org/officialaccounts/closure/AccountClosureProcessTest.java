package org.officialaccounts.closure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.officialaccounts.closure.Closure.Element;
import static org.officialaccounts.closure.Closure.Var;
import static org.officialaccounts.support.ProcessJobs.fireTimer;
import static org.officialaccounts.support.ProcessJobs.runJobs;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.officialaccounts.closure.ClosureRules.EndState;
import org.officialaccounts.closure.adapter.ArchiveListener;
import org.officialaccounts.closure.adapter.CancelClosureDelegate;
import org.officialaccounts.closure.adapter.CloseAccountDelegate;
import org.officialaccounts.closure.adapter.ClosureConfirmationListener;
import org.officialaccounts.closure.adapter.ClosureEndListener;
import org.officialaccounts.closure.adapter.ClosureNoticeListener;
import org.officialaccounts.closure.adapter.ClosureRequestListener;
import org.officialaccounts.closure.adapter.EngineClosureStarter;
import org.officialaccounts.closure.adapter.OpenClosureDelegate;
import org.officialaccounts.closure.adapter.PlanNextNoticeDelegate;
import org.officialaccounts.closure.adapter.RecordArchiveDelegate;
import org.officialaccounts.closure.adapter.RecordClosureFindingDelegate;
import org.officialaccounts.closure.adapter.RecordNoticeDelegate;
import org.officialaccounts.closure.adapter.RefuseTakedownDelegate;
import org.officialaccounts.closure.adapter.TakedownListener;
import org.officialaccounts.notification.Directory;
import org.officialaccounts.notification.MailService;
import org.officialaccounts.notification.SendMailDelegate;
import org.officialaccounts.registry.Account;
import org.officialaccounts.registry.AccountStatus;
import org.officialaccounts.registry.Platform;
import org.officialaccounts.registry.Unit;
import org.officialaccounts.registry.UnitRepository;
import org.officialaccounts.registry.UnitType;
import org.officialaccounts.registry.adapter.TaskRouting;

/** Every path of AccountClosureProcess: real model, forms and delegates; mocked closure service and mail. */
@Deployment(
    resources = {
      "bpmn/AccountClosureProcess.bpmn",
      "forms/request-closure.form",
      "forms/post-closure-notice.form",
      "forms/archive-and-close.form",
      "forms/confirm-closure.form",
      "forms/request-takedown.form"
    })
class AccountClosureProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder("process-test.camunda.cfg.xml")
          .assertClassCoverageAtLeast(1.0)
          .build();

  static final long ACCOUNT = 21L;
  static final long CLOSURE = 5L;
  static final String MANAGER = "huda@moe.example";
  static final String HEAD = "head@moe.example";
  static final LocalDate CLOSING = LocalDate.of(2027, 1, 31);

  ClosureService closures = mock(ClosureService.class);
  ClosureRequestValidator validator = mock(ClosureRequestValidator.class);
  UnitRepository units = mock(UnitRepository.class);
  Directory directory = mock(Directory.class);
  MailService mail = mock(MailService.class);
  ClosureRules rules = new ClosureRules();
  ClosureSettings settings = new ClosureSettings();
  Account account;
  Unit unit = new Unit("SCH-1", UnitType.SCHOOL, "مدرسة", "School", "OFF-1", HEAD);

  @BeforeEach
  void registerDelegates() {
    Mocks.register("closureSettings", settings);
    Mocks.register("closureRequestListener", new ClosureRequestListener(validator));
    Mocks.register("openClosureDelegate", new OpenClosureDelegate(closures, directory));
    Mocks.register("closureNoticeListener", new ClosureNoticeListener(rules));
    Mocks.register("recordNoticeDelegate", new RecordNoticeDelegate(closures));
    Mocks.register("planNextNoticeDelegate", new PlanNextNoticeDelegate(closures));
    Mocks.register("archiveListener", new ArchiveListener(rules));
    Mocks.register("recordArchiveDelegate", new RecordArchiveDelegate(closures));
    Mocks.register("closureConfirmationListener", new ClosureConfirmationListener(rules, settings));
    Mocks.register("takedownListener", new TakedownListener(rules));
    Mocks.register("closeAccountDelegate", new CloseAccountDelegate(closures));
    Mocks.register("refuseTakedownDelegate", new RefuseTakedownDelegate(closures));
    Mocks.register("cancelClosureDelegate", new CancelClosureDelegate(closures));
    Mocks.register("recordClosureFindingDelegate", new RecordClosureFindingDelegate(closures));
    Mocks.register("sendMailDelegate", new SendMailDelegate(mail, directory, units));
    Mocks.register("taskRouting", new TaskRouting(units));
    Mocks.register("closureEndListener", new ClosureEndListener(closures));

    OffsetDateTime now = OffsetDateTime.now();
    account = new Account(ACCOUNT, "SCH-1", Platform.X, "old_school", "https://x.com/old_school", null,
        AccountStatus.ACTIVE, false, "Huda", MANAGER, null, null, null, null, now, now, null, null, now, now);
    Account successor = new Account(3L, "OFF-1", Platform.X, "office_one", "https://x.com/office_one", null,
        AccountStatus.ACTIVE, true, "Sara", "sara@moe.example", null, null, null, null, now, now, now, null, now, now);
    when(closures.open(any(), anyString())).thenReturn(new ClosureService.Opening(CLOSURE, true, null, account, unit,
        successor, CLOSING, CLOSING.atStartOfDay().atOffset(ZoneOffset.ofHours(3)),
        NoticeDraft.of(CLOSING, successor.canonicalUrl(), "https://accounts.example/"), List.of(HEAD)));
    when(directory.userIdByEmail(MANAGER)).thenReturn(Optional.of("manager"));
    when(directory.emailsOfGroup("pr-media")).thenReturn(List.of("reviewer@moe.example"));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void anOrderedClosureNoticesRepeatsArchivesAndCloses() {
    OffsetDateTime in14Days = OffsetDateTime.now().plusDays(14);
    when(closures.nextNoticeAt(eq(CLOSING), any())).thenReturn(in14Days, in14Days.plusDays(12), null);
    ProcessInstance pi = order(ClosureReason.DIRECTIVE, "CD-1");

    assertThat(pi).isWaitingAt(Element.POST_NOTICE, "Task_SendNoticeRequest");
    verify(closures).open(new ClosureOrder(ACCOUNT, ClosureReason.DIRECTIVE, "One account per body", "CD-1", 3L,
        CLOSING, "system"), pi.getId());
    assertThat(pi).variables().containsEntry(Var.CLOSURE_ID, CLOSURE).containsEntry(Var.CLOSING_DATE, "2027-01-31")
        .containsEntry(Var.SUCCESSOR_URL, "https://x.com/office_one").containsEntry(Var.UNIT_HEAD_EMAILS, HEAD);
    assertThat((String) runtimeService().getVariable(pi.getId(), Var.NOTICE_EN))
        .contains("2027-01-31", "https://x.com/office_one");
    runJobs(pi);
    verify(mail).send(eq("closure-notice-request"), eq(List.of(MANAGER)), anyMap(), eq(pi.getId()), eq(ACCOUNT));
    assertThat(task(pi)).isAssignedTo("manager");

    complete(task(pi), withVariables(Var.NOTICE_URL, " https://x.com/old_school/status/1860000000000000001 "));
    runJobs(pi);
    verify(closures).recordNotice(CLOSURE, "https://x.com/old_school/status/1860000000000000001", "manager", pi.getId());

    assertThat(pi).isWaitingAt(Element.NEXT_NOTICE);
    fireTimer(pi, Element.NEXT_NOTICE);
    assertThat(pi).isWaitingAt(Element.NEXT_NOTICE);
    fireTimer(pi, Element.NEXT_NOTICE);
    verify(mail, org.mockito.Mockito.times(2))
        .send(eq("closure-notice-repeat"), eq(List.of(MANAGER)), anyMap(), eq(pi.getId()), eq(ACCOUNT));
    assertThat(pi).isWaitingAt(Element.CLOSING_DATE);

    fireTimer(pi, Element.CLOSING_DATE);
    verify(mail).send(eq("closure-archive-request"), eq(List.of(MANAGER)), anyMap(), eq(pi.getId()), eq(ACCOUNT));
    complete(task(pi), archived());
    runJobs(pi);
    verify(closures).recordArchive(CLOSURE, "records://moe/archive/old_school", EndState.LOCKED, "manager", pi.getId());

    assertThat(pi).isWaitingAt(Element.CONFIRM);
    assertThat(task(pi)).hasCandidateGroup("pr-media");
    complete(task(pi), withVariables(Var.CONFIRMATION, Closure.CONFIRMED));
    runJobs(pi);

    verify(closures).close(CLOSURE, null, "system", pi.getId());
    verify(mail).send(eq("closure-completed"), eq(List.of(MANAGER)), anyMap(), eq(pi.getId()), eq(ACCOUNT));
    assertThat(pi).hasPassedInOrder(Element.OPEN, Element.POST_NOTICE, Element.CLOSING_DATE, Element.ARCHIVE,
        Element.CONFIRM, Element.CLOSE, Element.END_CLOSED).isEnded();
  }

  @Test
  void aUnitsRequestStartsOnlyWhenTheFormIsRight() {
    Map<String, Object> form = Map.of("platform", "X", Var.ACCOUNT_URL, "@old_school", Var.GROUNDS, "Merged into the office");
    when(validator.check(argThat(m -> m != null && "@old_school".equals(m.get(Var.ACCOUNT_URL))), isNull())).thenReturn(new ClosureRequestValidator.Checked(List.of(), account, null));
    Map<String, Object> bad = Map.of("platform", "X", Var.ACCOUNT_URL, "@nobody", Var.GROUNDS, "");
    when(validator.check(argThat(m -> m != null && "@nobody".equals(m.get(Var.ACCOUNT_URL))), isNull())).thenReturn(new ClosureRequestValidator.Checked(List.of(
        new org.officialaccounts.request.FieldError(Var.ACCOUNT_URL, "No account https://x.com/nobody is in the registry",
            "لا يوجد")), null, null));

    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(Closure.PROCESS_KEY, bad))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("No account https://x.com/nobody");
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(Closure.PROCESS_KEY, form);
    assertThat(pi).hasPassed(Element.REQUESTED).isWaitingAt(Element.OPEN);
    assertThat(pi).variables().containsEntry(Var.ACCOUNT_ID, ACCOUNT).containsEntry(Var.REASON, "REQUEST");
    execute(job(pi));
    verify(closures).open(new ClosureOrder(ACCOUNT, ClosureReason.REQUEST, "Merged into the office", null, null, null,
        "system"), pi.getId());
  }

  @Test
  void anAccountClosedAlreadyHasNothingToClose() {
    when(closures.open(any(), anyString())).thenReturn(new ClosureService.Opening(CLOSURE, false,
        "Nothing to close: the account is CLOSED", account, unit, null, CLOSING, null, null, List.of()));
    ProcessInstance pi = order(ClosureReason.REVIEW, null);

    assertThat(pi).hasPassed(Element.END_NOTHING).isEnded();
    assertThat(pi).variables().containsEntry(Var.NOT_OPENED_REASON, "Nothing to close: the account is CLOSED");
    verify(mail, never()).send(anyString(), any(), anyMap(), anyString(), any());
  }

  @Test
  void aSilentManagerIsRemindedEscalatedAndTheGracePeriodRunsAnyway() {
    when(closures.nextNoticeAt(eq(CLOSING), any())).thenReturn((OffsetDateTime) null);
    ProcessInstance pi = order(ClosureReason.DIRECTIVE, "CD-1");
    runJobs(pi);
    fireTimer(pi, Element.NOTICE_REMINDER);
    fireTimer(pi, Element.NOTICE_ESCALATION);
    verify(mail).send(eq("closure-notice-reminder"), eq(List.of(MANAGER)), anyMap(), eq(pi.getId()), eq(ACCOUNT));
    verify(mail).send(eq("closure-escalation"), eq(List.of(HEAD)), anyMap(), eq(pi.getId()), eq(ACCOUNT));
    fireTimer(pi, Element.NOTICE_DEADLINE);

    verify(closures).recordFinding(CLOSURE, "Closure notice not posted by the deadline", "system", pi.getId());
    assertThat(pi).isWaitingAt(Element.CLOSING_DATE);
    fireTimer(pi, Element.CLOSING_DATE);
    fireTimer(pi, Element.ARCHIVE_REMINDER);
    fireTimer(pi, Element.ARCHIVE_ESCALATION);
    verify(mail).send(eq("closure-archive-reminder"), eq(List.of(MANAGER)), anyMap(), eq(pi.getId()), eq(ACCOUNT));
    verify(mail, org.mockito.Mockito.times(2))
        .send(eq("closure-escalation"), eq(List.of(HEAD)), anyMap(), eq(pi.getId()), eq(ACCOUNT));
    fireTimer(pi, Element.ARCHIVE_DEADLINE);

    verify(closures).recordFinding(CLOSURE, "Account not archived and closed by the deadline", "system", pi.getId());
    verify(mail).send(eq("closure-takedown"), eq(List.of(HEAD, "reviewer@moe.example")), anyMap(), eq(pi.getId()),
        eq(ACCOUNT));
    assertThat(pi).isWaitingAt(Element.TAKEDOWN);
    complete(task(pi), withVariables(Var.TAKEDOWN_REFERENCE, "X-CASE-0042", Var.TAKEDOWN_RESULT, Closure.REFUSED,
        Var.TAKEDOWN_NOTES, "The platform does not act on inactive accounts"));
    runJobs(pi);

    verify(closures).refuseTakedown(CLOSURE, "X-CASE-0042", "The platform does not act on inactive accounts",
        "system", pi.getId());
    assertThat(pi).hasPassed(Element.END_REFUSED).isEnded();
  }

  @Test
  void prMediaSendTheClosureBackUntilTheLimitThenThePlatformTakesItDown() {
    when(closures.nextNoticeAt(eq(CLOSING), any())).thenReturn((OffsetDateTime) null);
    ProcessInstance pi = order(ClosureReason.REVIEW, null);
    runJobs(pi);
    complete(task(pi), withVariables(Var.NOTICE_URL, "https://twitter.com/old_school/status/2"));
    runJobs(pi);
    fireTimer(pi, Element.CLOSING_DATE);
    for (int round = 1; round <= settings.getMaxSendBacks() + 1; round++) {
      assertThat(pi).isWaitingAt(Element.ARCHIVE);
      complete(task(pi), archived());
      runJobs(pi);
      complete(task(pi), withVariables(Var.CONFIRMATION, Closure.NOT_CLOSED, Var.CONFIRMATION_REMARKS,
          "The account still shows posts"));
      runJobs(pi);
    }
    verify(mail, org.mockito.Mockito.times(settings.getMaxSendBacks()))
        .send(eq("closure-sent-back"), eq(List.of(MANAGER)), anyMap(), eq(pi.getId()), eq(ACCOUNT));
    assertThat(pi).isWaitingAt(Element.TAKEDOWN);
    complete(task(pi), withVariables(Var.TAKEDOWN_REFERENCE, "X-CASE-0043", Var.TAKEDOWN_RESULT, Closure.TAKEN_DOWN));
    runJobs(pi);

    verify(closures).recordTakedownRequested(CLOSURE, "X-CASE-0043");
    verify(closures).close(CLOSURE, EndState.TAKEN_DOWN, "system", pi.getId());
    assertThat(pi).hasPassed(Element.CLOSE, Element.END_CLOSED).isEnded();
  }

  @Test
  void aCancelledClosureGivesTheAccountBackAndTellsTheManager() {
    when(closures.nextNoticeAt(eq(CLOSING), any())).thenReturn((OffsetDateTime) null);
    when(closures.cancel(eq(CLOSURE), eq("The unit merged the account instead"), eq("system"), anyString()))
        .thenReturn(true);
    ProcessInstance pi = order(ClosureReason.REQUEST, null);
    runJobs(pi);
    runtimeService().createMessageCorrelation(Closure.CANCEL_MESSAGE).processInstanceId(pi.getId())
        .setVariable(Var.CANCELLATION_REASON, "The unit merged the account instead").correlate();
    runJobs(pi);

    verify(closures).cancel(CLOSURE, "The unit merged the account instead", "system", pi.getId());
    verify(mail).send(eq("closure-cancelled"), eq(List.of(MANAGER)), anyMap(), eq(pi.getId()), eq(ACCOUNT));
    assertThat(pi).hasPassed("Task_RecordCancellation", Element.END_CANCELLED).isEnded();
  }

  @Test
  void aClosureCancelledBeforeItOpenedTouchesNothing() {
    ProcessInstance pi = runtimeService().createMessageCorrelation(Closure.START_MESSAGE)
        .processInstanceBusinessKey("closure:review:" + ACCOUNT)
        .setVariables(Map.of(Var.ACCOUNT_ID, ACCOUNT, Var.REASON, "REVIEW"))
        .correlateStartMessage();
    runtimeService().createMessageCorrelation(Closure.CANCEL_MESSAGE).processInstanceId(pi.getId())
        .setVariable(Var.CANCELLATION_REASON, "Ordered by mistake").correlate();

    assertThat(pi).hasPassed("EndEvent_CancelledUnopened").isEnded();
    verify(closures, never()).open(any(), anyString());
    verify(closures, never()).cancel(org.mockito.ArgumentMatchers.anyLong(), anyString(), anyString(), anyString());
    verify(closures).recordCancelledUnopened(new ClosureOrder(ACCOUNT, ClosureReason.REVIEW, null, null, null, null,
        "system"), "Ordered by mistake", pi.getId());
    verify(mail, never()).send(anyString(), any(), anyMap(), anyString(), any());
  }

  @Test
  void aClosureThatEndedAlreadyIsNotCancelledAndTheManagerHearsNothing() {
    when(closures.nextNoticeAt(eq(CLOSING), any())).thenReturn((OffsetDateTime) null);
    ProcessInstance pi = order(ClosureReason.REQUEST, null);
    runJobs(pi);
    runtimeService().createMessageCorrelation(Closure.CANCEL_MESSAGE).processInstanceId(pi.getId())
        .setVariable(Var.CANCELLATION_REASON, "Too late").correlate();
    runJobs(pi);

    assertThat(pi).hasPassed("EndEvent_CancelledUnopened").isEnded();
    verify(mail, never()).send(eq("closure-cancelled"), any(), anyMap(), anyString(), any());
  }

  @Test
  void aDirectiveTakesOverAClosureTheUnitAskedFor() {
    when(closures.nextNoticeAt(eq(CLOSING), any())).thenReturn((OffsetDateTime) null);
    ProcessInstance request = order(ClosureReason.REQUEST, null);
    runJobs(request);
    when(closures.cancel(eq(CLOSURE), anyString(), anyString(), eq(request.getId()))).thenReturn(true);
    when(closures.supersededBy(any())).thenReturn(Optional.of(new ClosureRecord(CLOSURE, ACCOUNT, ClosureReason.REQUEST,
        null, null, AccountStatus.ACTIVE, null, CLOSING, null, null, null, null, null, null, null, "requester",
        request.getId(), OffsetDateTime.now(), null)));

    ProcessInstance directive = order(ClosureReason.DIRECTIVE, "CD-7");

    verify(closures).cancel(CLOSURE, "Superseded by directive CD-7", "system", request.getId());
    runJobs(request);
    verify(mail).send(eq("closure-cancelled"), eq(List.of(MANAGER)), anyMap(), eq(request.getId()), eq(ACCOUNT));
    assertThat(request).isEnded();
    assertThat(directive).isWaitingAt(Element.POST_NOTICE);
  }

  @Test
  void refusesMalformedAnswersWhoeverSubmitsThem() {
    when(closures.nextNoticeAt(eq(CLOSING), any())).thenReturn((OffsetDateTime) null);
    ProcessInstance pi = order(ClosureReason.DIRECTIVE, "CD-1");
    runJobs(pi);
    String notice = task(pi).getId();
    assertThatThrownBy(() -> taskService().complete(notice, Map.of(Var.NOTICE_URL, "https://www.instagram.com/p/abc")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("post on X");
    assertThatThrownBy(() -> taskService().complete(notice, Map.of(Var.NOTICE_URL, "javascript:alert(1)")))
        .isInstanceOf(FormFieldValidationException.class);
    complete(task(pi), withVariables(Var.NOTICE_URL, "https://x.com/old_school/status/3"));
    runJobs(pi);
    fireTimer(pi, Element.CLOSING_DATE);

    String archive = task(pi).getId();
    Map<String, Object> half = new HashMap<>(archived());
    half.put(Var.APPS_REVOKED, false);
    half.put(Var.END_STATE, "TAKEN_DOWN");
    assertThatThrownBy(() -> taskService().complete(archive, half))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("connected application")
        .hasMessageContaining("locked (preferred) or deleted");
    complete(task(pi), archived());
    runJobs(pi);

    String confirm = task(pi).getId();
    assertThatThrownBy(() -> taskService().complete(confirm, Map.of(Var.CONFIRMATION, Closure.NOT_CLOSED)))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("what remains");
    assertThatThrownBy(() -> taskService().complete(confirm, Map.of(Var.CONFIRMATION, "maybe")))
        .isInstanceOf(FormFieldValidationException.class);
    assertThat(pi).isWaitingAt(Element.CONFIRM);
  }

  private ProcessInstance order(ClosureReason reason, String directive) {
    ClosureOrder order = new ClosureOrder(ACCOUNT, reason, "One account per body", directive,
        directive == null ? null : 3L, directive == null ? null : CLOSING, "system");
    List<String> ids = new EngineClosureStarter(runtimeService()).startClosures(List.of(order));
    ProcessInstance pi = runtimeService().createProcessInstanceQuery().processInstanceId(ids.get(0)).singleResult();
    assertThat(pi.getBusinessKey()).isEqualTo(order.businessKey());
    assertThat(pi).hasPassed(Element.ORDERED).isWaitingAt(Element.OPEN);
    execute(job(pi));
    return pi;
  }

  private static Map<String, Object> archived() {
    return withVariables(Var.ARCHIVE_LOCATION, "records://moe/archive/old_school", Var.ADMINS_REMOVED, true,
        Var.APPS_REVOKED, true, Var.END_STATE, "LOCKED");
  }
}
