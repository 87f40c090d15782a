package org.officialaccounts.closure.adapter;

import static org.officialaccounts.closure.Closure.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.closure.ClosureService;
import org.springframework.stereotype.Component;

/** "Record takedown refused": the closure ends cancelled and the unreachable account is suspended. */
@Component("refuseTakedownDelegate")
public class RefuseTakedownDelegate implements JavaDelegate {

  private final ClosureService closures;

  public RefuseTakedownDelegate(ClosureService closures) {
    this.closures = closures;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long closureId = ClosureVariables.closureId(execution);
    String reference = (String) execution.getVariable(Var.TAKEDOWN_REFERENCE);
    closures.recordTakedownRequested(closureId, reference);
    closures.refuseTakedown(closureId, reference, (String) execution.getVariable(Var.TAKEDOWN_NOTES),
        ClosureVariables.recordedBy(execution, "takedownBy"), execution.getProcessInstanceId());
  }
}
