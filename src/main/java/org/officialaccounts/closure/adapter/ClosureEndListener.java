package org.officialaccounts.closure.adapter;

import static org.officialaccounts.closure.Closure.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.officialaccounts.closure.ClosureService;
import org.springframework.stereotype.Component;

/**
 * The closure process's end, however it ends: a closure still running on record (its process
 * deleted in Cockpit, say) is concluded as cancelled and the account gets its status back, so no
 * account stays CLOSING with nothing to move it on. Every regular end has concluded it already.
 */
@Component("closureEndListener")
public class ClosureEndListener implements ExecutionListener {

  static final String DELETED = "the closure's process was deleted";

  private final ClosureService closures;

  public ClosureEndListener(ClosureService closures) {
    this.closures = closures;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (!execution.isCanceled()) {
      return;
    }
    if (execution.getVariable(Var.CLOSURE_ID) != null) {
      closures.cancel(ClosureVariables.closureId(execution), DELETED, "system", execution.getProcessInstanceId());
    } else if (execution.getVariable(Var.ACCOUNT_ID) != null) {
      closures.recordCancelledUnopened(ClosureVariables.order(execution), DELETED, execution.getProcessInstanceId());
    }
  }
}
