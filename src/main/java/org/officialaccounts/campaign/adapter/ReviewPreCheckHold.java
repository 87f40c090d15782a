package org.officialaccounts.campaign.adapter;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.officialaccounts.review.PeriodicReview;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Holds the reviews' first job (their pre-checks) while a campaign opens them, and lets every
 * held one go when it is done. On a node whose cores the launcher needs, the pre-checks of the
 * reviews opened so far would otherwise take turns with it on the job executor's threads: the
 * opening then takes longer and the reviews are not ready any sooner.
 *
 * <p>Uses the engine's own job definition suspension, so Cockpit shows the hold (the job
 * definition "Run pre-checks" of PeriodicReviewProcess, suspended) and an operator can lift it
 * there. A review started by hand meanwhile waits for the same release.
 */
@Component
public class ReviewPreCheckHold {

  static final String PRE_CHECK_ACTIVITY = "Task_RunPreChecks";
  private static final Logger LOG = LoggerFactory.getLogger(ReviewPreCheckHold.class);

  private final ManagementService management;
  private final RepositoryService repository;

  public ReviewPreCheckHold(ManagementService management, RepositoryService repository) {
    this.management = management;
    this.repository = repository;
  }

  /** New pre-check jobs of the model's latest version are created suspended from now on. */
  public void hold() {
    ProcessDefinition latest = repository.createProcessDefinitionQuery()
        .processDefinitionKey(PeriodicReview.PROCESS_KEY).latestVersion().withoutTenantId().singleResult();
    if (latest == null) {
      return;
    }
    for (JobDefinition definition : management.createJobDefinitionQuery()
        .processDefinitionId(latest.getId()).activityIdIn(PRE_CHECK_ACTIVITY).active().list()) {
      management.updateJobDefinitionSuspensionState().byJobDefinitionId(definition.getId()).includeJobs(false).suspend();
      LOG.info("Reviews' pre-checks held while a campaign opens ({})", definition.getId());
    }
  }

  /** Every held pre-check job, of every version, is released (one statement per version). */
  public void release() {
    for (JobDefinition definition : management.createJobDefinitionQuery()
        .processDefinitionKey(PeriodicReview.PROCESS_KEY).activityIdIn(PRE_CHECK_ACTIVITY).suspended().list()) {
      management.updateJobDefinitionSuspensionState().byJobDefinitionId(definition.getId()).includeJobs(true).activate();
      LOG.info("Reviews' pre-checks released ({})", definition.getId());
    }
  }
}
