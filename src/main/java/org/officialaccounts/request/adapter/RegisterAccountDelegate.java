package org.officialaccounts.request.adapter;

import static org.officialaccounts.request.AccountCreation.Var;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.registry.AccountConflictException;
import org.officialaccounts.registry.NewAccount;
import org.officialaccounts.registry.RegistryService;
import org.officialaccounts.request.AccountCreation;
import org.springframework.stereotype.Component;

/** "Register account": records the approved request as an APPROVED account. */
@Component("registerAccountDelegate")
public class RegisterAccountDelegate implements JavaDelegate {

  private final RegistryService registry;

  public RegisterAccountDelegate(RegistryService registry) {
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    NewAccount request =
        new NewAccount(
            RequestVariables.text(execution, Var.UNIT_CODE),
            RequestVariables.account(execution),
            RequestVariables.text(execution, Var.MANAGER_NAME),
            RequestVariables.text(execution, Var.MANAGER_EMAIL),
            RequestVariables.text(execution, Var.SECONDARY_CONTACT_EMAIL),
            RequestVariables.text(execution, Var.PURPOSE),
            execution.getProcessInstanceId());
    String approvedBy = RequestVariables.text(execution, Var.APPROVED_BY);
    String comment = RequestVariables.text(execution, Var.COMMENT);
    try {
      long id =
          registry.registerApproved(
              request,
              approvedBy == null ? "system" : approvedBy,
              comment == null || comment.isBlank() ? "Request approved" : comment);
      execution.setVariable(Var.ACCOUNT_ID, id);
    } catch (AccountConflictException e) {
      // Another request for the same account was approved while this one was in review.
      execution.setVariable(Var.CONFLICT, true);
      execution.setVariable(Var.CONFLICTING_ACCOUNT, e.existing().label());
      throw new BpmnError(AccountCreation.ERROR_ACCOUNT_CONFLICT, e.getMessage());
    }
  }
}
