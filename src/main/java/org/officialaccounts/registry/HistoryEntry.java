package org.officialaccounts.registry;

import java.time.OffsetDateTime;

/** One status change of an account: from, to, who, when, why and in which process. */
public record HistoryEntry(
    long id,
    long accountId,
    AccountStatus fromStatus,
    AccountStatus toStatus,
    String changedBy,
    OffsetDateTime changedAt,
    String reason,
    String processInstanceId) {}
