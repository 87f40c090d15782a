package org.officialaccounts.publicverify;

import java.time.OffsetDateTime;

/**
 * The public answer about one account.
 *
 * @param status {@code official}, {@code closed} or {@code unknown}
 */
public record Verdict(
    String status,
    String platform,
    String canonicalUrl,
    Unit unit,
    OffsetDateTime officialSince,
    OffsetDateTime closedSince,
    Successor successor,
    String messageEn,
    String messageAr) {

  public static final String OFFICIAL = "official";
  public static final String CLOSED = "closed";
  public static final String UNKNOWN = "unknown";

  /** The unit an account speaks for. */
  public record Unit(String code, String type, String nameAr, String nameEn) {}

  /** The account to follow instead of a closed one. */
  public record Successor(String platform, String canonicalUrl, String unitNameAr, String unitNameEn) {}
}
