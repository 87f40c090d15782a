package org.officialaccounts.campaign;

import java.time.LocalDate;
import org.officialaccounts.registry.Platform;

/** Which accounts a campaign reviews: every active account, a unit's subtree, a platform, or those due before a date. */
public record CampaignScope(Kind kind, String unitCode, Platform platform, LocalDate dueBefore) {

  public enum Kind {
    ALL("all"),
    UNIT("unit"),
    PLATFORM("platform"),
    DUE("due");

    private final String value;

    Kind(String value) {
      this.value = value;
    }

    public String value() {
      return value;
    }

    public static Kind of(Object value) {
      for (Kind kind : values()) {
        if (kind.value.equals(value) || kind.name().equals(value)) {
          return kind;
        }
      }
      return null;
    }
  }

  public static CampaignScope all() {
    return new CampaignScope(Kind.ALL, null, null, null);
  }

  public static CampaignScope dueBefore(LocalDate date) {
    return new CampaignScope(Kind.DUE, null, null, date);
  }

  public String describe() {
    return switch (kind) {
      case ALL -> "all active accounts";
      case UNIT -> "unit " + unitCode + " and the units under it";
      case PLATFORM -> "platform " + platform;
      case DUE -> "due on or before " + dueBefore;
    };
  }
}
