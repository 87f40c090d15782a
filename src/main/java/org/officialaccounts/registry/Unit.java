package org.officialaccounts.registry;

/** One organisational unit of the ministry's tree. */
public record Unit(
    String code, UnitType type, String nameAr, String nameEn, String parentCode, String headEmail) {}
