package org.officialaccounts.notification;

import java.time.OffsetDateTime;

/** One email the application sent, as logged in the registry. */
public record Notification(
    long id,
    String recipient,
    String template,
    String subject,
    String status,
    OffsetDateTime sentAt,
    String processInstanceId,
    Long accountId) {}
