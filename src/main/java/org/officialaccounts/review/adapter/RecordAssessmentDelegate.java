package org.officialaccounts.review.adapter;

import static org.officialaccounts.review.PeriodicReview.Var;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.registry.adapter.AccountVariables;
import org.officialaccounts.review.PeriodicReview.Assessment;
import org.officialaccounts.review.ReviewRules;
import org.officialaccounts.review.ReviewService;
import org.springframework.stereotype.Component;

/** "Record assessment": the registry follows the reviewer's assessment. */
@Component("recordAssessmentDelegate")
public class RecordAssessmentDelegate implements JavaDelegate {

  private final ReviewService reviews;
  private final ReviewRules rules;

  public RecordAssessmentDelegate(ReviewService reviews, ReviewRules rules) {
    this.reviews = reviews;
    this.rules = rules;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Assessment assessment = Assessment.of(execution.getVariable(Var.ASSESSMENT));
    LocalDate due =
        reviews.conclude(
            AccountVariables.accountId(execution),
            assessment,
            (String) execution.getVariable(Var.ASSESSMENT_NOTES),
            (String) execution.getVariable(Var.CORRECTIVE_ACTION),
            rules.lastPostDate(execution.getVariable(Var.LAST_POST_DATE)),
            (String) execution.getVariable(Var.ASSESSED_BY),
            execution.getProcessInstanceId(),
            (String) execution.getVariable(Var.CAMPAIGN_ID));
    execution.setVariable(Var.NEXT_REVIEW_DUE, due == null ? null : due.toString());
    execution.setVariable(Var.REVIEW_OUTCOME, assessment.value());
    reviews.recordInCampaign(AccountVariables.accountId(execution),
        (String) execution.getVariable(Var.CAMPAIGN_ID), assessment);
    if (assessment == Assessment.CORRECTIVE) {
      // A new round: the reviewer must not see the previous round's report as this one's.
      execution.setVariable(Var.CORRECTIVE_REPORT, null);
    }
  }
}
