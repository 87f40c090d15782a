package org.officialaccounts.directive.adapter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.directive.ConsolidationDirective.Var;
import org.officialaccounts.directive.DirectiveMail;
import org.springframework.stereotype.Component;

/** "Notify unit": the notice of the unit whose number is the multi-instance's loop counter. */
@Component("notifyDirectiveUnitDelegate")
public class NotifyUnitDelegate implements JavaDelegate {

  private final DirectiveMail mail;

  public NotifyUnitDelegate(DirectiveMail mail) {
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mail.sendUnitNotice(DirectiveVariables.directiveId(execution),
        ((Number) execution.getVariable(Var.LOOP_COUNTER)).intValue(), execution.getProcessInstanceId());
  }
}
