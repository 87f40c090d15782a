package org.officialaccounts.verification.adapter;

import static org.officialaccounts.verification.AccountVerification.Var;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.registry.AccountUrlCanonicalizer;
import org.officialaccounts.registry.Platform;
import org.officialaccounts.registry.RegistryService;
import org.officialaccounts.registry.SetUp;
import org.springframework.stereotype.Component;

/** "Record set-up": the registry keeps what the manager set up. */
@Component("recordSetUpDelegate")
public class RecordSetUpDelegate implements JavaDelegate {

  private final RegistryService registry;
  private final AccountUrlCanonicalizer canonicalizer;

  public RecordSetUpDelegate(RegistryService registry, AccountUrlCanonicalizer canonicalizer) {
    this.registry = registry;
    this.canonicalizer = canonicalizer;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Platform platform = Platform.valueOf((String) execution.getVariable("platform"));
    SetUp setUp =
        new SetUp(
            canonicalizer.canonicalize(platform, (String) execution.getVariable(Var.FINAL_URL)),
            true,
            (String) execution.getVariable(Var.RECOVERY_EMAIL),
            List.of(((String) execution.getVariable(Var.ADMINISTRATORS)).split("\n")),
            (String) execution.getVariable(Var.GUIDE_VERSION));
    Object manager = execution.getVariable(Var.MANAGER_USER_ID);
    registry.recordSetUp(
        VerificationVariables.accountId(execution),
        setUp,
        manager instanceof String m ? m : "manager",
        execution.getProcessInstanceId());
    // The tasks and emails after this show the address as it is now.
    execution.setVariable("canonicalUrl", setUp.account().canonicalUrl());
    execution.setVariable("handle", setUp.account().handle());
  }
}
