package org.officialaccounts.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;

import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Drives a process test's jobs by hand: no job executor runs in process tests. */
public final class ProcessJobs {

  private ProcessJobs() {}

  /** Fires the timer on the given boundary event, then runs what it started. */
  public static void fireTimer(ProcessInstance pi, String boundaryEventId) {
    Job timer = managementService().createJobQuery().processInstanceId(pi.getId()).timers()
        .activityId(boundaryEventId).singleResult();
    assertThat(timer).as("timer %s", boundaryEventId).isNotNull();
    execute(timer);
    runJobs(pi);
  }

  /** Runs every due non-timer job of the instance until none is left. */
  public static void runJobs(ProcessInstance pi) {
    for (int guard = 0; guard < 20; guard++) {
      List<Job> jobs = managementService().createJobQuery().processInstanceId(pi.getId()).messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> execute(job));
    }
    throw new AssertionError("jobs keep coming");
  }
}
