package org.officialaccounts.review.adapter;

import static org.officialaccounts.review.PeriodicReview.Var;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.officialaccounts.campaign.ReviewCampaign;
import org.officialaccounts.registry.Account;
import org.officialaccounts.registry.AccountRepository;
import org.officialaccounts.registry.AccountStatus;
import org.officialaccounts.review.PeriodicReview;
import org.officialaccounts.security.Actor;
import org.officialaccounts.security.EngineActors;
import org.officialaccounts.security.Groups;
import org.officialaccounts.system.EngineErrors;
import org.springframework.stereotype.Component;

/**
 * A review started by hand (Tasklist, the engine's REST API) starts only for an account that
 * exists, is active or under corrective action, and has no review running; it cannot pose as a
 * campaign's review. A campaign's launcher starts its reviews with their business key alone,
 * as the engine itself, and passes without a query.
 */
@Component("reviewStartListener")
public class ReviewStartListener implements ExecutionListener {

  private final AccountRepository accounts;

  public ReviewStartListener(AccountRepository accounts) {
    this.accounts = accounts;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Actor caller = EngineActors.current(execution.getProcessEngineServices().getIdentityService());
    boolean campaignKey = ReviewCampaign.parseReviewKey(execution.getProcessBusinessKey()) != null;
    if (campaignKey) {
      if (caller != null && !caller.groups().contains(Groups.CAMUNDA_ADMIN)) {
        throw new AuthorizationException(
            "Only a campaign opens a campaign's reviews / لا تفتح مراجعات الحملة إلا الحملة نفسها");
      }
      return;
    }
    if (execution.getVariable(Var.CAMPAIGN_ID) != null) {
      throw EngineErrors.invalidInput(
          "campaignId: a review started by hand belongs to no campaign / المراجعة اليدوية لا تتبع حملة");
    }
    long id = accountId(execution.getVariable(Var.ACCOUNT_ID));
    execution.setVariable(Var.ACCOUNT_ID, id);
    Account account = accounts.find(id).orElseThrow(() -> EngineErrors.invalidInput(
        "accountId: no account " + id + " / لا يوجد حساب بالرقم " + id));
    if (account.status() != AccountStatus.ACTIVE && account.status() != AccountStatus.CORRECTIVE_ACTION) {
      throw EngineErrors.invalidInput("accountId: the account is " + account.status()
          + "; only active accounts and accounts under corrective action are reviewed"
          + " / الحساب في حالة " + account.status() + " ولا يراجع إلا الحساب النشط أو الخاضع لإجراء تصحيحي");
    }
    long running = execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(PeriodicReview.PROCESS_KEY)
        .variableValueEquals(Var.ACCOUNT_ID, id)
        .count();
    if (running > 0) {
      throw EngineErrors.invalidInput("accountId: account " + id + " is already under review"
          + " / الحساب " + id + " قيد المراجعة بالفعل");
    }
  }

  private static long accountId(Object value) {
    if (value instanceof Number number && number.doubleValue() == number.longValue() && number.longValue() > 0) {
      return number.longValue();
    }
    if (value instanceof String text && text.strip().matches("[1-9][0-9]{0,17}")) {
      return Long.parseLong(text.strip());
    }
    throw EngineErrors.invalidInput(value == null
        ? "accountId: required (the registry's number of the account) / رقم الحساب مطلوب"
        : "accountId: not an account number: " + value + " / ليس رقم حساب");
  }
}
