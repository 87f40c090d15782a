package org.officialaccounts.closure.adapter;

import static org.officialaccounts.closure.Closure.Var;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.officialaccounts.closure.Closure;
import org.officialaccounts.closure.ClosureRules;
import org.officialaccounts.closure.ClosureSettings;
import org.officialaccounts.system.EngineErrors;
import org.springframework.stereotype.Component;

/**
 * "Confirm closure" completes only with closed, or not closed and what remains; counts the
 * send-backs, so the loop with the manager ends at the configured limit.
 */
@Component("closureConfirmationListener")
public class ClosureConfirmationListener implements TaskListener {

  private final ClosureRules rules;
  private final ClosureSettings settings;

  public ClosureConfirmationListener(ClosureRules rules, ClosureSettings settings) {
    this.rules = rules;
    this.settings = settings;
  }

  @Override
  public void notify(DelegateTask task) {
    EngineErrors.rejectIfInvalid(rules.checkConfirmation(task.getVariable(Var.CONFIRMATION),
        task.getVariable(Var.CONFIRMATION_REMARKS)));
    task.setVariable("confirmedBy", ClosureVariables.actor(task));
    if (Closure.NOT_CLOSED.equals(task.getVariable(Var.CONFIRMATION))) {
      Object previous = task.getVariable(Var.SEND_BACKS);
      int sendBacks = (previous instanceof Number n ? n.intValue() : 0) + 1;
      task.setVariable(Var.SEND_BACKS, sendBacks);
      task.setVariable(Var.TOO_MANY_SEND_BACKS, sendBacks > settings.getMaxSendBacks());
    }
  }
}
