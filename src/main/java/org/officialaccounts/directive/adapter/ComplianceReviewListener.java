package org.officialaccounts.directive.adapter;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.officialaccounts.directive.DirectiveService;
import org.officialaccounts.system.EngineErrors;
import org.springframework.stereotype.Component;

/**
 * "Review compliance" completes only with a decision that fits where the closures stand: a new
 * deadline to extend or escalate, units with accounts still open to escalate to, and a reason to
 * accept while some are open.
 */
@Component("complianceReviewListener")
public class ComplianceReviewListener implements TaskListener {

  private final DirectiveService directives;

  public ComplianceReviewListener(DirectiveService directives) {
    this.directives = directives;
  }

  @Override
  public void notify(DelegateTask task) {
    EngineErrors.rejectIfInvalid(directives.checkReview(DirectiveVariables.directiveId(task),
        DirectiveVariables.of(task, DirectiveVariables.REVIEW)));
    task.setVariable(DirectiveVariables.REVIEWED_BY, DirectiveVariables.completedBy(task));
  }
}
