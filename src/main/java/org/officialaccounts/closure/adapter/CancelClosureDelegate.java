package org.officialaccounts.closure.adapter;

import static org.officialaccounts.closure.Closure.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.closure.ClosureService;
import org.springframework.stereotype.Component;

/** "Record cancellation": the closure ends cancelled with its reason; the account gets its status back. */
@Component("cancelClosureDelegate")
public class CancelClosureDelegate implements JavaDelegate {

  private final ClosureService closures;

  public CancelClosureDelegate(ClosureService closures) {
    this.closures = closures;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (!Boolean.TRUE.equals(execution.getVariable(Var.OPENED))) {
      // Cancelled before "Open closure" ran: there is no record and the account was not touched.
      return;
    }
    closures.cancel(ClosureVariables.closureId(execution), (String) execution.getVariable(Var.CANCELLATION_REASON),
        ClosureVariables.recordedBy(execution, "cancelledBy"), execution.getProcessInstanceId());
  }
}
