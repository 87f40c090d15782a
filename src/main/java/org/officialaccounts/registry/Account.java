package org.officialaccounts.registry;

import java.time.OffsetDateTime;

/** One social media presence of one unit on one platform, as the registry records it. */
public record Account(
    long id,
    String unitCode,
    Platform platform,
    String handle,
    String canonicalUrl,
    String displayName,
    AccountStatus status,
    boolean official,
    String managerName,
    String managerEmail,
    String secondaryContactEmail,
    String purpose,
    Long successorAccountId,
    String requestProcessInstanceId,
    OffsetDateTime requestedAt,
    OffsetDateTime approvedAt,
    OffsetDateTime verifiedAt,
    OffsetDateTime closedAt,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  /** A short bilingual-neutral label naming the account, for messages. */
  public String label() {
    return platform.name() + " " + canonicalUrl + " (#" + id + ", " + unitCode + ", " + status + ")";
  }
}
