package org.officialaccounts.closure.adapter;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.closure.ClosureOrder;
import org.officialaccounts.closure.ClosureReason;
import org.officialaccounts.closure.ClosureStarter;
import org.officialaccounts.registry.adapter.AccountVariables;
import org.officialaccounts.review.PeriodicReview.Var;
import org.springframework.stereotype.Component;

/**
 * The periodic review's end "Hand over to closure": a review that concluded "close" orders the
 * account's closure, with the reviewer's grounds, in the same transaction.
 */
@Component("handOverToClosureDelegate")
public class HandOverToClosureDelegate implements JavaDelegate {

  private final ClosureStarter starter;

  public HandOverToClosureDelegate(ClosureStarter starter) {
    this.starter = starter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object reviewer = execution.getVariable(Var.ASSESSED_BY);
    starter.startClosures(List.of(new ClosureOrder(AccountVariables.accountId(execution), ClosureReason.REVIEW,
        (String) execution.getVariable(Var.ASSESSMENT_NOTES), null, null, null,
        reviewer == null ? "system" : reviewer.toString())));
  }
}
