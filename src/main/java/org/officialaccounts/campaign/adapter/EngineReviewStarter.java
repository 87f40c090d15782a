package org.officialaccounts.campaign.adapter;

import org.camunda.bpm.engine.RuntimeService;
import org.officialaccounts.campaign.ReviewCampaign;
import org.officialaccounts.campaign.ReviewStarter;
import org.officialaccounts.review.PeriodicReview;
import org.springframework.stereotype.Component;

/** Starts a campaign's review as a PeriodicReviewProcess keyed by campaign and account. */
@Component
public class EngineReviewStarter implements ReviewStarter {

  private final RuntimeService runtime;

  public EngineReviewStarter(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public String startReview(long accountId, String campaignId) {
    return runtime
        .createProcessInstanceByKey(PeriodicReview.PROCESS_KEY)
        .businessKey(ReviewCampaign.REVIEW_KEY_PREFIX + campaignId + ":" + accountId)
        .setVariable(PeriodicReview.Var.ACCOUNT_ID, accountId)
        .setVariable(PeriodicReview.Var.CAMPAIGN_ID, campaignId)
        .execute()
        .getId();
  }
}
