package org.officialaccounts.closure.adapter;

import static org.officialaccounts.closure.Closure.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.closure.ClosureService;
import org.springframework.stereotype.Component;

/**
 * "Record cancellation": the closure ends cancelled with its reason; the account gets its
 * status back. The manager is told only when the closure had opened and had not ended already.
 */
@Component("cancelClosureDelegate")
public class CancelClosureDelegate implements JavaDelegate {

  private final ClosureService closures;

  public CancelClosureDelegate(ClosureService closures) {
    this.closures = closures;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reason = (String) execution.getVariable(Var.CANCELLATION_REASON);
    boolean opened = Boolean.TRUE.equals(execution.getVariable(Var.OPENED));
    boolean cancelled = false;
    if (opened) {
      cancelled = closures.cancel(ClosureVariables.closureId(execution), reason,
          ClosureVariables.recordedBy(execution, Var.CANCELLED_BY), execution.getProcessInstanceId());
    } else if (execution.getVariable(Var.CLOSURE_ID) == null) {
      // Cancelled before "Open closure" ran: the account was not touched, but the closure is on record.
      execution.setVariable(Var.CLOSURE_ID, closures.recordCancelledUnopened(ClosureVariables.order(execution), reason,
          execution.getProcessInstanceId()));
    }
    execution.setVariable(Var.NOTIFY_MANAGER, cancelled);
  }
}
