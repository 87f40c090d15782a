package org.officialaccounts.closure.adapter;

import static org.officialaccounts.closure.Closure.Var;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.officialaccounts.closure.ClosureRules;
import org.officialaccounts.system.EngineErrors;
import org.springframework.stereotype.Component;

/** "Request platform takedown" completes only with the platform's reference and its answer. */
@Component("takedownListener")
public class TakedownListener implements TaskListener {

  private final ClosureRules rules;

  public TakedownListener(ClosureRules rules) {
    this.rules = rules;
  }

  @Override
  public void notify(DelegateTask task) {
    EngineErrors.rejectIfInvalid(rules.checkTakedown(task.getVariable(Var.TAKEDOWN_REFERENCE),
        task.getVariable(Var.TAKEDOWN_RESULT), task.getVariable(Var.TAKEDOWN_NOTES)));
    task.setVariable(Var.TAKEDOWN_REFERENCE, ((String) task.getVariable(Var.TAKEDOWN_REFERENCE)).strip());
    task.setVariable("takedownBy", ClosureVariables.actor(task));
  }
}
