package org.officialaccounts.request.adapter;

import static org.officialaccounts.request.AccountCreation.Var;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.officialaccounts.registry.CanonicalAccount;
import org.officialaccounts.registry.Platform;

/** Reads the validated request back from the process variables. */
final class RequestVariables {

  private RequestVariables() {}

  static CanonicalAccount account(VariableScope scope) {
    return new CanonicalAccount(
        Platform.valueOf(text(scope, Var.PLATFORM)),
        text(scope, Var.HANDLE),
        text(scope, Var.CANONICAL_URL));
  }

  static String text(VariableScope scope, String name) {
    return (String) scope.getVariable(name);
  }
}
