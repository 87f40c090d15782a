package org.officialaccounts.verification.adapter;

import static org.officialaccounts.verification.AccountVerification.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.registry.AccountStatus;
import org.officialaccounts.registry.RegistryService;
import org.officialaccounts.verification.AccountVerification.Value;
import org.springframework.stereotype.Component;

/** "Let the approval lapse": the account is EXPIRED and frees its place. */
@Component("expireAccountDelegate")
public class ExpireAccountDelegate implements JavaDelegate {

  private final RegistryService registry;

  public ExpireAccountDelegate(RegistryService registry) {
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean decided = Value.EXPIRE.equals(execution.getVariable(Var.STALLED_DECISION));
    registry.changeStatus(
        VerificationVariables.accountId(execution),
        AccountStatus.APPROVED,
        AccountStatus.EXPIRED,
        decided ? "undersecretary" : "system",
        decided
            ? "The Undersecretary let the approval lapse after repeated send-backs"
            : "Set-up not completed by the deadline",
        execution.getProcessInstanceId());
    execution.setVariable(Var.VERIFICATION_OUTCOME, Value.EXPIRED);
  }
}
