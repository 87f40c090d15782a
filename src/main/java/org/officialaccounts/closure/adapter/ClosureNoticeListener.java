package org.officialaccounts.closure.adapter;

import static org.officialaccounts.closure.Closure.Var;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.officialaccounts.closure.ClosureRules;
import org.officialaccounts.registry.Platform;
import org.officialaccounts.system.EngineErrors;
import org.springframework.stereotype.Component;

/** "Post closure notice" completes only with the address of the post, on the account's platform. */
@Component("closureNoticeListener")
public class ClosureNoticeListener implements TaskListener {

  private final ClosureRules rules;

  public ClosureNoticeListener(ClosureRules rules) {
    this.rules = rules;
  }

  @Override
  public void notify(DelegateTask task) {
    Platform platform = Platform.valueOf((String) task.getVariable("platform"));
    EngineErrors.rejectIfInvalid(rules.checkNotice(task.getVariable(Var.NOTICE_URL), platform));
    task.setVariable(Var.NOTICE_URL, ((String) task.getVariable(Var.NOTICE_URL)).strip());
    task.setVariable("noticePostedBy", ClosureVariables.actor(task));
  }
}
