package org.officialaccounts.guide;

import java.time.Duration;
import java.time.Period;
import java.time.ZonedDateTime;
import org.officialaccounts.request.Deadlines;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * How long a manager has to acknowledge a new version of the guide, and how many managers one
 * transaction asks; read by the timers as {@code ${guideSettings.acknowledgementDeadline}}.
 */
@Component("guideSettings")
@ConfigurationProperties("official-accounts.guide")
public class GuideSettings {

  static final int MAX_CHUNK = 5000;

  private String acknowledgementReminder = "P21D";
  private String acknowledgementDeadline = "P30D";
  private int launchChunkSize = 500;

  public String getAcknowledgementReminder() {
    return acknowledgementReminder;
  }

  public void setAcknowledgementReminder(String value) {
    this.acknowledgementReminder = Deadlines.checked("guide.acknowledgement-reminder", value);
  }

  public String getAcknowledgementDeadline() {
    return acknowledgementDeadline;
  }

  public void setAcknowledgementDeadline(String value) {
    this.acknowledgementDeadline = Deadlines.checked("guide.acknowledgement-deadline", value);
  }

  public int getLaunchChunkSize() {
    return launchChunkSize;
  }

  /** Bounded: one chunk is one transaction, which must finish well within a job's lock time. */
  public void setLaunchChunkSize(int launchChunkSize) {
    if (launchChunkSize < 1 || launchChunkSize > MAX_CHUNK) {
      throw new IllegalArgumentException(
          "official-accounts.guide.launch-chunk-size must be from 1 to " + MAX_CHUNK);
    }
    this.launchChunkSize = launchChunkSize;
  }

  /** When a deadline that starts now falls due, the way the engine's timer counts it. */
  static ZonedDateTime due(ZonedDateTime now, String isoDuration) {
    return isoDuration.contains("T") ? now.plus(Duration.parse(isoDuration)) : now.plus(Period.parse(isoDuration));
  }
}
