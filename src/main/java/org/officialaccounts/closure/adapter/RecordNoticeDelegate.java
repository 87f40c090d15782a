package org.officialaccounts.closure.adapter;

import static org.officialaccounts.closure.Closure.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.closure.ClosureService;
import org.springframework.stereotype.Component;

/** "Record notice": the post's address is the closure's evidence, in its record and the account's history. */
@Component("recordNoticeDelegate")
public class RecordNoticeDelegate implements JavaDelegate {

  private final ClosureService closures;

  public RecordNoticeDelegate(ClosureService closures) {
    this.closures = closures;
  }

  @Override
  public void execute(DelegateExecution execution) {
    closures.recordNotice(ClosureVariables.closureId(execution), (String) execution.getVariable(Var.NOTICE_URL),
        ClosureVariables.recordedBy(execution, "noticePostedBy"), execution.getProcessInstanceId());
  }
}
