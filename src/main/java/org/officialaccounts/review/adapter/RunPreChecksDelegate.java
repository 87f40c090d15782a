package org.officialaccounts.review.adapter;

import static org.officialaccounts.review.PeriodicReview.Var;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.campaign.ReviewCampaign;
import org.officialaccounts.notification.Directory;
import org.officialaccounts.registry.Account;
import org.officialaccounts.registry.AccountRepository;
import org.officialaccounts.registry.Unit;
import org.officialaccounts.registry.UnitRepository;
import org.officialaccounts.registry.UnitType;
import org.officialaccounts.review.PeriodicReview;
import org.officialaccounts.registry.adapter.AccountVariables;
import org.officialaccounts.review.ReviewService;
import org.officialaccounts.review.ReviewSettings;
import org.officialaccounts.verification.GuideVersionRepository;
import org.springframework.stereotype.Component;

/**
 * "Run pre-checks": opens the review, records what the automatic checks find, and names who
 * assesses it. An account that left the reviewable states since the review was ordered (closed
 * or suspended in the meantime) ends the review at once, as the BPMN error NOT_REVIEWABLE.
 */
@Component("runPreChecksDelegate")
public class RunPreChecksDelegate implements JavaDelegate {

  private final AccountRepository accounts;
  private final UnitRepository units;
  private final GuideVersionRepository guides;
  private final ReviewService reviews;
  private final Directory directory;
  private final ReviewSettings settings;

  public RunPreChecksDelegate(AccountRepository accounts, UnitRepository units, GuideVersionRepository guides,
      ReviewService reviews, Directory directory, ReviewSettings settings) {
    this.settings = settings;
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
    String campaignId = (String) execution.getVariable(Var.CAMPAIGN_ID);
    if (!ReviewService.reviewable(account.status())) {
      reviews.recordNotReviewable(id, account.status(), campaignId);
      execution.setVariable(Var.REVIEW_OUTCOME, "not reviewable: " + account.status().name());
      throw new BpmnError(PeriodicReview.NOT_REVIEWABLE, "The account is " + account.status());
    }
    Unit unit = units.find(account.unitCode()).orElseThrow();
    AccountVariables.put(execution, account, unit);
    execution.setVariable(Var.SUPERVISING_UNIT, unit.parentCode() != null ? unit.parentCode() : unit.code());
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
    execution.setVariable(Var.REVIEWER_USERS, departmentReviewers(unit));
    List<ReviewService.PreCheck> found = reviews.preCheck(account, managerUserId);
    reviews.open(account, found, execution.getProcessInstanceId(), campaignId);
    execution.setVariable(Var.PRE_CHECK_FINDINGS,
        found.stream().map(ReviewService.PreCheck::bilingual).collect(Collectors.joining("\n")));
    execution.setVariable(Var.ATTESTATION_RECEIVED, false);
  }

  /**
   * The coordinators of the education department above the unit, where that department assesses
   * its own reviews (official-accounts.review.department-reviewers) and has coordinators; else
   * null, and the reviewer group assesses.
   */
  private String departmentReviewers(Unit unit) {
    if (settings.getDepartmentReviewers().isEmpty()) {
      return null;
    }
    String department = units.nearestOfType(unit.code(), UnitType.EDUCATION_DEPARTMENT).orElse(null);
    if (!settings.reviewedByDepartment(department)) {
      return null;
    }
    List<String> coordinators = units.coordinators(department);
    return coordinators.isEmpty() ? null : String.join(",", coordinators);
  }
}
