package org.officialaccounts.directive;

import org.officialaccounts.request.Deadlines;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * How directives open and follow their closures; read by the model as
 * {@code ${directiveSettings.partitions}} and {@code ${directiveSettings.meetingReminder}}.
 */
@Component("directiveSettings")
@ConfigurationProperties("official-accounts.directive")
public class DirectiveSettings {

  /** Closures opened per transaction. */
  private int chunkSize = 250;
  /** Launchers working side by side; each takes the accounts whose id modulo this is its number. */
  private int partitions = 2;
  /** How often progress is counted while closures are open (and at the deadline in any case). */
  private String progressInterval = "PT1H";
  /** When the Undersecretary is reminded of a leadership meeting not yet recorded. */
  private String meetingReminder = "P2D";
  /** A unit's notice lists this many accounts in its text; more go in an attached CSV file. */
  private int noticeListLimit = 200;
  /**
   * The closures' closing date comes this long before the directive's deadline, so their
   * managers archive and close the accounts by the deadline, not after it.
   */
  private java.time.Period closingLead = java.time.Period.ofDays(7);

  public int getChunkSize() {
    return chunkSize;
  }

  public void setChunkSize(int chunkSize) {
    if (chunkSize < 1 || chunkSize > 5000) {
      throw new IllegalArgumentException("official-accounts.directive.chunk-size must be between 1 and 5000");
    }
    this.chunkSize = chunkSize;
  }

  public int getPartitions() {
    return partitions;
  }

  public void setPartitions(int partitions) {
    if (partitions < 1 || partitions > 32) {
      throw new IllegalArgumentException("official-accounts.directive.partitions must be between 1 and 32");
    }
    this.partitions = partitions;
  }

  public String getProgressInterval() {
    return progressInterval;
  }

  public void setProgressInterval(String value) {
    this.progressInterval = Deadlines.checked("directive.progress-interval", value);
  }

  public String getMeetingReminder() {
    return meetingReminder;
  }

  public void setMeetingReminder(String value) {
    this.meetingReminder = Deadlines.checked("directive.meeting-reminder", value);
  }

  public int getNoticeListLimit() {
    return noticeListLimit;
  }

  public void setNoticeListLimit(int noticeListLimit) {
    if (noticeListLimit < 0 || noticeListLimit > 5000) {
      throw new IllegalArgumentException("official-accounts.directive.notice-list-limit must be between 0 and 5000");
    }
    this.noticeListLimit = noticeListLimit;
  }

  public java.time.Period getClosingLead() {
    return closingLead;
  }

  public void setClosingLead(java.time.Period closingLead) {
    if (closingLead.isNegative()) {
      throw new IllegalArgumentException("official-accounts.directive.closing-lead must not be negative");
    }
    this.closingLead = closingLead;
  }
}
