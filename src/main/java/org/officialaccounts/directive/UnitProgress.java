package org.officialaccounts.directive;

/** One unit's closures (the unit right below the ministry, with the units under it). */
public record UnitProgress(
    String unitCode,
    String nameAr,
    String nameEn,
    long accounts,
    long opened,
    long closed,
    long cancelled,
    long inProgress,
    long overdue,
    int escalations) {

  public long open() {
    return inProgress + overdue;
  }

  /** One line for Cockpit and Tasklist. */
  public String line() {
    return unitCode + " " + nameEn + ": " + closed + " closed, " + cancelled + " cancelled, " + inProgress
        + " in progress, " + overdue + " overdue of " + accounts + (escalations > 0 ? "; escalated " + escalations + "x" : "");
  }
}
