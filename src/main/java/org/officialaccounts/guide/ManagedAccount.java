package org.officialaccounts.guide;

import org.officialaccounts.registry.AccountStatus;

/** One live account of a manager, as much of it as acknowledging the guide needs. */
public record ManagedAccount(long id, String unitCode, String canonicalUrl, AccountStatus status, String managerName) {}
