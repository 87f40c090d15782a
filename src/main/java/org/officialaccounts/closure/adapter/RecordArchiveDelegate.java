package org.officialaccounts.closure.adapter;

import static org.officialaccounts.closure.Closure.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.closure.ClosureRules;
import org.officialaccounts.closure.ClosureService;
import org.springframework.stereotype.Component;

/** "Record archive": where the content is kept and how the account ended, for PR &amp; Media to confirm. */
@Component("recordArchiveDelegate")
public class RecordArchiveDelegate implements JavaDelegate {

  private final ClosureService closures;

  public RecordArchiveDelegate(ClosureService closures) {
    this.closures = closures;
  }

  @Override
  public void execute(DelegateExecution execution) {
    closures.recordArchive(ClosureVariables.closureId(execution), (String) execution.getVariable(Var.ARCHIVE_LOCATION),
        ClosureRules.endState(execution.getVariable(Var.END_STATE)), ClosureVariables.recordedBy(execution, "archivedBy"),
        execution.getProcessInstanceId());
  }
}
