package org.officialaccounts.request.adapter;

import static org.officialaccounts.request.AccountCreation.Var;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.registry.Account;
import org.officialaccounts.registry.RegistryService;
import org.springframework.stereotype.Component;

/** "Check conflicts": is the URL or the unit's place on the platform already taken? */
@Component("checkConflictsDelegate")
public class CheckConflictsDelegate implements JavaDelegate {

  private final RegistryService registry;

  public CheckConflictsDelegate(RegistryService registry) {
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Optional<Account> conflict =
        registry.findConflict(
            RequestVariables.text(execution, Var.UNIT_CODE), RequestVariables.account(execution));
    execution.setVariable(Var.CONFLICT, conflict.isPresent());
    execution.setVariable(Var.CONFLICTING_ACCOUNT, conflict.map(Account::label).orElse(null));
  }
}
