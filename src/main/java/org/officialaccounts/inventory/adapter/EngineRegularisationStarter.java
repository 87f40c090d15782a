package org.officialaccounts.inventory.adapter;

import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.officialaccounts.inventory.RegularisationStarter;
import org.officialaccounts.verification.AccountVerification;
import org.officialaccounts.verification.AccountVerification.Var;
import org.springframework.stereotype.Component;

/**
 * Starts AccountVerificationProcess through its message start "RegulariseAccount" with the
 * account and the person regularising it, keyed {@code regularisation:<account id>}.
 */
@Component
public class EngineRegularisationStarter implements RegularisationStarter {

  private final RuntimeService runtime;
  private final IdentityService identity;

  public EngineRegularisationStarter(RuntimeService runtime, IdentityService identity) {
    this.runtime = runtime;
    this.identity = identity;
  }

  @Override
  public Optional<String> runningVerification(long accountId) {
    return asSystem(() -> runtime.createProcessInstanceQuery()
        .processDefinitionKey(AccountVerification.PROCESS_KEY)
        .variableValueEquals(Var.ACCOUNT_ID, accountId)
        .list().stream().findFirst().map(ProcessInstance::getId));
  }

  @Override
  public String start(long accountId, String initiator) {
    return asSystem(() -> runtime.createMessageCorrelation(AccountVerification.REGULARISATION_MESSAGE)
        .processInstanceBusinessKey("regularisation:" + accountId)
        .setVariable(Var.ACCOUNT_ID, accountId)
        .setVariable(Var.INITIATOR, initiator)
        .correlateStartMessage()
        .getId());
  }

  /**
   * Runs without the caller's engine login. The service has already decided who may regularise
   * which account; a grant that let coordinators start or see verifications in the engine would
   * let them do so for every unit's accounts through the engine's REST API.
   */
  private <T> T asSystem(Supplier<T> work) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
