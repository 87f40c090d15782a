package org.officialaccounts.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.officialaccounts.guide.GuidePublication.Element;
import static org.officialaccounts.guide.GuidePublication.Var;
import static org.officialaccounts.support.ProcessJobs.runJobs;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.officialaccounts.guide.adapter.AskManagersDelegate;
import org.officialaccounts.guide.adapter.PublishVersionDelegate;
import org.officialaccounts.verification.GuideVersion;

/**
 * Every path of GuidePublicationProcess: real model and delegates, mocked guide service. The
 * acknowledgement instances it starts are real, and stop before their first step.
 */
@Deployment(resources = {"bpmn/GuidePublicationProcess.bpmn", "bpmn/GuideAcknowledgementProcess.bpmn"})
class GuidePublicationProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder("process-test.camunda.cfg.xml")
          .assertClassCoverageAtLeast(1.0)
          // Started here, covered by GuideAcknowledgementProcessTest.
          .excludeProcessDefinitionKeys(GuideAcknowledgement.PROCESS_KEY)
          .build();

  static final GuideVersion GUIDE =
      new GuideVersion("2.0", LocalDate.of(2027, 1, 1), "Second edition: replies and live video", "https://moe.example/guide-2.0.pdf");

  GuideService guides = mock(GuideService.class);
  GuideSettings settings = new GuideSettings();

  @BeforeEach
  void registerDelegates() {
    settings.setLaunchChunkSize(2);
    Mocks.register("publishVersionDelegate", new PublishVersionDelegate(guides, new GuideVersionRules()));
    Mocks.register("askManagersDelegate", new AskManagersDelegate(guides, settings));
    when(guides.requestAcknowledgements(any(), anyString())).thenReturn(3L);
    when(guides.markAsked(anyString(), anyString(), anyString())).thenReturn(true);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void asksEveryManagerOnceInChunksOfTheConfiguredSize() {
    when(guides.notYetAsked("2.0", 2)).thenReturn(List.of("a@moe.example", "b@moe.example"), List.of("c@moe.example"));
    when(guides.countNotYetAsked("2.0")).thenReturn(1L, 0L);

    ProcessInstance pi = start();

    verify(guides).requestAcknowledgements(GUIDE, "reviewer");
    assertThat(pi).hasPassed(Element.PUBLISH).isWaitingAt(Element.ASK_MANAGERS);
    assertThat(pi).variables().containsEntry(Var.MANAGERS_REQUESTED, 3L);
    runJobs(pi);

    assertThat(pi).hasPassedInOrder(Element.ASK_MANAGERS, Element.MANAGERS_LEFT, Element.ASK_MANAGERS, Element.END)
        .isEnded();
    assertThat(pi).variables().containsEntry(Var.MANAGERS_ASKED, 3L).containsEntry(Var.MANAGERS_LEFT, false);
    List<ProcessInstance> asked = acknowledgements();
    assertThat(asked).extracting(ProcessInstance::getBusinessKey)
        .containsExactlyInAnyOrder("guide:2.0:a@moe.example", "guide:2.0:b@moe.example", "guide:2.0:c@moe.example");
    for (ProcessInstance acknowledgement : asked) {
      String email = acknowledgement.getBusinessKey().substring("guide:2.0:".length());
      verify(guides).markAsked("2.0", email, acknowledgement.getId());
      assertThat(acknowledgement).isWaitingAt(GuideAcknowledgement.Element.FIND_MANAGER);
      assertThat(runtimeService().getVariables(acknowledgement.getId())).containsAllEntriesOf(Map.of(
          GuideAcknowledgement.Var.MANAGER_EMAIL, email,
          GuideAcknowledgement.Var.GUIDE_VERSION, "2.0",
          GuideAcknowledgement.Var.EFFECTIVE_DATE, "2027-01-01",
          GuideAcknowledgement.Var.GUIDE_SUMMARY, GUIDE.summary(),
          GuideAcknowledgement.Var.GUIDE_LINK, GUIDE.link()));
    }
  }

  @Test
  void aManagerAskedByAnotherRunFailsTheChunkAndNothingOfItIsKept() {
    when(guides.notYetAsked("2.0", 2)).thenReturn(List.of("a@moe.example", "b@moe.example"), List.of());
    when(guides.markAsked(eq("2.0"), eq("b@moe.example"), anyString())).thenReturn(false);

    ProcessInstance pi = start();
    Job chunk = jobQuery().processInstanceId(pi.getId()).singleResult();
    assertThatThrownBy(() -> execute(chunk)).hasMessageContaining("b@moe.example is already being asked");

    // The instance started for a@ in the same transaction is gone with it.
    assertThat(acknowledgements()).isEmpty();
    assertThat(pi).isWaitingAt(Element.ASK_MANAGERS);
    assertThat(jobQuery().processInstanceId(pi.getId()).singleResult().getRetries()).isEqualTo(4);

    // Retried once the other run has asked everyone: nobody is left, nobody is asked again.
    execute(jobQuery().processInstanceId(pi.getId()).singleResult());
    assertThat(pi).hasPassed(Element.END).isEnded();
    assertThat(acknowledgements()).isEmpty();
    verify(guides, never()).countNotYetAsked(anyString());
  }

  @Test
  void aVersionWithoutManagersToAskEndsAtOnce() {
    when(guides.notYetAsked(anyString(), anyInt())).thenReturn(List.of());

    ProcessInstance pi = start();
    runJobs(pi);

    assertThat(pi).hasPassed(Element.ASK_MANAGERS, Element.END).isEnded();
    assertThat(pi).variables().containsEntry(Var.MANAGERS_ASKED, 0L);
    assertThat(acknowledgements()).isEmpty();
  }

  private static ProcessInstance start() {
    Map<String, Object> vars = new java.util.HashMap<>();
    vars.put(Var.GUIDE_VERSION, GUIDE.version());
    vars.put(Var.EFFECTIVE_DATE, GUIDE.effectiveDate().toString());
    vars.put(Var.GUIDE_SUMMARY, GUIDE.summary());
    vars.put(Var.GUIDE_LINK, GUIDE.link());
    vars.put(Var.PUBLISHED_BY, "reviewer");
    return runtimeService().startProcessInstanceByKey(GuidePublication.PROCESS_KEY, GuidePublication.businessKey("2.0"), vars);
  }

  private static List<ProcessInstance> acknowledgements() {
    return runtimeService().createProcessInstanceQuery().processDefinitionKey(GuideAcknowledgement.PROCESS_KEY).list();
  }
}
