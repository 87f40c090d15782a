package org.officialaccounts.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.officialaccounts.review.PeriodicReview.Element;
import static org.officialaccounts.review.PeriodicReview.Var;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
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
import static org.officialaccounts.support.ProcessJobs.fireTimer;
import static org.officialaccounts.support.ProcessJobs.runJobs;
import org.officialaccounts.campaign.ReviewCampaign;
import org.officialaccounts.closure.ClosureOrder;
import org.officialaccounts.closure.ClosureReason;
import org.officialaccounts.closure.ClosureStarter;
import org.officialaccounts.closure.adapter.HandOverToClosureDelegate;
import org.officialaccounts.notification.Directory;
import org.officialaccounts.notification.MailService;
import org.officialaccounts.notification.SendMailDelegate;
import org.officialaccounts.registry.Account;
import org.officialaccounts.registry.AccountRepository;
import org.officialaccounts.registry.AccountStatus;
import org.officialaccounts.registry.Finding.Severity;
import org.officialaccounts.registry.Platform;
import org.officialaccounts.registry.Unit;
import org.officialaccounts.registry.UnitRepository;
import org.officialaccounts.registry.UnitType;
import org.officialaccounts.registry.adapter.TaskRouting;
import org.officialaccounts.review.PeriodicReview.Assessment;
import org.officialaccounts.review.adapter.AssessmentListener;
import org.officialaccounts.review.adapter.AttestationListener;
import org.officialaccounts.review.adapter.CorrectiveActionListener;
import org.officialaccounts.review.adapter.RecordAssessmentDelegate;
import org.officialaccounts.review.adapter.RecordMissedDeadlineDelegate;
import org.officialaccounts.review.adapter.ReviewEndListener;
import org.officialaccounts.review.adapter.ReviewStartListener;
import org.officialaccounts.review.adapter.RunPreChecksDelegate;
import org.officialaccounts.verification.GuideVersion;
import org.officialaccounts.verification.GuideVersionRepository;

/** Every path of PeriodicReviewProcess: real model and delegates, mocked review service and mail. */
@Deployment(
    resources = {
      "bpmn/PeriodicReviewProcess.bpmn",
      "forms/review-attestation.form",
      "forms/assess-review.form",
      "forms/take-corrective-action.form"
    })
class PeriodicReviewProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder("process-test.camunda.cfg.xml")
          .assertClassCoverageAtLeast(1.0)
          .build();

  static final long ACCOUNT = 11L;
  static final String MANAGER = "huda@moe.example";

  AccountRepository accounts = mock(AccountRepository.class);
  UnitRepository units = mock(UnitRepository.class);
  GuideVersionRepository guides = mock(GuideVersionRepository.class);
  ReviewService reviews = mock(ReviewService.class);
  Directory directory = mock(Directory.class);
  MailService mail = mock(MailService.class);
  ClosureStarter closures = mock(ClosureStarter.class);
  ReviewRules rules = new ReviewRules(Clock.systemUTC());
  ReviewSettings settings = new ReviewSettings();

  @BeforeEach
  void registerDelegates() {
    Mocks.register("reviewSettings", settings);
    Mocks.register("runPreChecksDelegate",
        new RunPreChecksDelegate(accounts, units, guides, reviews, directory, settings));
    Mocks.register("reviewStartListener", new ReviewStartListener(accounts));
    Mocks.register("reviewEndListener", new ReviewEndListener(reviews));
    Mocks.register("attestationListener", new AttestationListener(rules, reviews));
    Mocks.register("assessmentListener", new AssessmentListener(rules));
    Mocks.register("correctiveActionListener", new CorrectiveActionListener(rules));
    Mocks.register("recordAssessmentDelegate", new RecordAssessmentDelegate(reviews, rules));
    Mocks.register("recordMissedDeadlineDelegate", new RecordMissedDeadlineDelegate(reviews));
    Mocks.register("sendMailDelegate", new SendMailDelegate(mail, directory, units));
    Mocks.register("taskRouting", new TaskRouting(units));
    Mocks.register("handOverToClosureDelegate", new HandOverToClosureDelegate(closures));

    OffsetDateTime now = OffsetDateTime.now();
    when(accounts.find(ACCOUNT)).thenReturn(Optional.of(new Account(ACCOUNT, "SCH-1", Platform.X, "school_one",
        "https://x.com/school_one", null, AccountStatus.ACTIVE, true, "Huda", MANAGER, "sara@moe.example",
        null, null, null, now, now, now, null, now, now)));
    when(units.find("SCH-1")).thenReturn(Optional.of(new Unit("SCH-1", UnitType.SCHOOL, "مدرسة", "School", "OFF-1", null)));
    when(units.nearestCoordinators("SCH-1")).thenReturn(List.of("requester"));
    when(directory.emailOf("requester")).thenReturn(Optional.of("requester@moe.example"));
    when(units.nearestCoordinators("OFF-1")).thenReturn(List.of("office-coordinator"));
    when(directory.emailOf("office-coordinator")).thenReturn(Optional.of("office@moe.example"));
    when(directory.userIdByEmail(MANAGER)).thenReturn(Optional.of("manager"));
    when(guides.inForce()).thenReturn(Optional.of(new GuideVersion("1.1", LocalDate.of(2026, 6, 1), "Second edition", null)));
    when(reviews.preCheck(any(), any())).thenReturn(List.of(
        new ReviewService.PreCheck("Version 1.1 of the guide is not acknowledged", "غير مقر به", Severity.MEDIUM)));
    when(reviews.conclude(anyLong(), eq(Assessment.COMPLIANT), any(), any(), any(), anyString(), anyString(), any()))
        .thenReturn(LocalDate.of(2027, 5, 1));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void aCompliantAccountIsConfirmedWithItsNextReviewDate() {
    ProcessInstance pi = start("C-2026-Q4");

    assertThat(pi).isWaitingAt(Element.REQUEST_ATTESTATION);
    assertThat((String) runtimeService().getVariable(pi.getId(), Var.PRE_CHECK_FINDINGS)).contains("Version 1.1");
    verify(reviews).open(any(), any(), eq(pi.getId()), eq("C-2026-Q4"));
    runJobs(pi);
    verify(mail).send(eq("review-attestation-request"), eq(List.of(MANAGER)), anyMap(), eq(pi.getId()), eq(ACCOUNT));
    assertThat(task(pi)).isAssignedTo("manager");
    assertThat(taskService().getIdentityLinksForTask(task(pi).getId()))
        .as("a task with its manager is offered to nobody else").allMatch(link -> "assignee".equals(link.getType()));
    attest(pi);
    verify(reviews).recordAttestation(ACCOUNT, "C-2026-Q4", true);

    assertThat(pi).isWaitingAt(Element.ASSESS);
    assertThat(task(pi)).hasCandidateGroup("pr-media");
    complete(task(pi), withVariables(Var.ASSESSMENT, "compliant"));
    runJobs(pi);

    assertThat(pi).hasPassedInOrder(Element.RECORD_ASSESSMENT, "Task_SendCompliant", Element.END_COMPLIANT).isEnded();
    assertThat(pi).variables().containsEntry(Var.NEXT_REVIEW_DUE, "2027-05-01").containsEntry(Var.ATTESTATION_RECEIVED, true);
    verify(reviews).conclude(eq(ACCOUNT), eq(Assessment.COMPLIANT), isNull(), isNull(),
        eq(LocalDate.of(2026, 10, 30)), anyString(), eq(pi.getId()), eq("C-2026-Q4"));
    verify(mail).send(eq("review-compliant"), eq(List.of(MANAGER)), anyMap(), eq(pi.getId()), eq(ACCOUNT));
  }

  @Test
  void correctiveActionGoesToTheManagerThenBackToTheReviewer() {
    ProcessInstance pi = start(null);
    runJobs(pi);
    attest(pi);
    complete(task(pi), withVariables(Var.ASSESSMENT, "corrective", Var.ASSESSMENT_NOTES, "Bio not unified",
        Var.CORRECTIVE_ACTION, "Apply the unified bio"));
    runJobs(pi);

    assertThat(pi).isWaitingAt(Element.CORRECTIVE_ACTION);
    verify(mail).send(eq("review-corrective"), eq(List.of(MANAGER)), anyMap(), eq(pi.getId()), eq(ACCOUNT));
    complete(task(pi), withVariables(Var.CORRECTIVE_REPORT, "Bio replaced on 2026-11-20"));
    assertThat(pi).isWaitingAt(Element.ASSESS);
  }

  @Test
  void noAnswerByTheDeadlineIsAFindingAndTheReviewerStillDecides() {
    ProcessInstance pi = start(null);
    runJobs(pi);
    fireTimer(pi, Element.ATTESTATION_REMINDER);
    fireTimer(pi, Element.ATTESTATION_ESCALATION);
    verify(mail).send(eq("review-attestation-reminder"), eq(List.of(MANAGER)), anyMap(), eq(pi.getId()), eq(ACCOUNT));
    // The escalation goes up to the supervising unit (the school's office), not the school itself.
    verify(mail).send(eq("review-attestation-escalation"), eq(List.of(MANAGER, "office@moe.example")), anyMap(),
        eq(pi.getId()), eq(ACCOUNT));
    fireTimer(pi, Element.ATTESTATION_DEADLINE);

    verify(reviews).recordFinding(eq(ACCOUNT), eq("No attestation by the deadline"), eq(Severity.MEDIUM), eq("system"),
        eq(pi.getId()), isNull());
    verify(reviews).recordAttestation(ACCOUNT, null, false);
    assertThat(pi).isWaitingAt(Element.ASSESS);
    assertThat(pi).variables().containsEntry(Var.ATTESTATION_RECEIVED, false);
    complete(task(pi), withVariables(Var.ASSESSMENT, "suspend", Var.ASSESSMENT_NOTES, "No manager answers"));
    runJobs(pi);
    assertThat(pi).hasPassed("Task_SendSuspended", Element.END_SUSPENDED).isEnded();
  }

  @Test
  void aMissedCorrectionIsAFindingAndTheReviewerMayHandTheAccountToClosure() {
    ProcessInstance pi = start(null);
    runJobs(pi);
    attest(pi);
    complete(task(pi), withVariables(Var.ASSESSMENT, "corrective", Var.ASSESSMENT_NOTES, "x", Var.CORRECTIVE_ACTION, "y"));
    runJobs(pi);
    fireTimer(pi, Element.CORRECTIVE_DEADLINE);

    verify(reviews).recordFinding(eq(ACCOUNT), eq("Corrective action not reported by the deadline"), eq(Severity.MEDIUM),
        eq("system"), eq(pi.getId()), isNull());
    complete(task(pi), withVariables(Var.ASSESSMENT, "close", Var.ASSESSMENT_NOTES, "Dormant for a year"));
    runJobs(pi);
    assertThat(pi).hasPassed("Task_SendClosure", Element.END_CLOSURE).isEnded();
    assertThat(pi).variables().containsEntry(Var.REVIEW_OUTCOME, "close");
    verify(closures).startClosures(List.of(new ClosureOrder(ACCOUNT, ClosureReason.REVIEW, "Dormant for a year", null,
        null, null, "reviewer")));
  }

  @Test
  void refusesMalformedAnswersWhoeverSubmitsThem() {
    ProcessInstance pi = start(null);
    runJobs(pi);
    String attestation = task(pi).getId();
    assertThatThrownBy(() -> taskService().complete(attestation, Map.of(Var.LAST_POST_DATE, "2999-01-01")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Last post date");
    assertThatThrownBy(() -> taskService().complete(attestation, Map.of(Var.LAST_POST_DATE, "2026-10-30",
        Var.STILL_NEEDED, "yes"))).isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Still needed");
    attest(pi);
    String assess = task(pi).getId();
    assertThatThrownBy(() -> taskService().complete(assess, Map.of(Var.ASSESSMENT, "corrective",
        Var.ASSESSMENT_NOTES, "x"))).isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Corrective action");
    assertThatThrownBy(() -> taskService().complete(assess, Map.of(Var.ASSESSMENT, "great")))
        .isInstanceOf(FormFieldValidationException.class);
    complete(task(pi), withVariables(Var.ASSESSMENT, "corrective", Var.ASSESSMENT_NOTES, "x", Var.CORRECTIVE_ACTION, "y"));
    runJobs(pi);
    String corrective = task(pi).getId();
    assertThatThrownBy(() -> taskService().complete(corrective, Map.of()))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Report");
    verify(reviews, never()).recordFinding(anyLong(), anyString(), any(), anyString(), anyString(), any());
  }

  @Test
  void theAttestationOpensBeforeItsEmailAndAnUnknownManagersTaskIsOfferedToTheUnitsCoordinators() {
    when(directory.userIdByEmail(MANAGER)).thenReturn(Optional.empty());
    ProcessInstance pi = start("C-2026-Q4");

    assertThat(pi).isWaitingAt(Element.REQUEST_ATTESTATION, Element.ATTESTATION);
    assertThat(task(pi)).isNotAssigned().hasCandidateUser("requester");
    when(units.nearestCoordinators("SCH-1")).thenReturn(List.of());
    ProcessInstance orphan = start("C-2027-Q1");
    assertThat(task(orphan)).isNotAssigned().hasCandidateGroup("pr-media");
    runJobs(pi);
    assertThat(pi).hasPassed("EndEvent_AttestationRequested").isWaitingAt(Element.ATTESTATION);
  }

  @Test
  void aCampaignsLedgerLearnsTheAssessment() {
    ProcessInstance pi = start("C-2026-Q4");
    runJobs(pi);
    attest(pi);
    complete(task(pi), withVariables(Var.ASSESSMENT, "corrective", Var.ASSESSMENT_NOTES, "x", Var.CORRECTIVE_ACTION, "y"));
    runJobs(pi);
    verify(reviews).recordInCampaign(ACCOUNT, "C-2026-Q4", Assessment.CORRECTIVE);
  }

  /** A campaign's review (started with its business key alone, as the launcher does), or one by hand. */
  private ProcessInstance start(String campaign) {
    ProcessInstance pi = campaign != null
        ? runtimeService().startProcessInstanceByKey(PeriodicReview.PROCESS_KEY,
            ReviewCampaign.reviewKey(campaign, ACCOUNT))
        : runtimeService().startProcessInstanceByKey(PeriodicReview.PROCESS_KEY, Map.of(Var.ACCOUNT_ID, ACCOUNT));
    // Starting only records the review; its pre-checks run in the review's own first job.
    assertThat(pi).isWaitingAt("Task_RunPreChecks");
    verify(reviews, never()).open(any(), any(), eq(pi.getId()), any());
    execute(job(pi));
    return pi;
  }

  @Test
  void anAccountThatLeftTheReviewableStatesEndsItsReviewUnreviewed() {
    when(accounts.find(ACCOUNT)).thenReturn(Optional.of(account(AccountStatus.CLOSING)));
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(PeriodicReview.PROCESS_KEY,
        ReviewCampaign.reviewKey("C-2026-Q4", ACCOUNT));
    execute(job(pi));

    assertThat(pi).hasPassed(Element.NOT_REVIEWABLE, Element.END_NOT_REVIEWABLE).isEnded();
    assertThat(pi).variables().containsEntry(Var.REVIEW_OUTCOME, "not reviewable: CLOSING");
    verify(reviews).recordNotReviewable(ACCOUNT, AccountStatus.CLOSING, "C-2026-Q4");
    verify(reviews, never()).open(any(), any(), any(), any());
    verify(mail, never()).send(anyString(), any(), anyMap(), any(), any());
  }

  @Test
  void aReviewByHandNeedsAnActiveAccountWithNoReviewRunning() {
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(PeriodicReview.PROCESS_KEY))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("accountId: required");
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(PeriodicReview.PROCESS_KEY,
        Map.of(Var.ACCOUNT_ID, "11; DROP TABLE account"))).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("not an account number");
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(PeriodicReview.PROCESS_KEY,
        Map.of(Var.ACCOUNT_ID, 99L))).isInstanceOf(FormFieldValidationException.class).hasMessageContaining("no account 99");
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(PeriodicReview.PROCESS_KEY,
        Map.of(Var.ACCOUNT_ID, ACCOUNT, Var.CAMPAIGN_ID, "C-2026-Q4"))).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("belongs to no campaign");
    identityService().setAuthentication("reviewer", List.of("pr-media"));
    try {
      assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(PeriodicReview.PROCESS_KEY,
          ReviewCampaign.reviewKey("C-2026-Q4", ACCOUNT))).isInstanceOf(AuthorizationException.class);
    } finally {
      identityService().clearAuthentication();
    }
    when(accounts.find(ACCOUNT)).thenReturn(Optional.of(account(AccountStatus.SUSPENDED)));
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(PeriodicReview.PROCESS_KEY,
        Map.of(Var.ACCOUNT_ID, ACCOUNT))).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("the account is SUSPENDED");
    assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();

    when(accounts.find(ACCOUNT)).thenReturn(Optional.of(account(AccountStatus.CORRECTIVE_ACTION)));
    ProcessInstance byHand = runtimeService().startProcessInstanceByKey(PeriodicReview.PROCESS_KEY,
        Map.of(Var.ACCOUNT_ID, "11"));
    assertThat(byHand).variables().containsEntry(Var.ACCOUNT_ID, ACCOUNT);
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(PeriodicReview.PROCESS_KEY,
        Map.of(Var.ACCOUNT_ID, ACCOUNT))).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("already under review");
  }

  @Test
  void aDeletedReviewHandsItsAccountBackWhereverItStood() {
    ProcessInstance underWay = start("C-2026-Q4");
    runtimeService().deleteProcessInstance(underWay.getId(), "opened by mistake");
    verify(reviews).cancelled(ACCOUNT, "C-2026-Q4", underWay.getId());

    ProcessInstance unopened = runtimeService().startProcessInstanceByKey(PeriodicReview.PROCESS_KEY,
        ReviewCampaign.reviewKey("C-2027-Q1", ACCOUNT));
    runtimeService().deleteProcessInstance(unopened.getId(), "campaign withdrawn");
    verify(reviews).cancelled(ACCOUNT, "C-2027-Q1", unopened.getId());

    ProcessInstance concluded = start(null);
    runJobs(concluded);
    attest(concluded);
    complete(task(concluded), withVariables(Var.ASSESSMENT, "compliant"));
    runJobs(concluded);
    assertThat(concluded).isEnded();
    verify(reviews, never()).cancelled(eq(ACCOUNT), isNull(), anyString());
  }

  @Test
  void anEducationDepartmentAssessesItsOwnReviewsWhereConfigured() {
    settings.setDepartmentReviewers(List.of("DEP-1"));
    when(units.nearestOfType("SCH-1", UnitType.EDUCATION_DEPARTMENT)).thenReturn(Optional.of("DEP-1"));
    when(units.coordinators("DEP-1")).thenReturn(List.of("dep-coordinator", "dep-deputy"));
    ProcessInstance pi = start("C-2026-Q4");
    runJobs(pi);
    attest(pi);

    assertThat(pi).isWaitingAt(Element.ASSESS);
    assertThat(task(pi)).hasCandidateUser("dep-coordinator").hasCandidateUser("dep-deputy");
    assertThat(taskService().getIdentityLinksForTask(task(pi).getId())).noneMatch(link -> link.getGroupId() != null);

    settings.setDepartmentReviewers(List.of("DEP-2"));
    ProcessInstance elsewhere = start("C-2027-Q1");
    runJobs(elsewhere);
    attest(elsewhere);
    assertThat(task(elsewhere)).hasCandidateGroup("pr-media");
  }

  private static Account account(AccountStatus status) {
    OffsetDateTime now = OffsetDateTime.now();
    return new Account(ACCOUNT, "SCH-1", Platform.X, "school_one", "https://x.com/school_one", null, status,
        status == AccountStatus.ACTIVE, "Huda", MANAGER, "sara@moe.example", null, null, null, now, now, now, null,
        now, now);
  }

  private static void attest(ProcessInstance pi) {
    complete(task(pi), withVariables(Var.STILL_NEEDED, true, Var.LAST_POST_DATE, "2026-10-30",
        Var.TWO_FACTOR_STILL_ON, true, Var.ADMINISTRATORS, "Huda\nSara", Var.FOLLOWS_GUIDE, true,
        Var.VISUAL_IDENTITY_OK, true));
  }


}
