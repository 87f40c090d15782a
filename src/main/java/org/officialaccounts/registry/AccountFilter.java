package org.officialaccounts.registry;

/** Optional criteria for listing accounts; a null field matches everything. */
public record AccountFilter(String unitCode, Platform platform, AccountStatus status) {}
