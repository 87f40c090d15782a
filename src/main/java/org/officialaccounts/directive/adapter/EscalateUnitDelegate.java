package org.officialaccounts.directive.adapter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.directive.ConsolidationDirective.Var;
import org.officialaccounts.directive.DirectiveMail;
import org.springframework.stereotype.Component;

/** "Escalate to unit": the head of the unit the review named at the loop counter's place. */
@Component("escalateDirectiveUnitDelegate")
public class EscalateUnitDelegate implements JavaDelegate {

  private final DirectiveMail mail;

  public EscalateUnitDelegate(DirectiveMail mail) {
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mail.sendEscalation(DirectiveVariables.directiveId(execution),
        ((Number) execution.getVariable(Var.REVIEW_ROUND)).intValue(),
        ((Number) execution.getVariable(Var.LOOP_COUNTER)).intValue(), execution.getProcessInstanceId());
  }
}
