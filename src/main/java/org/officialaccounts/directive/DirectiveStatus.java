package org.officialaccounts.directive;

/** Where a directive stands. */
public enum DirectiveStatus {
  /** Registered; the Undersecretary's leadership meeting gates everything after it. */
  AWAITING_MEETING,
  /** Units notified, closures opening or open, progress followed. */
  CLOSING_ACCOUNTS,
  /** The deadline came (or every closure concluded): the Undersecretary reviews compliance. */
  AWAITING_COMPLIANCE_REVIEW,
  /** Accepted; the final report to the source is on its way. */
  ACCEPTED,
  /** The final report went to the source. */
  REPORTED
}
