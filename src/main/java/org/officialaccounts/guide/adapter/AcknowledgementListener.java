package org.officialaccounts.guide.adapter;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.officialaccounts.guide.GuideAcknowledgement.Var;
import org.officialaccounts.security.Actor;
import org.officialaccounts.security.EngineActors;
import org.officialaccounts.system.EngineErrors;
import org.springframework.stereotype.Component;

/** "Acknowledge governance guide" completes only with the acknowledgement ticked; remembers who ticked it. */
@Component("guideAcknowledgementListener")
public class AcknowledgementListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if (!Boolean.TRUE.equals(task.getVariable(Var.ACKNOWLEDGED))) {
      Object version = task.getVariable(Var.GUIDE_VERSION);
      throw EngineErrors.invalidInput(
          "\u2067الإقرار: حدد «قرأت الإصدار " + version + " وسأطبقه» لإتمام المهمة\u2069 / Acknowledgement: tick \"I have read"
              + " and will apply version " + version + "\" to complete the task");
    }
    Actor actor = EngineActors.current(task.getProcessEngineServices().getIdentityService());
    task.setVariable(Var.ACKNOWLEDGED_BY,
        actor != null ? actor.userId() : task.getAssignee() != null ? task.getAssignee() : "system");
  }
}
