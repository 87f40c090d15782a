package org.officialaccounts.guide.adapter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.guide.GuideAcknowledgement.Var;
import org.officialaccounts.guide.GuideService;
import org.springframework.stereotype.Component;

/**
 * "Find manager": who gets the task (the manager's user, else the coordinators of one of their
 * accounts' units, through {@code taskRouting}), which accounts it is about, and its deadline.
 */
@Component("findManagerDelegate")
public class FindManagerDelegate implements JavaDelegate {

  private final GuideService guides;

  public FindManagerDelegate(GuideService guides) {
    this.guides = guides;
  }

  @Override
  public void execute(DelegateExecution execution) {
    GuideService.Manager manager = guides.manager(GuideVariables.string(execution, Var.MANAGER_EMAIL));
    execution.setVariable(Var.MANAGER_USER_ID, manager.userId());
    execution.setVariable(Var.MANAGER_NAME, manager.name());
    execution.setVariable(Var.UNIT_CODE, manager.unitCode());
    execution.setVariable(Var.MANAGED_ACCOUNTS, manager.accountList());
    execution.setVariable(Var.DEADLINE, guides.deadlineFromNow());
  }
}
