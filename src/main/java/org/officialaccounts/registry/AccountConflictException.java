package org.officialaccounts.registry;

/** Thrown when an account would take a URL or a unit's platform slot another account holds. */
public class AccountConflictException extends RuntimeException {

  private final transient Account existing;

  public AccountConflictException(Account existing) {
    super("Conflicts with existing account " + existing.label());
    this.existing = existing;
  }

  public Account existing() {
    return existing;
  }
}
