package org.officialaccounts.guide.adapter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.guide.GuideAcknowledgement.Value;
import org.officialaccounts.guide.GuideAcknowledgement.Var;
import org.officialaccounts.guide.GuideService;
import org.springframework.stereotype.Component;

/** "Record not acknowledged": a finding on each of the manager's live accounts, for their next review. */
@Component("recordNotAcknowledgedDelegate")
public class RecordNotAcknowledgedDelegate implements JavaDelegate {

  private final GuideService guides;

  public RecordNotAcknowledgedDelegate(GuideService guides) {
    this.guides = guides;
  }

  @Override
  public void execute(DelegateExecution execution) {
    guides.recordNotAcknowledged(
        GuideVariables.version(execution),
        GuideVariables.string(execution, Var.MANAGER_EMAIL),
        execution.getProcessInstanceId());
    execution.setVariable(Var.OUTCOME, Value.NOT_ACKNOWLEDGED);
  }
}
