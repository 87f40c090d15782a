package org.officialaccounts.guide;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.officialaccounts.guide.GuideAcknowledgement.Element;
import static org.officialaccounts.guide.GuideAcknowledgement.Var;
import static org.officialaccounts.support.ProcessJobs.fireTimer;
import static org.officialaccounts.support.ProcessJobs.runJobs;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.officialaccounts.guide.adapter.AcknowledgementListener;
import org.officialaccounts.guide.adapter.FindManagerDelegate;
import org.officialaccounts.guide.adapter.RecordAcknowledgementDelegate;
import org.officialaccounts.guide.adapter.RecordNotAcknowledgedDelegate;
import org.officialaccounts.notification.Directory;
import org.officialaccounts.notification.MailService;
import org.officialaccounts.notification.SendMailDelegate;
import org.officialaccounts.registry.AccountStatus;
import org.officialaccounts.registry.UnitRepository;
import org.officialaccounts.registry.adapter.TaskRouting;

/** Every path of GuideAcknowledgementProcess: real model, form and delegates, mocked guide service and mail. */
@Deployment(resources = {"bpmn/GuideAcknowledgementProcess.bpmn", "forms/acknowledge-guide.form"})
class GuideAcknowledgementProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder("process-test.camunda.cfg.xml")
          .assertClassCoverageAtLeast(1.0)
          .build();

  static final String MANAGER = "huda@moe.example";
  static final List<ManagedAccount> ACCOUNTS = List.of(
      new ManagedAccount(11L, "SCH-1", "https://x.com/school_one", AccountStatus.ACTIVE, "Huda"),
      new ManagedAccount(12L, "SCH-1", "https://www.instagram.com/school_one", AccountStatus.UNDER_REVIEW, "Huda"));

  GuideService guides = mock(GuideService.class);
  UnitRepository units = mock(UnitRepository.class);
  Directory directory = mock(Directory.class);
  MailService mail = mock(MailService.class);

  @BeforeEach
  void registerDelegates() {
    Mocks.register("guideSettings", new GuideSettings());
    Mocks.register("taskRouting", new TaskRouting(units));
    Mocks.register("findManagerDelegate", new FindManagerDelegate(guides));
    Mocks.register("guideAcknowledgementListener", new AcknowledgementListener());
    Mocks.register("recordAcknowledgementDelegate", new RecordAcknowledgementDelegate(guides));
    Mocks.register("recordNotAcknowledgedDelegate", new RecordNotAcknowledgedDelegate(guides));
    Mocks.register("sendMailDelegate", new SendMailDelegate(mail, directory, units));

    when(guides.manager(MANAGER)).thenReturn(new GuideService.Manager(MANAGER, "Huda", "huda", "SCH-1", ACCOUNTS));
    when(guides.deadlineFromNow()).thenReturn("2027-01-31");
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void theManagerAcknowledgesAndTheirAccountsFollowTheVersion() {
    ProcessInstance pi = start();
    assertThat(pi).isWaitingAt(Element.FIND_MANAGER);
    runJobs(pi);

    assertThat(pi).hasPassed(Element.SEND_REQUEST, Element.END_ASKED).isWaitingAt(Element.ACKNOWLEDGE);
    verify(mail).send(eq("guide-acknowledgement"), eq(List.of(MANAGER)), anyMap(), eq(pi.getId()), isNull());
    assertThat(task(pi)).hasName("Acknowledge governance guide").isAssignedTo("huda");
    assertThat(pi).variables()
        .containsEntry(Var.MANAGER_USER_ID, "huda")
        .containsEntry(Var.MANAGER_NAME, "Huda")
        .containsEntry(Var.DEADLINE, "2027-01-31")
        .containsEntry(Var.MANAGED_ACCOUNTS, "https://x.com/school_one (SCH-1)\nhttps://www.instagram.com/school_one (SCH-1)");

    complete(task(pi), withVariables(Var.ACKNOWLEDGED, true));
    assertThat(pi).isWaitingAt(Element.RECORD_ACKNOWLEDGEMENT);
    runJobs(pi);

    verify(guides).acknowledge("2.0", MANAGER, "huda", pi.getId());
    verify(guides, never()).recordNotAcknowledged(anyString(), anyString(), anyString());
    assertThat(pi).hasPassed(Element.END_ACKNOWLEDGED).isEnded();
    assertThat(pi).variables().containsEntry(Var.OUTCOME, GuideAcknowledgement.Value.ACKNOWLEDGED);
  }

  @Test
  void refusesToCompleteWithoutTheAcknowledgementWhoeverSubmitsIt() {
    ProcessInstance pi = start();
    runJobs(pi);
    String taskId = task(pi).getId();

    assertThatThrownBy(() -> taskService().complete(taskId, Map.of(Var.ACKNOWLEDGED, false)))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Acknowledgement").hasMessageContaining("version 2.0");
    assertThatThrownBy(() -> taskService().complete(taskId, Map.of(Var.ACKNOWLEDGED, "yes")))
        .isInstanceOf(FormFieldValidationException.class);
    assertThatThrownBy(() -> taskService().complete(taskId))
        .isInstanceOf(FormFieldValidationException.class);

    assertThat(pi).isWaitingAt(Element.ACKNOWLEDGE);
    verify(guides, never()).acknowledge(anyString(), anyString(), anyString(), anyString());
  }

  @Test
  void noAcknowledgementByTheDeadlineIsAFindingOnEveryAccountOfTheManager() {
    ProcessInstance pi = start();
    runJobs(pi);

    fireTimer(pi, Element.REMINDER);
    verify(mail).send(eq("guide-acknowledgement-reminder"), eq(List.of(MANAGER)), anyMap(), eq(pi.getId()), isNull());
    assertThat(pi).hasPassed(Element.END_REMINDED).isWaitingAt(Element.ACKNOWLEDGE);

    fireTimer(pi, Element.DEADLINE);
    verify(guides).recordNotAcknowledged("2.0", MANAGER, pi.getId());
    verify(guides, never()).acknowledge(anyString(), anyString(), anyString(), anyString());
    assertThat(pi).hasPassed(Element.RECORD_NOT_ACKNOWLEDGED, Element.END_NOT_ACKNOWLEDGED).isEnded();
    assertThat(pi).variables().containsEntry(Var.OUTCOME, GuideAcknowledgement.Value.NOT_ACKNOWLEDGED);
  }

  @Test
  void aManagerWhoIsNotAUserIsStoodInForByTheCoordinatorsOfTheirUnit() {
    when(guides.manager(MANAGER)).thenReturn(new GuideService.Manager(MANAGER, "Huda", null, "SCH-1", ACCOUNTS));
    when(units.nearestCoordinators("SCH-1")).thenReturn(List.of("requester"));

    ProcessInstance pi = start();
    runJobs(pi);

    assertThat(task(pi)).isNotAssigned().hasCandidateUser("requester");
    verify(mail).send(eq("guide-acknowledgement"), eq(List.of(MANAGER)), anyMap(), eq(pi.getId()), isNull());
    complete(task(pi), withVariables(Var.ACKNOWLEDGED, true));
    runJobs(pi);
    // Completed through the Java API without a login: the record says so.
    verify(guides).acknowledge("2.0", MANAGER, "system", pi.getId());
  }

  @Test
  void withNoUserAndNoCoordinatorPrAndMediaAreOfferedTheTask() {
    when(guides.manager(MANAGER)).thenReturn(new GuideService.Manager(MANAGER, null, null, "SCH-1", ACCOUNTS));
    when(units.nearestCoordinators(any())).thenReturn(List.of());

    ProcessInstance pi = start();
    runJobs(pi);

    assertThat(task(pi)).isNotAssigned().hasCandidateGroup("pr-media");
  }

  private static ProcessInstance start() {
    Map<String, Object> vars = new java.util.HashMap<>();
    vars.put(Var.GUIDE_VERSION, "2.0");
    vars.put(Var.EFFECTIVE_DATE, "2027-01-01");
    vars.put(Var.GUIDE_SUMMARY, "Second edition: replies and live video");
    vars.put(Var.GUIDE_LINK, null);
    vars.put(Var.MANAGER_EMAIL, MANAGER);
    return runtimeService().startProcessInstanceByKey(GuideAcknowledgement.PROCESS_KEY,
        GuideAcknowledgement.businessKey("2.0", MANAGER), vars);
  }
}
