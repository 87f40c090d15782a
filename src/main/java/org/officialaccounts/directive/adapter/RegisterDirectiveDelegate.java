package org.officialaccounts.directive.adapter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.directive.ConsolidationDirective.Var;
import org.officialaccounts.directive.Directive;
import org.officialaccounts.directive.DirectiveService;
import org.springframework.stereotype.Component;

/**
 * "Register directive", in the starting transaction so whoever starts it learns its id at once:
 * records it, names the instance by its id, and tells the meeting how many accounts the ordered
 * scope closes.
 */
@Component("registerDirectiveDelegate")
public class RegisterDirectiveDelegate implements JavaDelegate {

  private final DirectiveService directives;

  public RegisterDirectiveDelegate(DirectiveService directives) {
    this.directives = directives;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object startedBy = execution.getVariable(Var.STARTED_BY);
    Directive directive = directives.register(execution.getProcessInstanceId(),
        DirectiveVariables.of(execution, DirectiveVariables.START), startedBy == null ? "system" : startedBy.toString());
    execution.setProcessBusinessKey(directive.id());
    execution.setVariable(Var.DIRECTIVE_ID, directive.id());
    execution.setVariable(Var.SCOPE_DESCRIPTION, directive.scope().describe());
    // The forms show the scope and the remaining accounts as the registry spells them.
    execution.setVariable(Var.UNIT_TYPES, directive.scope().typesText());
    execution.setVariable(Var.UNIT_CODES, directive.scope().codesText());
    execution.setVariable(Var.OFFICIAL_ACCOUNTS, DirectiveService.officialLines(directives.officialAccounts(directive.id())));
    execution.setVariable(Var.ACCOUNTS_IN_SCOPE, (long) directives.countInScope(directive.id()));
  }
}
