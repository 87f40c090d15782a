package org.officialaccounts.directive.adapter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.directive.ConsolidationDirective.Var;
import org.officialaccounts.directive.DirectiveService;
import org.springframework.stereotype.Component;

/** "Record compliance review": the decision, the deadline in force, the units to escalate to. */
@Component("recordComplianceReviewDelegate")
public class RecordComplianceReviewDelegate implements JavaDelegate {

  private final DirectiveService directives;

  public RecordComplianceReviewDelegate(DirectiveService directives) {
    this.directives = directives;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DirectiveService.RecordedReview review = directives.recordReview(DirectiveVariables.directiveId(execution),
        DirectiveVariables.of(execution, DirectiveVariables.REVIEW),
        (String) execution.getVariable(DirectiveVariables.REVIEWED_BY));
    execution.setVariable(Var.REVIEW_ROUND, review.round());
    execution.setVariable(Var.ESCALATED_UNITS, review.decision().escalateUnits().size());
    if (review.decision().newDeadline() != null) {
      execution.setVariable(Var.DEADLINE, review.decision().newDeadline().toString());
    }
  }
}
