package org.officialaccounts.closure;

/** Why an account is being closed: its unit asked, a review concluded so, or a directive ordered it. */
public enum ClosureReason {
  REQUEST,
  REVIEW,
  DIRECTIVE;

  public static ClosureReason of(Object value) {
    for (ClosureReason reason : values()) {
      if (reason.name().equals(value)) {
        return reason;
      }
    }
    return null;
  }
}
