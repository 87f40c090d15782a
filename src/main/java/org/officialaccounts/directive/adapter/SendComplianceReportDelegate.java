package org.officialaccounts.directive.adapter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.directive.DirectiveMail;
import org.springframework.stereotype.Component;

/** "Email the compliance report" to the Undersecretary and PR &amp; Media. */
@Component("sendComplianceReportDelegate")
public class SendComplianceReportDelegate implements JavaDelegate {

  private final DirectiveMail mail;

  public SendComplianceReportDelegate(DirectiveMail mail) {
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mail.sendComplianceReport(DirectiveVariables.directiveId(execution), execution.getProcessInstanceId());
  }
}
