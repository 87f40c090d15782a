package org.officialaccounts.guide.adapter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.guide.GuideAcknowledgement.Value;
import org.officialaccounts.guide.GuideAcknowledgement.Var;
import org.officialaccounts.guide.GuideService;
import org.springframework.stereotype.Component;

/** "Record acknowledgement": the manager's live accounts follow the acknowledged version. */
@Component("recordAcknowledgementDelegate")
public class RecordAcknowledgementDelegate implements JavaDelegate {

  private final GuideService guides;

  public RecordAcknowledgementDelegate(GuideService guides) {
    this.guides = guides;
  }

  @Override
  public void execute(DelegateExecution execution) {
    guides.acknowledge(
        GuideVariables.version(execution),
        GuideVariables.string(execution, Var.MANAGER_EMAIL),
        GuideVariables.string(execution, Var.ACKNOWLEDGED_BY),
        execution.getProcessInstanceId());
    execution.setVariable(Var.OUTCOME, Value.ACKNOWLEDGED);
  }
}
