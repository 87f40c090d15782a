package org.officialaccounts.directive.adapter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.directive.ConsolidationDirective.Var;
import org.officialaccounts.directive.DirectiveService;
import org.springframework.stereotype.Component;

/** "Select accounts to close": fixes the ledger once and says how many units get a notice. */
@Component("selectDirectiveAccountsDelegate")
public class SelectDirectiveAccountsDelegate implements JavaDelegate {

  private final DirectiveService directives;

  public SelectDirectiveAccountsDelegate(DirectiveService directives) {
    this.directives = directives;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DirectiveService.Selection selection = directives.select(DirectiveVariables.directiveId(execution));
    execution.setVariable(Var.SELECTED, (long) selection.accounts());
    execution.setVariable(Var.UNITS_TO_NOTIFY, selection.units());
  }
}
