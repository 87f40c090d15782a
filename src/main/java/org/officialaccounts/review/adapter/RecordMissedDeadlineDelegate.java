package org.officialaccounts.review.adapter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.registry.Finding.Severity;
import org.officialaccounts.registry.adapter.AccountVariables;
import org.officialaccounts.review.ReviewService;
import org.springframework.stereotype.Component;

/**
 * Records a missed deadline as a finding: the input parameter {@code finding} says which
 * (no attestation, corrective action not reported).
 */
@Component("recordMissedDeadlineDelegate")
public class RecordMissedDeadlineDelegate implements JavaDelegate {

  private final ReviewService reviews;

  public RecordMissedDeadlineDelegate(ReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reviews.recordFinding(
        AccountVariables.accountId(execution),
        (String) execution.getVariableLocal("finding"),
        Severity.MEDIUM,
        "system",
        execution.getProcessInstanceId(),
        (String) execution.getVariable("campaignId"));
    if (Boolean.TRUE.equals(execution.getVariableLocal("noResponse"))) {
      reviews.recordAttestation(AccountVariables.accountId(execution), (String) execution.getVariable("campaignId"),
          false);
    }
  }
}
