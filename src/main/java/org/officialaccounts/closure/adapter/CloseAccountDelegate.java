package org.officialaccounts.closure.adapter;

import static org.officialaccounts.closure.Closure.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.closure.Closure;
import org.officialaccounts.closure.ClosureRules.EndState;
import org.officialaccounts.closure.ClosureService;
import org.springframework.stereotype.Component;

/** "Close in the registry": the account is CLOSED, with its successor, reason and archive reference. */
@Component("closeAccountDelegate")
public class CloseAccountDelegate implements JavaDelegate {

  private final ClosureService closures;

  public CloseAccountDelegate(ClosureService closures) {
    this.closures = closures;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long closureId = ClosureVariables.closureId(execution);
    boolean takenDown = Closure.TAKEN_DOWN.equals(execution.getVariable(Var.TAKEDOWN_RESULT));
    if (takenDown) {
      closures.recordTakedownRequested(closureId, (String) execution.getVariable(Var.TAKEDOWN_REFERENCE));
    }
    closures.close(closureId, takenDown ? EndState.TAKEN_DOWN : null,
        ClosureVariables.recordedBy(execution, takenDown ? "takedownBy" : "confirmedBy"), execution.getProcessInstanceId());
  }
}
