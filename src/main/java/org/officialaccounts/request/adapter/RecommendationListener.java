package org.officialaccounts.request.adapter;

import static org.officialaccounts.request.AccountCreation.Var;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.officialaccounts.request.ReviewDecision;
import org.springframework.stereotype.Component;

/** Refuses to complete "Recommend on exception" without a recommendation and its grounds. */
@Component("recommendationListener")
public class RecommendationListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    ReviewDecisionListener.rejectIfInvalid(
        ReviewDecision.checkRecommendation(
            task.getVariable(Var.RECOMMENDATION), task.getVariable(Var.RECOMMENDATION_COMMENT)));
  }
}
