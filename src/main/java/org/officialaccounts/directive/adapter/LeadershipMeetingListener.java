package org.officialaccounts.directive.adapter;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.officialaccounts.directive.DirectiveService;
import org.officialaccounts.system.EngineErrors;
import org.springframework.stereotype.Component;

/**
 * "Hold leadership meeting" completes only with its date, attendees, a decision that only
 * narrows the scope, exceptions in scope each with a reason, a deadline not past and minutes.
 */
@Component("leadershipMeetingListener")
public class LeadershipMeetingListener implements TaskListener {

  private final DirectiveService directives;

  public LeadershipMeetingListener(DirectiveService directives) {
    this.directives = directives;
  }

  @Override
  public void notify(DelegateTask task) {
    EngineErrors.rejectIfInvalid(directives.checkMeeting(DirectiveVariables.directiveId(task),
        DirectiveVariables.of(task, DirectiveVariables.MEETING)));
    task.setVariable(DirectiveVariables.MEETING_HELD_BY, DirectiveVariables.completedBy(task));
  }
}
