package org.officialaccounts.verification.adapter;

import static org.officialaccounts.verification.AccountVerification.Var;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.officialaccounts.security.Actor;
import org.officialaccounts.security.EngineActors;

/** Reads the verification's variables. */
final class VerificationVariables {

  private VerificationVariables() {}

  static long accountId(VariableScope scope) {
    return org.officialaccounts.registry.adapter.AccountVariables.accountId(scope);
  }

  static int number(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value instanceof Number n ? n.intValue() : 0;
  }

  /** Who acts: the logged-in user completing a task, or the given fallback. */
  static String actor(org.camunda.bpm.engine.delegate.DelegateTask task, String fallback) {
    Actor actor = EngineActors.current(task.getProcessEngineServices().getIdentityService());
    return actor != null ? actor.userId() : task.getAssignee() != null ? task.getAssignee() : fallback;
  }
}
