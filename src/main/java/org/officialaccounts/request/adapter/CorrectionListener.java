package org.officialaccounts.request.adapter;

import static org.officialaccounts.request.AccountCreation.Var;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.officialaccounts.request.ReviewDecision;
import org.springframework.stereotype.Component;

/** Refuses to complete "Correct request" without a clear resubmit or withdraw. */
@Component("correctionListener")
public class CorrectionListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    ReviewDecisionListener.rejectIfInvalid(
        ReviewDecision.checkCorrection(task.getVariable(Var.CORRECTION_ACTION)));
  }
}
