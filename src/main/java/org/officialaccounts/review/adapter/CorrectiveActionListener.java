package org.officialaccounts.review.adapter;

import static org.officialaccounts.review.PeriodicReview.Var;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.officialaccounts.review.ReviewRules;
import org.officialaccounts.system.EngineErrors;
import org.springframework.stereotype.Component;

/** "Take corrective action" completes only with a report of what was done. */
@Component("correctiveActionListener")
public class CorrectiveActionListener implements TaskListener {

  private final ReviewRules rules;

  public CorrectiveActionListener(ReviewRules rules) {
    this.rules = rules;
  }

  @Override
  public void notify(DelegateTask task) {
    EngineErrors.rejectIfInvalid(rules.checkCorrectiveReport(task.getVariable(Var.CORRECTIVE_REPORT)));
  }
}
