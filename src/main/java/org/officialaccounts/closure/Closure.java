package org.officialaccounts.closure;

/** Names of the AccountClosureProcess model. */
public final class Closure {

  public static final String PROCESS_KEY = "AccountClosureProcess";

  private Closure() {}
}
