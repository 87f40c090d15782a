package org.officialaccounts.registry;

/** Where an account stands in its lifecycle; stored and exposed in upper case. */
public enum AccountStatus {
  APPROVED,
  ACTIVE,
  UNDER_REVIEW,
  CORRECTIVE_ACTION,
  SUSPENDED,
  CLOSING,
  CLOSED,
  EXPIRED,
  UNREGISTERED;

  /** Whether an account in this status still occupies its unit's place on a platform. */
  public boolean holdsPlatformSlot() {
    return this != CLOSED && this != EXPIRED;
  }
}
