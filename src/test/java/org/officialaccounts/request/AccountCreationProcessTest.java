package org.officialaccounts.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.officialaccounts.request.AccountCreation.Element;
import static org.officialaccounts.request.AccountCreation.Var;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.ProcessEngine;
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
import org.officialaccounts.notification.Directory;
import org.officialaccounts.notification.MailService;
import org.officialaccounts.notification.SendMailDelegate;
import org.officialaccounts.registry.Account;
import org.officialaccounts.registry.AccountConflictException;
import org.officialaccounts.registry.AccountStatus;
import org.officialaccounts.registry.CanonicalAccount;
import org.officialaccounts.registry.Platform;
import org.officialaccounts.registry.RegistryService;
import org.officialaccounts.registry.Unit;
import org.officialaccounts.registry.UnitType;
import org.officialaccounts.request.adapter.CheckConflictsDelegate;
import org.officialaccounts.request.adapter.CorrectionListener;
import org.officialaccounts.request.adapter.RecommendationListener;
import org.officialaccounts.request.adapter.RegisterAccountDelegate;
import org.officialaccounts.request.adapter.ReviewDecisionListener;
import org.officialaccounts.request.adapter.ValidateRequestDelegate;

/**
 * Every path of AccountCreationProcess with the real model, decision and forms, real delegates
 * and mocked business services.
 */
@Deployment(
    resources = {
      "bpmn/AccountCreationProcess.bpmn",
      "bpmn/AccountPolicy.dmn",
      "bpmn/AccountVerificationProcess.bpmn",
      "forms/request-account.form",
      "forms/correct-request.form",
      "forms/review-request.form",
      "forms/recommend-exception.form",
      "forms/decide-exception.form"
    })
class AccountCreationProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder(ProcessTests.ENGINE_CONFIGURATION)
          .assertClassCoverageAtLeast(1.0)
          // Covered by its own test; here it is only the step an approved request hands over to.
          .excludeProcessDefinitionKeys("AccountVerificationProcess")
          .build();

  static final String MANAGER = "manager@moe.example";
  static final String REQUESTER_MAIL = "requester@moe.example";

  RequestValidator validator = mock(RequestValidator.class);
  RegistryService registry = mock(RegistryService.class);
  MailService mail = mock(MailService.class);
  Directory directory = mock(Directory.class);
  org.officialaccounts.registry.UnitRepository units = mock(org.officialaccounts.registry.UnitRepository.class);

  @BeforeEach
  void registerDelegates() {
    Mocks.register("validateRequestDelegate", new ValidateRequestDelegate(validator));
    Mocks.register("checkConflictsDelegate", new CheckConflictsDelegate(registry));
    Mocks.register("registerAccountDelegate", new RegisterAccountDelegate(registry));
    Mocks.register("sendMailDelegate", new SendMailDelegate(mail, directory, units));
    Mocks.register("taskRouting", new org.officialaccounts.registry.adapter.TaskRouting(units));
    Mocks.register("reviewDecisionListener", new ReviewDecisionListener());
    Mocks.register("recommendationListener", new RecommendationListener());
    Mocks.register("correctionListener", new CorrectionListener());
    Mocks.register("deadlines", new Deadlines());
    // The verification an approved request hands over to runs here with inert steps.
    for (String bean : List.of("loadAccountDelegate", "recordSetUpDelegate", "activateAccountDelegate",
        "expireAccountDelegate", "acceptRegularisationDelegate", "setUpListener",
        "verificationDecisionListener", "stalledDecisionListener")) {
      Mocks.register(bean, bean.endsWith("Listener")
          ? mock(org.camunda.bpm.engine.delegate.TaskListener.class)
          : mock(org.camunda.bpm.engine.delegate.JavaDelegate.class));
    }
    Mocks.register("verificationSettings", new org.officialaccounts.verification.VerificationSettings());
    when(directory.emailOf("requester")).thenReturn(Optional.of(REQUESTER_MAIL));
    when(directory.emailsOfGroup("pr-media")).thenReturn(List.of("reviewer@moe.example"));
    when(directory.emailsOfGroup("undersecretary")).thenReturn(List.of("us@moe.example"));
    when(registry.findConflict(anyString(), any())).thenReturn(Optional.empty());
    when(registry.registerApproved(any(), anyString(), anyString())).thenReturn(42L);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void approvesAllowedRequestRegistersAccountAndMailsManagerAndRequester() {
    validRequest(UnitType.SCHOOL, Platform.X);
    ProcessInstance pi = start();

    assertThat(pi).isWaitingAt(Element.REVIEW);
    assertThat(task(pi)).hasCandidateGroup("pr-media");
    assertThat(pi).variables().containsEntry(Var.POLICY_OUTCOME, "ALLOWED");
    completeAs("reviewer", pi, withVariables(Var.DECISION, "approve", Var.COMMENT, ""));

    runJobs(pi);
    assertThat(pi).hasPassedInOrder(Element.REGISTER, Element.SEND_SETUP, Element.NOTIFY_APPROVED)
        .isWaitingAt(Element.VERIFY);
    ProcessInstance verification = calledProcessInstance(pi);
    assertThat(verification).isWaitingAt("Task_SetUpAccount");
    assertThat(runtimeService().getVariable(verification.getId(), "accountId")).isEqualTo(42L);
    assertThat(runtimeService().getVariable(verification.getId(), "initiator")).isEqualTo("requester");
    finishVerification(verification);
    assertThat(pi).hasPassed(Element.END_APPROVED).isEnded();
    assertThat(pi).variables().containsEntry(Var.ACCOUNT_ID, 42L);
    verify(registry).registerApproved(any(), eq("reviewer"), eq("Request approved"));
    verify(mail).send(eq("request-approved-manager"), eq(List.of(MANAGER)), anyMap(), eq(pi.getId()), eq(42L));
    verify(mail).send(eq("request-approved-requester"), eq(List.of(REQUESTER_MAIL)), anyMap(), eq(pi.getId()), eq(42L));
  }

  @Test
  void sendsInvalidRequestBackToRequesterAndRevalidatesTheCorrection() {
    when(validator.validate(anyMap(), any()))
        .thenReturn(new RequestValidation(null, List.of(new FieldError("accountUrl", "bad", "سيئ"))))
        .thenReturn(valid(UnitType.SCHOOL, Platform.X));
    ProcessInstance pi = start();

    assertThat(pi).isWaitingAt(Element.CORRECT);
    assertThat(task(pi)).isAssignedTo("requester");
    assertThat(pi).variables().containsEntry(Var.REQUEST_VALID, false)
        .containsEntry(Var.VALIDATION_ERRORS, "\u2067رابط الحساب: سيئ\u2069 / Account address: bad");
    verify(registry, never()).findConflict(anyString(), any());

    complete(task(pi), withVariables(Var.CORRECTION_ACTION, "resubmit", Var.ACCOUNT_URL, "@moe_school"));
    assertThat(pi).isWaitingAt(Element.REVIEW);
  }

  @Test
  void endsWithdrawnWhenRequesterWithdrawsInsteadOfCorrecting() {
    when(validator.validate(anyMap(), any()))
        .thenReturn(new RequestValidation(null, List.of(new FieldError("purpose", "short", "قصير"))));
    ProcessInstance pi = start();

    complete(task(pi), withVariables(Var.CORRECTION_ACTION, "withdraw"));
    assertThat(pi).hasPassed(Element.END_WITHDRAWN).isEnded();
    verify(mail, never()).send(anyString(), any(), anyMap(), anyString(), any());
  }

  @Test
  void refusesToCompleteCorrectionWithoutAClearAction() {
    when(validator.validate(anyMap(), any()))
        .thenReturn(new RequestValidation(null, List.of(new FieldError("purpose", "short", "قصير"))));
    ProcessInstance pi = start();

    String taskId = task(pi).getId();
    assertThatThrownBy(() -> taskService().complete(taskId, Map.of(Var.CORRECTION_ACTION, "later")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("resubmit or withdraw");
    assertThat(task(pi)).hasDefinitionKey(Element.CORRECT);
  }

  @Test
  void rejectsRequestNamingTheAccountAlreadyRegistered() {
    validRequest(UnitType.SCHOOL, Platform.X);
    Account existing = account();
    when(registry.findConflict(anyString(), any())).thenReturn(Optional.of(existing));
    ProcessInstance pi = start();

    assertThat(pi).variables().containsEntry(Var.CONFLICT, true)
        .containsEntry(Var.CONFLICTING_ACCOUNT, existing.label());
    runJobs(pi);
    assertThat(pi).hasPassed(Element.NOTIFY_REJECTED, Element.END_REJECTED).hasNotPassed(Element.EVALUATE_POLICY);
    verify(mail).send(eq("request-rejected"), eq(List.of(REQUESTER_MAIL)), anyMap(), eq(pi.getId()), any());
  }

  @Test
  void rejectsRequestWhenPolicyForbidsTheUnit() {
    validRequest(UnitType.EDUCATION_OFFICE, Platform.INSTAGRAM);
    ProcessInstance pi = start();

    assertThat(pi).variables().containsEntry(Var.POLICY_OUTCOME, "FORBIDDEN");
    assertThat((String) runtimeService().getVariable(pi.getId(), Var.POLICY_REASON_EN))
        .contains("Education offices");
    runJobs(pi);
    assertThat(pi).hasPassed(Element.END_REJECTED).hasNotPassed(Element.REVIEW);
  }

  @Test
  void grantsExceptionAfterRecommendationAndUndersecretaryDecision() {
    validRequest(UnitType.CENTRAL_DEPARTMENT, Platform.X);
    ProcessInstance pi = start();

    assertThat(pi).isWaitingAt(Element.RECOMMEND);
    assertThat(task(pi)).hasCandidateGroup("pr-media");
    complete(task(pi), withVariables(Var.RECOMMENDATION, "approve", Var.RECOMMENDATION_COMMENT, "Needed for exams"));
    assertThat(pi).isWaitingAt(Element.DECIDE_EXCEPTION);
    assertThat(task(pi)).hasCandidateGroup("undersecretary");
    completeAs("undersecretary", pi, withVariables(Var.DECISION, "approve"));

    runJobs(pi);
    assertThat(pi).hasPassed(Element.NOTIFY_APPROVED).isWaitingAt(Element.VERIFY);
    verify(registry).registerApproved(any(), eq("undersecretary"), anyString());
  }

  @Test
  void rejectsExceptionTheUndersecretaryRefuses() {
    validRequest(UnitType.EDUCATION_DEPARTMENT, Platform.FACEBOOK);
    ProcessInstance pi = start();
    complete(task(pi), withVariables(Var.RECOMMENDATION, "reject", Var.RECOMMENDATION_COMMENT, "One channel suffices"));
    complete(task(pi), withVariables(Var.DECISION, "reject", Var.COMMENT, "Use the ministry's channel"));

    runJobs(pi);
    assertThat(pi).hasPassed(Element.END_REJECTED).hasNotPassed(Element.REGISTER);
  }

  @Test
  void undersecretaryCanReturnExceptionRequestForChanges() {
    when(validator.validate(anyMap(), any())).thenReturn(valid(UnitType.CULTURAL_ATTACHE, Platform.X));
    ProcessInstance pi = start();
    complete(task(pi), withVariables(Var.RECOMMENDATION, "approve", Var.RECOMMENDATION_COMMENT, "ok"));
    complete(task(pi), withVariables(Var.DECISION, "return", Var.COMMENT, "Name a second administrator"));

    assertThat(pi).isWaitingAt(Element.CORRECT);
    assertThat(task(pi)).isAssignedTo("requester");
  }

  @Test
  void refusesRecommendationWithoutGrounds() {
    validRequest(UnitType.CENTRAL_DEPARTMENT, Platform.X);
    ProcessInstance pi = start();
    String taskId = task(pi).getId();
    assertThatThrownBy(() -> taskService().complete(taskId, Map.of(Var.RECOMMENDATION, "approve")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Grounds for the recommendation: Give the reason");
  }

  @Test
  void reviewerReturnsRequestForChangesAndSeesItAgain() {
    when(validator.validate(anyMap(), any())).thenReturn(valid(UnitType.SCHOOL, Platform.INSTAGRAM));
    ProcessInstance pi = start();
    complete(task(pi), withVariables(Var.DECISION, "return", Var.COMMENT, "Use the school's official name"));

    assertThat(pi).isWaitingAt(Element.CORRECT);
    complete(task(pi), withVariables(Var.CORRECTION_ACTION, "resubmit"));
    assertThat(pi).isWaitingAt(Element.REVIEW);
  }

  @Test
  void reviewerRejectsWithReasonAndRequesterIsTold() {
    validRequest(UnitType.SCHOOL, Platform.X);
    ProcessInstance pi = start();
    complete(task(pi), withVariables(Var.DECISION, "reject", Var.COMMENT, "  Duplicate of the ministry channel "));

    assertThat(pi).variables().containsEntry(Var.COMMENT, "Duplicate of the ministry channel");
    runJobs(pi);
    assertThat(pi).hasPassed(Element.END_REJECTED);
    verify(mail).send(eq("request-rejected"), eq(List.of(REQUESTER_MAIL)), anyMap(), eq(pi.getId()), any());
  }

  @Test
  void refusesReviewDecisionThatIsNotApproveRejectOrReturn() {
    validRequest(UnitType.SCHOOL, Platform.X);
    ProcessInstance pi = start();
    String taskId = task(pi).getId();

    assertThatThrownBy(() -> taskService().complete(taskId, Map.of(Var.DECISION, "maybe")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("approve, reject or return");
    assertThatThrownBy(() -> taskService().complete(taskId, Map.of(Var.DECISION, "reject")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("reason");
    assertThat(pi).isWaitingAt(Element.REVIEW);
  }

  @Test
  void remindsThenEscalatesAnOverdueReview() {
    validRequest(UnitType.SCHOOL, Platform.X);
    ProcessInstance pi = start();

    fireTimer(pi, Element.REVIEW_REMINDER);
    fireTimer(pi, Element.REVIEW_ESCALATION);

    assertThat(pi).isWaitingAt(Element.REVIEW);
    assertThat(pi).hasPassed("EndEvent_ReviewReminded", "EndEvent_ReviewEscalated");
    verify(mail).send(eq("review-reminder"), eq(List.of("reviewer@moe.example")), anyMap(), eq(pi.getId()), any());
    verify(mail).send(eq("review-escalation"), eq(List.of("us@moe.example")), anyMap(), eq(pi.getId()), any());
  }

  @Test
  void remindsThenEscalatesOverdueRecommendationAndDecision() {
    validRequest(UnitType.AGENCY, Platform.YOUTUBE);
    ProcessInstance pi = start();
    fireTimer(pi, Element.RECOMMEND_REMINDER);
    fireTimer(pi, Element.RECOMMEND_ESCALATION);
    complete(task(pi), withVariables(Var.RECOMMENDATION, "approve", Var.RECOMMENDATION_COMMENT, "ok"));
    fireTimer(pi, Element.DECIDE_REMINDER);
    fireTimer(pi, Element.DECIDE_ESCALATION);

    assertThat(pi).isWaitingAt(Element.DECIDE_EXCEPTION);
    assertThat(pi).hasPassed(
        "EndEvent_RecommendReminded", "EndEvent_RecommendEscalated",
        "EndEvent_DecideReminded", "EndEvent_DecideEscalated");
    verify(mail).send(eq("review-reminder"), eq(List.of("us@moe.example")), anyMap(), eq(pi.getId()), any());
    verify(mail).send(eq("review-escalation"), eq(List.of("reviewer@moe.example")), anyMap(), eq(pi.getId()), any());
  }

  @Test
  void rejectsWhenTheAccountWasRegisteredWhileInReview() {
    validRequest(UnitType.SCHOOL, Platform.X);
    doThrow(new AccountConflictException(account()))
        .when(registry).registerApproved(any(), anyString(), anyString());
    ProcessInstance pi = start();
    complete(task(pi), withVariables(Var.DECISION, "approve"));

    runJobs(pi);
    assertThat(pi).hasPassed(Element.REGISTER_CONFLICT, Element.END_REJECTED)
        .hasNotPassed(Element.SEND_SETUP);
    assertThat(pi).variables().containsEntry(Var.CONFLICT, true);
  }

  @Test
  void keepsTheEmailAsARetriedJobThenAnIncidentWhenMailFails() {
    validRequest(UnitType.SCHOOL, Platform.X);
    doThrow(new IllegalStateException("SMTP down"))
        .when(mail).send(eq("request-approved-manager"), any(), anyMap(), anyString(), any());
    ProcessInstance pi = start();
    complete(task(pi), withVariables(Var.DECISION, "approve"));
    execute(jobAt(pi, Element.REGISTER));

    int attempts = 0;
    while (jobAt(pi, Element.SEND_SETUP).getRetries() > 0) {
      String id = jobAt(pi, Element.SEND_SETUP).getId();
      assertThatThrownBy(() -> managementService().executeJob(id)).hasMessageContaining("SMTP down");
      attempts++;
    }
    // the model's retry cycle: five attempts, then an incident for an operator
    assertThat(attempts).isEqualTo(5);
    assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
    assertThat(pi).isNotEnded();
  }

  @Test
  void refusesToStartForAUnitTheRequesterDoesNotBelongTo() {
    when(validator.validate(anyMap(), any())).thenThrow(new NotPermittedException("not your unit"));
    assertThatThrownBy(this::start).isInstanceOf(AuthorizationException.class).hasMessageContaining("not your unit");
    assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
  }

  // --- helpers

  private ProcessInstance start() {
    ProcessEngine processEngine = engine.getProcessEngine();
    processEngine.getIdentityService().setAuthenticatedUserId("requester");
    try {
      Map<String, Object> vars = new HashMap<>();
      vars.put(Var.UNIT_CODE, "SCH-1");
      vars.put(Var.PLATFORM, "X");
      vars.put(Var.ACCOUNT_URL, "https://x.com/school_one");
      vars.put(Var.PURPOSE, "News of the school for parents");
      vars.put(Var.MANAGER_NAME, "Khaled");
      vars.put(Var.MANAGER_EMAIL, MANAGER);
      vars.put(Var.SECONDARY_CONTACT_EMAIL, "second@moe.example");
      return runtimeService().startProcessInstanceByKey(AccountCreation.PROCESS_KEY, vars);
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
  }

  private static ProcessInstance calledProcessInstance(ProcessInstance pi) {
    return runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
  }

  /** Walks the (inert) verification to its end so the request can end. */
  private static void finishVerification(ProcessInstance verification) {
    complete(task(verification), withVariables("sendBacksLeft", true, "managerEmail", MANAGER));
    complete(task(verification), withVariables("verification", "pass"));
    runJobs(verification);
    assertThat(verification).isEnded();
  }

  private void completeAs(String user, ProcessInstance pi, Map<String, Object> variables) {
    engine.getProcessEngine().getIdentityService().setAuthenticatedUserId(user);
    try {
      complete(task(pi), variables);
    } finally {
      engine.getProcessEngine().getIdentityService().clearAuthentication();
    }
  }

  private void validRequest(UnitType type, Platform platform) {
    when(validator.validate(anyMap(), any())).thenReturn(valid(type, platform));
  }

  private static RequestValidation valid(UnitType type, Platform platform) {
    String handle = "unit_one";
    return new RequestValidation(
        new ValidatedRequest(
            new Unit("SCH-1", type, "وحدة", "Unit one", "OFF-1", null),
            new CanonicalAccount(platform, handle, "https://example.test/" + platform + "/" + handle),
            "News of the school for parents",
            "Khaled",
            MANAGER,
            "second@moe.example"),
        List.of());
  }

  private static Account account() {
    OffsetDateTime now = OffsetDateTime.now();
    return new Account(7, "SCH-1", Platform.X, "unit_one", "https://x.com/unit_one", null,
        AccountStatus.ACTIVE, true, null, null, null, null, null, null, now, now, now, null, now, now);
  }

  private static Job jobAt(ProcessInstance pi, String activityId) {
    return managementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
  }


}
