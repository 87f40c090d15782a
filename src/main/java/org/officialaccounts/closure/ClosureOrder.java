package org.officialaccounts.closure;

import java.time.LocalDate;

/**
 * An order to close one account: what a review, a directive or a unit's request hands to the
 * closure process. {@code closingDate} may be null (the configured grace period applies).
 */
public record ClosureOrder(
    long accountId,
    ClosureReason reason,
    String grounds,
    String directiveId,
    Long successorAccountId,
    LocalDate closingDate,
    String requestedBy) {

  /**
   * The business key: one closure per account and directive ({@code closure:<directive>:<account>}),
   * otherwise per account and reason.
   */
  public String businessKey() {
    String origin = directiveId != null ? directiveId : reason.name().toLowerCase(java.util.Locale.ROOT);
    return "closure:" + origin + ":" + accountId;
  }
}
