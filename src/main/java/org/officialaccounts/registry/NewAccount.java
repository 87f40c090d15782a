package org.officialaccounts.registry;

/** What the registry needs to record a newly approved account. */
public record NewAccount(
    String unitCode,
    CanonicalAccount account,
    String managerName,
    String managerEmail,
    String secondaryContactEmail,
    String purpose,
    String processInstanceId) {}
