package org.officialaccounts.directive;

/**
 * Where a directive's closures stand. {@code inProgress} and {@code overdue} split the closures
 * not concluded yet (unopened ones included) by whether the deadline has passed.
 */
public record DirectiveProgress(long selected, long opened, long closed, long cancelled, long inProgress,
    long overdue) {

  public long concluded() {
    return closed + cancelled;
  }

  /** Every account to close has its closure concluded, closed or cancelled. */
  public boolean finished() {
    return concluded() >= selected;
  }

  /** From the ledger's counts and whether the deadline has passed. */
  static DirectiveProgress of(long selected, long opened, long closed, long cancelled, boolean pastDeadline) {
    long open = selected - closed - cancelled;
    return new DirectiveProgress(selected, opened, closed, cancelled, pastDeadline ? 0 : open, pastDeadline ? open : 0);
  }
}
