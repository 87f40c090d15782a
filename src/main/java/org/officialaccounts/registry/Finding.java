package org.officialaccounts.registry;

import java.time.OffsetDateTime;

/** An accountability record: something a review found about an account, and what became of it. */
public record Finding(
    long id,
    long accountId,
    String finding,
    Severity severity,
    String recordedBy,
    OffsetDateTime recordedAt,
    String resolution,
    String resolvedBy,
    OffsetDateTime resolvedAt,
    String processInstanceId,
    String campaignId) {

  /** How much a finding matters. */
  public enum Severity {
    LOW,
    MEDIUM,
    HIGH
  }
}
