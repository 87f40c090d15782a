package org.officialaccounts.verification.adapter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.registry.AccountStatus;
import org.officialaccounts.registry.RegistryService;
import org.springframework.stereotype.Component;

/** "Accept for regularisation": an account found in the wild enters verification as APPROVED. */
@Component("acceptRegularisationDelegate")
public class AcceptRegularisationDelegate implements JavaDelegate {

  private final RegistryService registry;

  public AcceptRegularisationDelegate(RegistryService registry) {
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object initiator = execution.getVariable("initiator");
    registry.changeStatus(
        VerificationVariables.accountId(execution),
        AccountStatus.UNREGISTERED,
        AccountStatus.APPROVED,
        initiator instanceof String s ? s : "system",
        "Accepted for regularisation",
        execution.getProcessInstanceId());
  }
}
