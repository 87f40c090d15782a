package org.officialaccounts.verification.adapter;

import static org.officialaccounts.verification.AccountVerification.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.notification.Directory;
import org.officialaccounts.registry.Account;
import org.officialaccounts.registry.AccountRepository;
import org.officialaccounts.registry.Unit;
import org.officialaccounts.registry.UnitRepository;
import org.officialaccounts.registry.adapter.AccountVariables;
import org.officialaccounts.verification.GuideVersion;
import org.officialaccounts.verification.GuideVersionRepository;
import org.officialaccounts.verification.VerificationSettings;
import org.springframework.stereotype.Component;

/** "Load account": what the set-up and verification tasks show, from the registry. */
@Component("loadAccountDelegate")
public class LoadAccountDelegate implements JavaDelegate {

  private final AccountRepository accounts;
  private final UnitRepository units;
  private final GuideVersionRepository guides;
  private final VerificationSettings settings;
  private final Directory directory;

  public LoadAccountDelegate(
      AccountRepository accounts,
      UnitRepository units,
      GuideVersionRepository guides,
      VerificationSettings settings,
      Directory directory) {
    this.accounts = accounts;
    this.units = units;
    this.guides = guides;
    this.settings = settings;
    this.directory = directory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = VerificationVariables.accountId(execution);
    Account account = accounts.find(id).orElseThrow(() -> new IllegalStateException("No account " + id));
    Unit unit = units.find(account.unitCode()).orElseThrow();
    GuideVersion guide =
        guides.inForce().orElseThrow(() -> new IllegalStateException("No governance guide version is in force"));
    AccountVariables.put(execution, account, unit);
    execution.setVariable(Var.MANAGER_USER_ID,
        account.managerEmail() == null ? null : directory.userIdByEmail(account.managerEmail()).orElse(null));
    execution.setVariable(Var.GUIDE_VERSION, guide.version());
    execution.setVariable(Var.GUIDE_SUMMARY, guide.summary());
    execution.setVariable(Var.RECOVERY_DOMAINS, String.join(", ", settings.getRecoveryDomains()));
    execution.setVariable(Var.MAX_SEND_BACKS, settings.getMaxSendBacks());
    execution.setVariable(Var.SEND_BACK_COUNT, 0);
    execution.setVariable(Var.SEND_BACKS_LEFT, true);
  }
}
