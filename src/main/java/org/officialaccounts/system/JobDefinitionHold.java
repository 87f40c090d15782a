package org.officialaccounts.system;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the first job of the instances a launcher opens, and lets every held one go when the
 * launcher is done. On a node whose cores the launcher needs, those jobs would otherwise take
 * turns with it on the job executor's threads: the opening then takes longer and the instances
 * are not ready any sooner.
 *
 * <p>Uses the engine's own job definition suspension, so Cockpit shows the hold (the job
 * definition of that activity, suspended) and an operator can lift it there. An instance
 * started otherwise meanwhile waits for the same release.
 */
public class JobDefinitionHold {

  private static final Logger LOG = LoggerFactory.getLogger(JobDefinitionHold.class);

  private final ManagementService management;
  private final RepositoryService repository;
  private final String processKey;
  private final String activityId;
  private final String what;

  /** {@code what} names the held jobs in the log, e.g. "Reviews' pre-checks". */
  public JobDefinitionHold(ManagementService management, RepositoryService repository, String processKey,
      String activityId, String what) {
    this.management = management;
    this.repository = repository;
    this.processKey = processKey;
    this.activityId = activityId;
    this.what = what;
  }

  /** New jobs of the activity in the model's latest version are created suspended from now on. */
  public void hold() {
    ProcessDefinition latest = repository.createProcessDefinitionQuery()
        .processDefinitionKey(processKey).latestVersion().withoutTenantId().singleResult();
    if (latest == null) {
      return;
    }
    for (JobDefinition definition : management.createJobDefinitionQuery()
        .processDefinitionId(latest.getId()).activityIdIn(activityId).active().list()) {
      management.updateJobDefinitionSuspensionState().byJobDefinitionId(definition.getId()).includeJobs(false).suspend();
      LOG.info("{} held while a launcher opens ({})", what, definition.getId());
    }
  }

  /** Every held job of the activity, of every version, is released (one statement per version). */
  public void release() {
    for (JobDefinition definition : management.createJobDefinitionQuery()
        .processDefinitionKey(processKey).activityIdIn(activityId).suspended().list()) {
      management.updateJobDefinitionSuspensionState().byJobDefinitionId(definition.getId()).includeJobs(true).activate();
      LOG.info("{} released ({})", what, definition.getId());
    }
  }
}
