package org.officialaccounts.directive;

import java.time.OffsetDateTime;

/** One account a directive closes, with where its closure stands, for the notices and the reports. */
public record DirectiveAccount(
    long accountId,
    String unitCode,
    String unitNameAr,
    String unitNameEn,
    String reportUnit,
    String platform,
    String canonicalUrl,
    String status,
    String successorUrl,
    String outcome,
    String outcomeReason,
    OffsetDateTime concludedAt,
    String processInstanceId) {

  /** CLOSED, CANCELLED, or OPEN while the closure has not concluded (or not started). */
  public String state() {
    return outcome != null ? outcome : "OPEN";
  }
}
