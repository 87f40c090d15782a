package org.officialaccounts.directive.adapter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.directive.ConsolidationDirective.Var;
import org.officialaccounts.directive.DirectiveService;
import org.officialaccounts.directive.MeetingDecision;
import org.springframework.stereotype.Component;

/** "Record meeting decisions": the scope, exceptions and deadline in force from now on. */
@Component("recordMeetingDelegate")
public class RecordMeetingDelegate implements JavaDelegate {

  private final DirectiveService directives;

  public RecordMeetingDelegate(DirectiveService directives) {
    this.directives = directives;
  }

  @Override
  public void execute(DelegateExecution execution) {
    MeetingDecision decision = directives.recordMeeting(DirectiveVariables.directiveId(execution),
        DirectiveVariables.of(execution, DirectiveVariables.MEETING),
        (String) execution.getVariable(DirectiveVariables.MEETING_HELD_BY));
    execution.setVariable(Var.UNIT_TYPES, decision.scope().typesText());
    execution.setVariable(Var.UNIT_CODES, decision.scope().codesText());
    execution.setVariable(Var.SCOPE_DESCRIPTION, decision.scope().describe());
    execution.setVariable(Var.DEADLINE, decision.deadline().toString());
  }
}
