package org.officialaccounts.system;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.DefaultFailedJobParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.FailedJobRetryConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ParseUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Replaces the retry cycle the models declare ({@code R5/PT5M} on most service tasks) with
 * {@code official-accounts.jobs.retry-cycle} when that is set, for every activity that declares
 * one. Empty in production; fault drills and the cluster tests set a cycle of seconds so a
 * failure reaches its incident while someone watches.
 */
@Component
public class RetryCycleOverridePlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(RetryCycleOverridePlugin.class);

  private final String cycle;

  public RetryCycleOverridePlugin(@Value("${official-accounts.jobs.retry-cycle:}") String cycle) {
    this.cycle = cycle == null ? "" : cycle.strip();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (cycle.isEmpty()) {
      return;
    }
    // Parsed once here, so a mistyped cycle stops the start instead of the first failing job.
    FailedJobRetryConfiguration override = ParseUtil.parseRetryIntervals(cycle);
    if (override == null || override.getRetries() < 1) {
      throw new IllegalArgumentException("official-accounts.jobs.retry-cycle is not a retry cycle such as R3/PT5S: " + cycle);
    }
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new CycleReplacer(cycle));
    configuration.setCustomPostBPMNParseListeners(listeners);
    LOG.warn("Every modelled retry cycle is replaced by {} (official-accounts.jobs.retry-cycle)", cycle);
  }

  /**
   * Works on the parsed process as a whole: the engine's own listener sets each activity's cycle
   * while the activities are parsed, and the process is parsed after all of them.
   */
  static final class CycleReplacer extends AbstractBpmnParseListener {

    private final String cycle;

    CycleReplacer(String cycle) {
      this.cycle = cycle;
    }

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
      replaceIn(processDefinition);
    }

    private void replaceIn(ScopeImpl scope) {
      for (ActivityImpl activity : scope.getActivities()) {
        if (activity.getProperties().contains(DefaultFailedJobParseListener.FAILED_JOB_CONFIGURATION)) {
          activity.getProperties().set(DefaultFailedJobParseListener.FAILED_JOB_CONFIGURATION,
              ParseUtil.parseRetryIntervals(cycle));
        }
        replaceIn(activity);
      }
    }
  }
}
