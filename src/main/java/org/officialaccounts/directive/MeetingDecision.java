package org.officialaccounts.directive;

import java.time.LocalDate;
import java.util.List;

/** What "Hold leadership meeting" decided, checked: the scope to close, what is kept and why, the deadline. */
public record MeetingDecision(
    LocalDate date,
    String attendees,
    String decision,
    DirectiveScope scope,
    List<KeptAccount> exceptions,
    LocalDate deadline,
    String minutes) {

  /** An account in scope the meeting kept, with its reason. */
  public record KeptAccount(long accountId, String canonicalUrl, String reason) {}
}
