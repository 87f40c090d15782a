package org.officialaccounts.verification.adapter;

import static org.officialaccounts.verification.AccountVerification.Var;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.registry.RegistryService;
import org.officialaccounts.verification.AccountVerification.Value;
import org.officialaccounts.verification.VerificationSettings;
import org.springframework.stereotype.Component;

/** "Make account official": ACTIVE, official, next review due. */
@Component("activateAccountDelegate")
public class ActivateAccountDelegate implements JavaDelegate {

  private final RegistryService registry;
  private final VerificationSettings settings;

  public ActivateAccountDelegate(RegistryService registry, VerificationSettings settings) {
    this.registry = registry;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object verifiedBy = execution.getVariable(Var.VERIFIED_BY);
    LocalDate due =
        registry.verify(
            VerificationVariables.accountId(execution),
            settings.getReviewInterval(),
            verifiedBy instanceof String s ? s : "pr-media",
            execution.getProcessInstanceId());
    execution.setVariable(Var.NEXT_REVIEW_DUE, due.toString());
    execution.setVariable(Var.VERIFICATION_OUTCOME, Value.VERIFIED);
  }
}
