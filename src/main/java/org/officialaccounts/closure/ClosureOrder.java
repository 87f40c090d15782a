package org.officialaccounts.closure;

import java.time.LocalDate;

/** What one closure is started with. */
public record ClosureOrder(long accountId, ClosureReason reason, String grounds, String directiveId,
    Long successorAccountId, LocalDate closingDate, String requestedBy) {

  /** "closure:&lt;directiveId or 'request' or 'review'&gt;:&lt;accountId&gt;". */
  public String businessKey() {
    String owner = directiveId != null ? directiveId : reason == ClosureReason.REVIEW ? "review" : "request";
    return "closure:" + owner + ":" + accountId;
  }
}
