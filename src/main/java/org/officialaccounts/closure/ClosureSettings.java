package org.officialaccounts.closure;

import java.time.Duration;
import java.time.Period;
import java.util.List;
import org.officialaccounts.request.Deadlines;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The closure's grace period, repeated notices and the manager's deadlines, read by the model's
 * timers as {@code ${closureSettings.noticeReminder}} and by the delegates.
 */
@Component("closureSettings")
@ConfigurationProperties("official-accounts.closure")
public class ClosureSettings {

  /** From the opening of a closure to its closing date, unless the order names a date. */
  private Period gracePeriod = Period.ofDays(30);
  /** A closing date nearer than this (a directive's deadline, say) is moved out to it: followers need notice. */
  private Period minimumNotice = Period.ofDays(2);
  /** The notice is posted again this long before the closing date (those still ahead when it is posted). */
  private List<Duration> noticeRepeats = List.of(Duration.ofDays(30), Duration.ofDays(14), Duration.ofHours(48));
  private String noticeReminder = "P2D";
  private String noticeEscalation = "P4D";
  private String noticeDeadline = "P7D";
  private String archiveReminder = "P3D";
  private String archiveEscalation = "P7D";
  private String archiveDeadline = "P14D";
  /** PR &amp; Media send "Archive and close" back at most this often; then the platform is asked. */
  private int maxSendBacks = 2;

  public Period getGracePeriod() {
    return gracePeriod;
  }

  public void setGracePeriod(Period gracePeriod) {
    this.gracePeriod = positive("grace-period", gracePeriod);
  }

  public Period getMinimumNotice() {
    return minimumNotice;
  }

  public void setMinimumNotice(Period minimumNotice) {
    this.minimumNotice = positive("minimum-notice", minimumNotice);
  }

  public List<Duration> getNoticeRepeats() {
    return noticeRepeats;
  }

  public void setNoticeRepeats(List<Duration> noticeRepeats) {
    if (noticeRepeats.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
      throw new IllegalArgumentException("official-accounts.closure.notice-repeats must be positive durations such as P14D, PT48H");
    }
    this.noticeRepeats = List.copyOf(noticeRepeats);
  }

  public String getNoticeReminder() {
    return noticeReminder;
  }

  public void setNoticeReminder(String value) {
    this.noticeReminder = Deadlines.checked("closure.notice-reminder", value);
  }

  public String getNoticeEscalation() {
    return noticeEscalation;
  }

  public void setNoticeEscalation(String value) {
    this.noticeEscalation = Deadlines.checked("closure.notice-escalation", value);
  }

  public String getNoticeDeadline() {
    return noticeDeadline;
  }

  public void setNoticeDeadline(String value) {
    this.noticeDeadline = Deadlines.checked("closure.notice-deadline", value);
  }

  public String getArchiveReminder() {
    return archiveReminder;
  }

  public void setArchiveReminder(String value) {
    this.archiveReminder = Deadlines.checked("closure.archive-reminder", value);
  }

  public String getArchiveEscalation() {
    return archiveEscalation;
  }

  public void setArchiveEscalation(String value) {
    this.archiveEscalation = Deadlines.checked("closure.archive-escalation", value);
  }

  public String getArchiveDeadline() {
    return archiveDeadline;
  }

  public void setArchiveDeadline(String value) {
    this.archiveDeadline = Deadlines.checked("closure.archive-deadline", value);
  }

  public int getMaxSendBacks() {
    return maxSendBacks;
  }

  public void setMaxSendBacks(int maxSendBacks) {
    if (maxSendBacks < 0 || maxSendBacks > 10) {
      throw new IllegalArgumentException("official-accounts.closure.max-send-backs must be between 0 and 10");
    }
    this.maxSendBacks = maxSendBacks;
  }

  private static Period positive(String name, Period value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("official-accounts.closure." + name + " must be a positive period such as P30D");
    }
    return value;
  }
}
