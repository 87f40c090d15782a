package org.officialaccounts.registry.adapter;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.officialaccounts.registry.Account;
import org.officialaccounts.registry.Unit;

/** Writes what tasks and emails show of an account into a process's variables. */
public final class AccountVariables {

  private AccountVariables() {}

  public static void put(VariableScope scope, Account account, Unit unit) {
    scope.setVariable("unitCode", unit.code());
    scope.setVariable("unitNameAr", unit.nameAr());
    scope.setVariable("unitNameEn", unit.nameEn());
    scope.setVariable("platform", account.platform().name());
    scope.setVariable(
        "platformLabel", account.platform().displayNameAr() + " / " + account.platform().displayNameEn());
    scope.setVariable("canonicalUrl", account.canonicalUrl());
    scope.setVariable("handle", account.handle());
    scope.setVariable("managerName", account.managerName());
    scope.setVariable("managerEmail", account.managerEmail());
  }

  public static long accountId(VariableScope scope) {
    Object id = scope.getVariable("accountId");
    if (!(id instanceof Number number)) {
      throw new IllegalStateException("The process has no accountId");
    }
    return number.longValue();
  }
}
