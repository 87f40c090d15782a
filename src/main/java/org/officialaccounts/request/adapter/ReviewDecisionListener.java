package org.officialaccounts.request.adapter;

import static org.officialaccounts.request.AccountCreation.Var;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.officialaccounts.request.AccountCreation.Decision;
import org.officialaccounts.request.FieldError;
import org.officialaccounts.request.ReviewDecision;
import org.officialaccounts.security.EngineActors;
import org.officialaccounts.system.EngineErrors;
import org.springframework.stereotype.Component;

/**
 * Refuses to complete a review task whose decision is missing or malformed, whatever client
 * sent it; on approval remembers who approved.
 */
@Component("reviewDecisionListener")
public class ReviewDecisionListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Object decision = task.getVariable(Var.DECISION);
    Object comment = task.getVariable(Var.COMMENT);
    rejectIfInvalid(ReviewDecision.checkReview(decision, comment));
    if (comment instanceof String c) {
      task.setVariable(Var.COMMENT, c.strip());
    }
    if (Decision.APPROVE.equals(decision)) {
      var actor = EngineActors.current(task.getProcessEngineServices().getIdentityService());
      String approver = actor != null ? actor.userId() : task.getAssignee();
      task.setVariable(Var.APPROVED_BY, approver == null ? "system" : approver);
    }
  }

  static void rejectIfInvalid(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw EngineErrors.invalidInput(
          errors.stream().map(FieldError::bilingual).collect(Collectors.joining("; ")));
    }
  }
}
