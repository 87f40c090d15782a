package org.officialaccounts.request;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * How long review tasks may wait before a reminder and before an escalation; ISO-8601
 * durations, read by the models' timers as {@code ${deadlines.reviewReminder}}.
 */
@Component("deadlines")
@ConfigurationProperties("official-accounts.deadlines")
public class Deadlines {

  private String reviewReminder = "P2D";
  private String reviewEscalation = "P5D";

  public String getReviewReminder() {
    return reviewReminder;
  }

  public void setReviewReminder(String reviewReminder) {
    this.reviewReminder = checked("review-reminder", reviewReminder);
  }

  public String getReviewEscalation() {
    return reviewEscalation;
  }

  public void setReviewEscalation(String reviewEscalation) {
    this.reviewEscalation = checked("review-escalation", reviewEscalation);
  }

  /** Fails at start-up, not at the first timer, when a duration is not ISO-8601. */
  public static String checked(String name, String value) {
    String v = value == null ? "" : value.strip();
    try {
      if (v.contains("T")) {
        Duration.parse(v);
      } else {
        Period.parse(v);
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "official-accounts." + (name.contains(".") ? name : "deadlines." + name) + " must be an ISO-8601 duration such as P2D or PT4H, not '" + value + "'");
    }
    return v;
  }

  /** The moment a checked ISO-8601 duration after {@code from}. */
  public static java.time.OffsetDateTime after(java.time.OffsetDateTime from, String duration) {
    String v = duration.strip();
    return v.contains("T") ? from.plus(Duration.parse(v)) : from.plus(Period.parse(v));
  }
}
