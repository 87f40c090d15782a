package org.officialaccounts.review.adapter;

import static org.officialaccounts.review.PeriodicReview.Var;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.campaign.ReviewCampaign;
import org.officialaccounts.notification.Directory;
import org.officialaccounts.registry.Account;
import org.officialaccounts.registry.AccountRepository;
import org.officialaccounts.registry.UnitRepository;
import org.officialaccounts.registry.adapter.AccountVariables;
import org.officialaccounts.review.ReviewService;
import org.officialaccounts.verification.GuideVersionRepository;
import org.springframework.stereotype.Component;

/** "Run pre-checks": opens the review, records what the automatic checks find. */
@Component("runPreChecksDelegate")
public class RunPreChecksDelegate implements JavaDelegate {

  private final AccountRepository accounts;
  private final UnitRepository units;
  private final GuideVersionRepository guides;
  private final ReviewService reviews;
  private final Directory directory;

  public RunPreChecksDelegate(AccountRepository accounts, UnitRepository units, GuideVersionRepository guides,
      ReviewService reviews, Directory directory) {
    this.accounts = accounts;
    this.units = units;
    this.guides = guides;
    this.reviews = reviews;
    this.directory = directory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // A campaign opens its reviews with nothing but their business key.
    ReviewCampaign.ReviewKey key = ReviewCampaign.parseReviewKey(execution.getProcessBusinessKey());
    if (key != null && execution.getVariable(Var.ACCOUNT_ID) == null) {
      execution.setVariable(Var.ACCOUNT_ID, key.accountId());
      execution.setVariable(Var.CAMPAIGN_ID, key.campaignId());
    }
    long id = AccountVariables.accountId(execution);
    Account account = accounts.find(id).orElseThrow(() -> new IllegalStateException("No account " + id));
    AccountVariables.put(execution, account, units.find(account.unitCode()).orElseThrow());
    guides.inForce().ifPresent(guide -> {
      execution.setVariable("guideVersion", guide.version());
      execution.setVariable("guideSummary", guide.summary());
    });
    String managerUserId =
        account.managerEmail() == null ? null : directory.userIdByEmail(account.managerEmail()).orElse(null);
    execution.setVariable("managerUserId", managerUserId);
    if (execution.getVariable(Var.REVIEWER_GROUP) == null) {
      execution.setVariable(Var.REVIEWER_GROUP, "pr-media");
    }
    List<ReviewService.PreCheck> found = reviews.preCheck(account, managerUserId);
    reviews.open(account, found, execution.getProcessInstanceId(), (String) execution.getVariable(Var.CAMPAIGN_ID));
    execution.setVariable(Var.PRE_CHECK_FINDINGS,
        found.stream().map(ReviewService.PreCheck::bilingual).collect(Collectors.joining("\n")));
    execution.setVariable(Var.ATTESTATION_RECEIVED, false);
  }
}
