package org.officialaccounts.review.adapter;

import static org.officialaccounts.review.PeriodicReview.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.officialaccounts.campaign.ReviewCampaign;
import org.officialaccounts.review.ReviewService;
import org.springframework.stereotype.Component;

/**
 * The review process's end, however it ends: one deleted before it concluded (in Cockpit, say)
 * gives its account back its status and closes its row in the campaign's ledger, so no account
 * stays UNDER_REVIEW and no campaign waits for a review that no longer exists. Every regular end
 * has recorded its outcome already.
 */
@Component("reviewEndListener")
public class ReviewEndListener implements ExecutionListener {

  private final ReviewService reviews;

  public ReviewEndListener(ReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (!execution.isCanceled()) {
      return;
    }
    Object accountId = execution.getVariable(Var.ACCOUNT_ID);
    String campaignId = (String) execution.getVariable(Var.CAMPAIGN_ID);
    ReviewCampaign.ReviewKey key = ReviewCampaign.parseReviewKey(execution.getProcessBusinessKey());
    if (accountId == null && key != null) {
      // Deleted before its pre-checks ran: the business key names the account and campaign.
      accountId = key.accountId();
      campaignId = key.campaignId();
    }
    if (accountId instanceof Number number) {
      reviews.cancelled(number.longValue(), campaignId, execution.getProcessInstanceId());
    }
  }
}
