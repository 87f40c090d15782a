package org.officialaccounts.registry;

/** Optional criteria for listing units; a null field matches everything. */
public record UnitFilter(UnitType type, String parentCode, String text) {}
