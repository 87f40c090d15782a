package org.officialaccounts.review.adapter;

import static org.officialaccounts.review.PeriodicReview.Var;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.officialaccounts.review.ReviewRules;
import org.officialaccounts.security.Actor;
import org.officialaccounts.security.EngineActors;
import org.officialaccounts.system.EngineErrors;
import org.springframework.stereotype.Component;

/** "Assess review" completes only with an assessment and its grounds; remembers the reviewer. */
@Component("assessmentListener")
public class AssessmentListener implements TaskListener {

  private final ReviewRules rules;

  public AssessmentListener(ReviewRules rules) {
    this.rules = rules;
  }

  @Override
  public void notify(DelegateTask task) {
    EngineErrors.rejectIfInvalid(rules.checkAssessment(task.getVariable(Var.ASSESSMENT),
        task.getVariable(Var.ASSESSMENT_NOTES), task.getVariable(Var.CORRECTIVE_ACTION)));
    Actor actor = EngineActors.current(task.getProcessEngineServices().getIdentityService());
    task.setVariable(Var.ASSESSED_BY, actor != null ? actor.userId() : task.getAssignee() != null ? task.getAssignee() : "reviewer");
  }
}
