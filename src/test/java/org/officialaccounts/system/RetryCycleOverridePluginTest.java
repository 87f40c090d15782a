package org.officialaccounts.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.bpmn.parser.DefaultFailedJobParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.FailedJobRetryConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.junit.jupiter.api.Test;

class RetryCycleOverridePluginTest {

  @Test
  void replacesEveryModelledCycleAndAddsNone() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:mem:retry-cycle-override;DB_CLOSE_DELAY=-1");
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEnginePlugins(List.of(new RetryCycleOverridePlugin("R3/PT1S")));
    ProcessEngine engine = configuration.buildProcessEngine();
    try {
      engine.getRepositoryService().createDeployment()
          .addClasspathResource("bpmn/PeriodicReviewProcess.bpmn")
          .addClasspathResource("bpmn/ReviewCampaignProcess.bpmn")
          .deploy();

      // The models say R5/PT5M and R5/PT1M; the last one sits inside a multi-instance subprocess.
      assertThat(cycle(engine, "PeriodicReviewProcess", "Task_RequestAttestation").getRetries()).isEqualTo(3);
      assertThat(cycle(engine, "PeriodicReviewProcess", "Task_RequestAttestation").getRetryIntervals())
          .containsExactly("R3/PT1S");
      assertThat(cycle(engine, "ReviewCampaignProcess", "Task_OpenChunk").getRetryIntervals()).containsExactly("R3/PT1S");
      // A user task has no job, and gets no cycle.
      assertThat(cycle(engine, "PeriodicReviewProcess", "Task_ReviewAttestation")).isNull();
    } finally {
      engine.close();
    }
  }

  @Test
  void refusesToStartWithSomethingThatIsNoCycle() {
    assertThatThrownBy(() -> new RetryCycleOverridePlugin("three times").preInit(new StandaloneInMemProcessEngineConfiguration()))
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void leavesTheModelsAloneWhenNotSet() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    new RetryCycleOverridePlugin("").preInit(configuration);
    assertThat(configuration.getCustomPostBPMNParseListeners()).isNullOrEmpty();
  }

  private static FailedJobRetryConfiguration cycle(ProcessEngine engine, String key, String activityId) {
    String id = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).singleResult()
        .getId();
    ProcessDefinitionEntity definition = (ProcessDefinitionEntity)
        ((RepositoryServiceImpl) engine.getRepositoryService()).getDeployedProcessDefinition(id);
    return definition.findActivity(activityId).getProperties().get(DefaultFailedJobParseListener.FAILED_JOB_CONFIGURATION);
  }
}
