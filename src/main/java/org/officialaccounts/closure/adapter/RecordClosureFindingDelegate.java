package org.officialaccounts.closure.adapter;

import static org.officialaccounts.closure.Closure.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.closure.ClosureService;
import org.springframework.stereotype.Component;

/** Records the input parameter {@code finding} (a step the manager let pass) on the account. */
@Component("recordClosureFindingDelegate")
public class RecordClosureFindingDelegate implements JavaDelegate {

  private final ClosureService closures;

  public RecordClosureFindingDelegate(ClosureService closures) {
    this.closures = closures;
  }

  @Override
  public void execute(DelegateExecution execution) {
    closures.recordFinding(ClosureVariables.closureId(execution), (String) execution.getVariableLocal(Var.FINDING),
        "system", execution.getProcessInstanceId());
  }
}
