package org.officialaccounts.directive.adapter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.directive.DirectiveMail;
import org.springframework.stereotype.Component;

/** "Email the final report" to the directive's source, PR &amp; Media in copy. */
@Component("sendDirectiveFinalReportDelegate")
public class SendFinalReportDelegate implements JavaDelegate {

  private final DirectiveMail mail;

  public SendFinalReportDelegate(DirectiveMail mail) {
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mail.sendFinalReport(DirectiveVariables.directiveId(execution), execution.getProcessInstanceId());
  }
}
