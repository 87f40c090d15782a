package org.officialaccounts.verification;

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
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.officialaccounts.verification.AccountVerification.Element;
import static org.officialaccounts.verification.AccountVerification.Var;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.officialaccounts.notification.Directory;
import org.officialaccounts.notification.MailService;
import org.officialaccounts.notification.SendMailDelegate;
import org.officialaccounts.registry.Account;
import org.officialaccounts.registry.AccountRepository;
import org.officialaccounts.registry.AccountStatus;
import org.officialaccounts.registry.AccountUrlCanonicalizer;
import org.officialaccounts.registry.CanonicalAccount;
import org.officialaccounts.registry.Platform;
import org.officialaccounts.registry.RegistryService;
import org.officialaccounts.registry.SetUp;
import org.officialaccounts.registry.Unit;
import org.officialaccounts.registry.UnitRepository;
import org.officialaccounts.registry.UnitType;
import org.officialaccounts.request.FieldError;
import org.officialaccounts.verification.adapter.AcceptRegularisationDelegate;
import org.officialaccounts.verification.adapter.ActivateAccountDelegate;
import org.officialaccounts.verification.adapter.ExpireAccountDelegate;
import org.officialaccounts.verification.adapter.LoadAccountDelegate;
import org.officialaccounts.verification.adapter.RecordSetUpDelegate;
import org.officialaccounts.verification.adapter.SetUpListener;
import org.officialaccounts.verification.adapter.StalledDecisionListener;
import org.officialaccounts.verification.adapter.VerificationDecisionListener;

/** Every path of AccountVerificationProcess: real model and delegates, mocked registry and mail. */
@Deployment(
    resources = {
      "bpmn/AccountVerificationProcess.bpmn",
      "forms/set-up-account.form",
      "forms/verify-account.form",
      "forms/decide-stalled-verification.form"
    })
class AccountVerificationProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder("process-test.camunda.cfg.xml")
          .assertClassCoverageAtLeast(1.0)
          .build();

  static final long ACCOUNT = 7L;
  static final String MANAGER = "huda@moe.example";

  RegistryService registry = mock(RegistryService.class);
  AccountRepository accounts = mock(AccountRepository.class);
  UnitRepository units = mock(UnitRepository.class);
  GuideVersionRepository guides = mock(GuideVersionRepository.class);
  Directory directory = mock(Directory.class);
  MailService mail = mock(MailService.class);
  SetUpValidator validator = mock(SetUpValidator.class);
  VerificationSettings settings = new VerificationSettings();

  @BeforeEach
  void registerDelegates() {
    settings.setMaxSendBacks(2);
    Mocks.register("verificationSettings", settings);
    Mocks.register("loadAccountDelegate", new LoadAccountDelegate(accounts, units, guides, settings, directory));
    Mocks.register("acceptRegularisationDelegate", new AcceptRegularisationDelegate(registry));
    Mocks.register("setUpListener", new SetUpListener(validator));
    Mocks.register("recordSetUpDelegate", new RecordSetUpDelegate(registry, new AccountUrlCanonicalizer()));
    Mocks.register("verificationDecisionListener", new VerificationDecisionListener());
    Mocks.register("stalledDecisionListener", new StalledDecisionListener());
    Mocks.register("activateAccountDelegate", new ActivateAccountDelegate(registry, settings));
    Mocks.register("expireAccountDelegate", new ExpireAccountDelegate(registry));
    Mocks.register("sendMailDelegate", new SendMailDelegate(mail, directory, units));
    Mocks.register("taskRouting", new org.officialaccounts.registry.adapter.TaskRouting(units));

    OffsetDateTime now = OffsetDateTime.now();
    when(accounts.find(ACCOUNT)).thenReturn(Optional.of(new Account(ACCOUNT, "SCH-1", Platform.X, "school_one",
        "https://x.com/school_one", null, AccountStatus.APPROVED, false, "Huda", MANAGER, "sara@moe.example",
        "News", null, null, now, now, null, null, now, now)));
    when(units.find("SCH-1")).thenReturn(Optional.of(new Unit("SCH-1", UnitType.SCHOOL, "مدرسة", "School", "OFF-1", null)));
    when(units.nearestCoordinators("SCH-1")).thenReturn(List.of("requester"));
    when(guides.inForce()).thenReturn(Optional.of(new GuideVersion("1.0", LocalDate.of(2026, 1, 1), "First edition", null)));
    when(directory.userIdByEmail(MANAGER)).thenReturn(Optional.of("manager"));
    when(directory.emailOf("requester")).thenReturn(Optional.of("requester@moe.example"));
    when(directory.emailsOfGroup("undersecretary")).thenReturn(List.of("us@moe.example"));
    when(registry.verify(eq(ACCOUNT), any(), anyString(), anyString())).thenReturn(LocalDate.of(2027, 5, 22));
    when(validator.validate(anyLong(), anyString(), any(), anyString(), anyMap())).thenReturn(
        new SetUpValidator.Result(new SetUp(new CanonicalAccount(Platform.X, "school_one", "https://x.com/school_one"),
            true, "it@moe.edu.kw", List.of("Huda", "Sara"), "1.0"), List.of()));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void managerSetsUpPrAndMediaVerifyAndTheAccountBecomesOfficial() {
    ProcessInstance pi = start();

    assertThat(pi).isWaitingAt(Element.SET_UP);
    assertThat(task(pi)).isAssignedTo("manager");
    assertThat(pi).variables().containsEntry(Var.GUIDE_VERSION, "1.0").containsEntry("canonicalUrl", "https://x.com/school_one");
    completeSetUp(pi);
    verify(registry).recordSetUp(eq(ACCOUNT), any(), eq("manager"), eq(pi.getId()));

    assertThat(pi).isWaitingAt(Element.VERIFY);
    assertThat(task(pi)).hasCandidateGroup("pr-media");
    complete(task(pi), withVariables(Var.VERIFICATION, "pass"));
    runJobs(pi);

    assertThat(pi).hasPassedInOrder(Element.ACTIVATE, Element.SEND_VERIFIED, Element.END_VERIFIED).isEnded();
    assertThat(pi).variables().containsEntry(Var.NEXT_REVIEW_DUE, "2027-05-22").containsEntry(Var.VERIFICATION_OUTCOME, "VERIFIED");
    verify(mail).send(eq("account-verified"), eq(List.of(MANAGER, "requester@moe.example")), anyMap(), eq(pi.getId()), eq(ACCOUNT));
  }

  @Test
  void sendsTheSetUpBackWithRemarksAndVerifiesTheCorrection() {
    ProcessInstance pi = start();
    completeSetUp(pi);
    complete(task(pi), withVariables(Var.VERIFICATION, "sendBack", Var.REMARKS, "Use the ministry's bio"));
    runJobs(pi);

    assertThat(pi).hasPassed(Element.NOTIFY_SENT_BACK).isWaitingAt(Element.SET_UP);
    assertThat(pi).variables().containsEntry(Var.SEND_BACK_COUNT, 1).containsEntry(Var.REMARKS, "Use the ministry's bio");
    verify(mail).send(eq("verification-sent-back"), eq(List.of(MANAGER)), anyMap(), eq(pi.getId()), eq(ACCOUNT));
    completeSetUp(pi);
    complete(task(pi), withVariables(Var.VERIFICATION, "pass"));
    runJobs(pi);
    assertThat(pi).hasPassed(Element.END_VERIFIED);
  }

  @Test
  void escalatesToTheUndersecretaryAfterTooManySendBacksWhoMayAllowAnotherRound() {
    ProcessInstance pi = start();
    sendBackTwice(pi);

    assertThat(pi).hasPassed(Element.NOTIFY_STALLED).isWaitingAt(Element.DECIDE_STALLED);
    assertThat(task(pi)).hasCandidateGroup("undersecretary");
    verify(mail).send(eq("verification-stalled"), eq(List.of("us@moe.example")), anyMap(), eq(pi.getId()), eq(ACCOUNT));
    complete(task(pi), withVariables(Var.STALLED_DECISION, "extend", Var.COMMENT, "Last chance"));
    runJobs(pi);

    assertThat(pi).isWaitingAt(Element.SET_UP);
    assertThat(pi).variables().containsEntry(Var.SEND_BACK_COUNT, 0);
  }

  @Test
  void theUndersecretaryMayLetTheApprovalLapse() {
    ProcessInstance pi = start();
    sendBackTwice(pi);
    complete(task(pi), withVariables(Var.STALLED_DECISION, "expire"));
    runJobs(pi);

    assertThat(pi).hasPassedInOrder(Element.EXPIRE, Element.NOTIFY_EXPIRED, Element.END_EXPIRED).isEnded();
    verify(registry).changeStatus(eq(ACCOUNT), eq(AccountStatus.APPROVED), eq(AccountStatus.EXPIRED),
        eq("undersecretary"), anyString(), eq(pi.getId()));
    verify(mail).send(eq("account-expired"), eq(List.of(MANAGER, "requester@moe.example")), anyMap(), eq(pi.getId()), eq(ACCOUNT));
  }

  @Test
  void remindsTheManagerEscalatesToTheCoordinatorThenLetsTheApprovalLapse() {
    ProcessInstance pi = start();
    fireTimer(pi, Element.SETUP_REMINDER);
    fireTimer(pi, Element.SETUP_ESCALATION);
    assertThat(pi).isWaitingAt(Element.SET_UP);
    verify(mail).send(eq("setup-reminder"), eq(List.of(MANAGER)), anyMap(), eq(pi.getId()), eq(ACCOUNT));
    verify(mail).send(eq("setup-escalation"), eq(List.of(MANAGER, "requester@moe.example")), anyMap(), eq(pi.getId()), eq(ACCOUNT));

    fireTimer(pi, Element.SETUP_DEADLINE);
    assertThat(pi).hasPassed(Element.END_EXPIRED).hasNotPassed(Element.VERIFY).isEnded();
    verify(registry).changeStatus(eq(ACCOUNT), eq(AccountStatus.APPROVED), eq(AccountStatus.EXPIRED),
        eq("system"), eq("Set-up not completed by the deadline"), eq(pi.getId()));
  }

  @Test
  void regularisesAnAccountFoundUnregistered() {
    ProcessInstance pi = runtimeService().createMessageCorrelation(AccountVerification.REGULARISATION_MESSAGE)
        .setVariable(Var.ACCOUNT_ID, ACCOUNT).setVariable("initiator", "requester").correlateStartMessage();

    assertThat(pi).hasPassed(Element.ACCEPT_REGULARISATION).isWaitingAt(Element.SET_UP);
    verify(registry).changeStatus(eq(ACCOUNT), eq(AccountStatus.UNREGISTERED), eq(AccountStatus.APPROVED),
        eq("requester"), anyString(), eq(pi.getId()));
  }

  @Test
  void refusesASetUpThatDoesNotMeetTheGuide() {
    when(validator.validate(anyLong(), anyString(), any(), anyString(), anyMap())).thenReturn(
        new SetUpValidator.Result(null, List.of(new FieldError(Var.TWO_FACTOR, "Turn on two-factor authentication first", "فعّل"))));
    ProcessInstance pi = start();
    String id = task(pi).getId();

    assertThatThrownBy(() -> taskService().complete(id, Map.of(Var.TWO_FACTOR, false)))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Two-factor authentication");
    assertThat(pi).isWaitingAt(Element.SET_UP);
    verify(registry, never()).recordSetUp(anyLong(), any(), anyString(), anyString());
  }

  @Test
  void refusesASendBackWithoutRemarksAndAnUnknownStalledDecision() {
    ProcessInstance pi = start();
    completeSetUp(pi);
    String verifyTask = task(pi).getId();
    assertThatThrownBy(() -> taskService().complete(verifyTask, Map.of(Var.VERIFICATION, "sendBack")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Remarks");
    assertThatThrownBy(() -> taskService().complete(verifyTask, Map.of(Var.VERIFICATION, "maybe")))
        .isInstanceOf(FormFieldValidationException.class);

    complete(task(pi), withVariables(Var.VERIFICATION, "sendBack", Var.REMARKS, "1"));
    runJobs(pi);
    completeSetUp(pi);
    complete(task(pi), withVariables(Var.VERIFICATION, "sendBack", Var.REMARKS, "2"));
    runJobs(pi);
    String stalled = task(pi).getId();
    assertThatThrownBy(() -> taskService().complete(stalled, Map.of(Var.STALLED_DECISION, "later")))
        .isInstanceOf(FormFieldValidationException.class);
  }

  private ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey(AccountVerification.PROCESS_KEY,
        Map.of(Var.ACCOUNT_ID, ACCOUNT, "initiator", "requester"));
  }

  private static void completeSetUp(ProcessInstance pi) {
    complete(task(pi), withVariables(Var.FINAL_URL, "https://twitter.com/School_One", Var.TWO_FACTOR, true,
        Var.RECOVERY_EMAIL, "it@moe.edu.kw", Var.ADMINISTRATORS, "Huda\nSara", Var.VISUAL_IDENTITY, true,
        Var.GUIDE_ACKNOWLEDGED, true));
  }

  private static void sendBackTwice(ProcessInstance pi) {
    for (int round = 1; round <= 2; round++) {
      completeSetUp(pi);
      complete(task(pi), withVariables(Var.VERIFICATION, "sendBack", Var.REMARKS, "Round " + round));
      runJobs(pi);
    }
  }


}
