package org.officialaccounts.campaign.adapter;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.officialaccounts.review.PeriodicReview;
import org.officialaccounts.system.JobDefinitionHold;
import org.springframework.stereotype.Component;

/**
 * Holds the reviews' first job (their pre-checks) while a campaign opens them (see
 * {@link JobDefinitionHold}): Cockpit shows the job definition "Run pre-checks" of
 * PeriodicReviewProcess suspended meanwhile.
 */
@Component
public class ReviewPreCheckHold extends JobDefinitionHold {

  static final String PRE_CHECK_ACTIVITY = "Task_RunPreChecks";

  public ReviewPreCheckHold(ManagementService management, RepositoryService repository) {
    super(management, repository, PeriodicReview.PROCESS_KEY, PRE_CHECK_ACTIVITY, "Reviews' pre-checks");
  }
}
