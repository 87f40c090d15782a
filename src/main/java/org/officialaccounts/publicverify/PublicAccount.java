package org.officialaccounts.publicverify;

import java.time.OffsetDateTime;

/**
 * What the public may know of a registered account: no manager, no contact, no internal note.
 *
 * @param successorUrl for a closed account, the account its followers are sent to
 */
public record PublicAccount(
    String platform,
    String canonicalUrl,
    String handle,
    String status,
    boolean official,
    OffsetDateTime officialSince,
    OffsetDateTime closedSince,
    String unitCode,
    String unitType,
    String unitNameAr,
    String unitNameEn,
    String successorPlatform,
    String successorUrl,
    String successorUnitNameAr,
    String successorUnitNameEn) {}
