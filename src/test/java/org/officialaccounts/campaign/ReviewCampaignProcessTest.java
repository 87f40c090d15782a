package org.officialaccounts.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.officialaccounts.support.ProcessJobs.runJobs;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.officialaccounts.campaign.CampaignRepository.Pending;
import org.officialaccounts.campaign.ReviewCampaign.Element;
import org.officialaccounts.campaign.ReviewCampaign.Var;
import org.officialaccounts.campaign.adapter.CampaignStartListener;
import org.officialaccounts.campaign.adapter.OpenChunkDelegate;
import org.officialaccounts.campaign.adapter.RegisterCampaignDelegate;
import org.officialaccounts.campaign.adapter.SelectAccountsDelegate;
import org.officialaccounts.campaign.adapter.SendCampaignReportDelegate;
import org.officialaccounts.campaign.adapter.UpdateProgressDelegate;
import org.officialaccounts.notification.Directory;
import org.officialaccounts.notification.MailService;
import org.officialaccounts.registry.AccountStatus;
import org.officialaccounts.registry.Unit;
import org.officialaccounts.registry.UnitRepository;
import org.officialaccounts.registry.UnitTree;
import org.officialaccounts.registry.UnitType;

/** Every path of ReviewCampaignProcess: real model, delegates and campaign rules; mocked ledger and mail. */
@Deployment(resources = {"bpmn/ReviewCampaignProcess.bpmn", "bpmn/ReviewCampaignSchedule.bpmn", "forms/start-campaign.form"})
class ReviewCampaignProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder("process-test.camunda.cfg.xml")
          .assertClassCoverageAtLeast(1.0)
          .build();

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);

  CampaignRepository ledger = mock(CampaignRepository.class);
  UnitRepository units = mock(UnitRepository.class);
  MailService mail = mock(MailService.class);
  Directory directory = mock(Directory.class);
  CampaignSettings settings = new CampaignSettings();
  CampaignService campaigns = new CampaignService(ledger, units, settings, CLOCK);
  List<String> started = new ArrayList<>();

  @BeforeEach
  void registerDelegates() {
    settings.setChunkSize(2);
    settings.setPartitions(2);
    Mocks.register("campaignSettings", settings);
    Mocks.register("campaignStartListener", new CampaignStartListener(campaigns));
    Mocks.register("registerCampaignDelegate", new RegisterCampaignDelegate(campaigns));
    Mocks.register("selectAccountsDelegate", new SelectAccountsDelegate(campaigns));
    Mocks.register("openChunkDelegate", new OpenChunkDelegate(campaigns, (account, campaign) -> {
      started.add(campaign + ":" + account);
      return "review-" + account;
    }));
    Mocks.register("holdPreChecksDelegate", (JavaDelegate) execution -> started.add("hold"));
    Mocks.register("releasePreChecksDelegate", (JavaDelegate) execution -> started.add("release"));
    Mocks.register("updateProgressDelegate", new UpdateProgressDelegate(campaigns));
    Mocks.register("sendCampaignReportDelegate", new SendCampaignReportDelegate(ledger, mail, directory, CLOCK));

    when(units.find("ED-CAP")).thenReturn(Optional.of(new Unit("ED-CAP", UnitType.EDUCATION_DEPARTMENT, "إدارة", "Dept", "MOE", null)));
    when(ledger.insert(any())).thenReturn(true);
    // Every ACTIVE account is still ACTIVE when its chunk takes it.
    when(ledger.takeForReview(anyList(), any())).thenAnswer(call -> call.getArgument(0));
    when(directory.emailsOfGroup("pr-media")).thenReturn(List.of("reviewer@moe.example"));
    when(directory.emailsOfGroup("undersecretary")).thenReturn(List.of("undersecretary@moe.example"));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void opensEveryPartitionInChunksFollowsProgressAndReports() {
    Map<String, Object> form = new HashMap<>();
    form.put(Var.CAMPAIGN_NAME, "Q4 review");
    form.put(Var.SCOPE, "unit");
    form.put(Var.UNIT_CODE, "ED-CAP");
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(ReviewCampaign.PROCESS_KEY, form);
    String id = "RC-20261123-" + pi.getId();
    Campaign campaign = new Campaign(id, "Q4 review", new CampaignScope(CampaignScope.Kind.UNIT, "ED-CAP", null, null),
        "system", OffsetDateTime.now(CLOCK), OffsetDateTime.now(CLOCK).plusDays(45), pi.getId(), null, null);
    when(ledger.find(id)).thenReturn(Optional.of(campaign));
    when(units.subtreeCodes("ED-CAP")).thenReturn(List.of("ED-CAP", "SCH-1"));
    Map<String, String> parents = new HashMap<>();
    parents.put("MOE", null);
    parents.put("ED-CAP", "MOE");
    parents.put("SCH-1", "ED-CAP");
    when(units.tree()).thenReturn(new UnitTree(parents, Map.of()));
    when(ledger.reviewable(isNull(), isNull())).thenReturn(List.of(
        new String[] {"1", "SCH-1", "X"}, new String[] {"2", "SCH-1", "INSTAGRAM"}, new String[] {"3", "SCH-1", "X"},
        new String[] {"4", "OTHER", "X"}));
    // Partition 1 (odd ids): a full chunk, then an empty one. Partition 0: one active, one closed since.
    when(ledger.nextPending(id, 1, 2, 2)).thenReturn(
        List.of(new Pending(1, AccountStatus.ACTIVE), new Pending(3, AccountStatus.ACTIVE)), List.of());
    when(ledger.nextPending(id, 0, 2, 2)).thenReturn(List.of(new Pending(2, AccountStatus.CLOSED)));
    when(ledger.progress(id)).thenReturn(
        new CampaignProgress(3, 2, 1, 2, 0, 0, 0, 0, 0, 0, 0, 1, 0),
        new CampaignProgress(3, 2, 1, 0, 0, 0, 1, 0, 0, 1, 1, 3, 0));

    assertThat(pi).hasBusinessKey(id).isWaitingAt(Element.SELECT);
    runJobs(pi);

    verify(ledger).insertLedger(eq(id), eq(List.of(
        new CampaignRepository.InScope(1, "ED-CAP", "X"), new CampaignRepository.InScope(2, "ED-CAP", "INSTAGRAM"),
        new CampaignRepository.InScope(3, "ED-CAP", "X"))));
    // The reviews' pre-checks are held from before the first review opens until after the last.
    assertThat(started).hasSize(4).startsWith("hold").endsWith("release")
        .containsExactlyInAnyOrder("hold", id + ":1", id + ":3", "release");
    verify(ledger).markSkipped(eq(id), eq(2L), eq(AccountStatus.CLOSED), any());
    verify(ledger, times(3)).markOpened(eq(id), anyList(), any());
    assertThat(pi).isWaitingAt(Element.WAIT);
    assertThat(pi).variables().containsEntry("progressOpened", 2L).containsEntry("progressSkipped", 1L)
        .containsEntry(Var.DONE, false);

    Job timer = managementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    execute(timer);
    assertThat(pi).isWaitingAt(Element.REPORT);
    runJobs(pi);

    verify(mail).send(eq("campaign-report"), eq(List.of("reviewer@moe.example", "undersecretary@moe.example")),
        anyMap(), eq(pi.getId()), isNull());
    verify(ledger).markReported(eq(id), any());
    assertThat(pi).hasPassed(Element.UPDATE_PROGRESS, Element.REPORT).isEnded();
    // The end listener releases once more: nothing stays held whichever way a campaign ends.
    assertThat(started).last().isEqualTo("release");
    assertThat(started).filteredOn("release"::equals).hasSize(2);
    assertThat(pi).variables().containsEntry("progressCompliant", 1L).containsEntry("progressNoResponse", 1L);
  }

  @Test
  void aStartFormWithoutAWellFormedScopeIsRefusedNamingEachField() {
    Map<String, Object> form = new HashMap<>();
    form.put(Var.CAMPAIGN_NAME, " ");
    form.put(Var.SCOPE, "platform");
    form.put(Var.PLATFORM, "MYSPACE");
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(ReviewCampaign.PROCESS_KEY, form))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Campaign name")
        .hasMessageContaining("Platform");
    form.put(Var.CAMPAIGN_NAME, "Due soon");
    form.put(Var.SCOPE, "due");
    form.put(Var.DUE_BEFORE, "next week");
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(ReviewCampaign.PROCESS_KEY, form))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Due before");
    form.put(Var.SCOPE, "unit");
    form.put(Var.UNIT_CODE, "NOWHERE");
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(ReviewCampaign.PROCESS_KEY, form))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Unit code");
    form.put(Var.SCOPE, "everything");
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(ReviewCampaign.PROCESS_KEY, form))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Scope");
    assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
  }

  @Test
  void theQuarterlyTimerCoversAccountsDueWithinTheQuarterAndNeverRunsTwiceADay() {
    Job timer = managementService().createJobQuery().timers().activityId("StartEvent_Quarter").singleResult();
    assertThat(timer).isNotNull();
    assertThat(timer.getDuedate().toInstant()).isEqualTo(Instant.parse("2027-01-03T05:00:00Z"));
    when(ledger.insert(any())).thenReturn(false);
    execute(timer);

    String campaignInstance = org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService()
        .createHistoricProcessInstanceQuery().processDefinitionKey(ReviewCampaign.PROCESS_KEY).singleResult().getId();
    ProcessInstance pi = runtimeService().createProcessInstanceQuery().processInstanceId(campaignInstance).singleResult();
    assertThat(pi).as("a second campaign of the day ends at once").isNull();
    assertThat(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService()
        .createHistoricActivityInstanceQuery().processInstanceId(campaignInstance).activityId("EndEvent_Duplicate")
        .count()).isEqualTo(1);
    var schedule = org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService()
        .createHistoricProcessInstanceQuery().processDefinitionKey(ReviewCampaign.SCHEDULE_KEY).singleResult();
    assertThat(schedule.getEndTime()).as("the schedule's instance ends with its campaign").isNotNull();
    assertThat(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService()
        .createHistoricActivityInstanceQuery().processInstanceId(schedule.getId()).activityId("EndEvent_QuarterDone")
        .count()).isEqualTo(1);
    verify(ledger).insert(org.mockito.ArgumentMatchers.argThat(c -> c.id().equals("RC-20261123-scheduled")
        && c.scope().kind() == CampaignScope.Kind.DUE && c.scope().dueBefore().toString().equals("2027-02-23")));
    verify(ledger, never()).insertLedger(any(), anyList());
    verify(ledger, never()).nextPending(any(), anyInt(), anyInt(), anyInt());
  }
}
