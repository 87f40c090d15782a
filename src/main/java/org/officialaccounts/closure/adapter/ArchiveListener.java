package org.officialaccounts.closure.adapter;

import static org.officialaccounts.closure.Closure.Var;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.officialaccounts.closure.ClosureRules;
import org.officialaccounts.system.EngineErrors;
import org.springframework.stereotype.Component;

/** "Archive and close" completes only with the archive's place, access removed and how the account ended. */
@Component("archiveListener")
public class ArchiveListener implements TaskListener {

  private final ClosureRules rules;

  public ArchiveListener(ClosureRules rules) {
    this.rules = rules;
  }

  @Override
  public void notify(DelegateTask task) {
    EngineErrors.rejectIfInvalid(rules.checkArchive(task.getVariable(Var.ARCHIVE_LOCATION),
        task.getVariable(Var.ADMINS_REMOVED), task.getVariable(Var.APPS_REVOKED), task.getVariable(Var.END_STATE),
        task.getVariable(Var.ARCHIVE_NOTES)));
    task.setVariable(Var.ARCHIVE_LOCATION, ((String) task.getVariable(Var.ARCHIVE_LOCATION)).strip());
    task.setVariable(Var.END_STATE, ClosureRules.endState(task.getVariable(Var.END_STATE)).name());
    task.setVariable("archivedBy", ClosureVariables.actor(task));
  }
}
