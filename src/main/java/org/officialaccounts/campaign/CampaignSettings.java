package org.officialaccounts.campaign;

import java.time.Period;
import org.officialaccounts.request.Deadlines;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * How campaigns open and follow their reviews; read by the model as
 * {@code ${campaignSettings.partitions}} and {@code ${campaignSettings.progressInterval}}.
 */
@Component("campaignSettings")
@ConfigurationProperties("official-accounts.campaign")
public class CampaignSettings {

  /** Reviews opened per transaction. */
  private int chunkSize = 250;
  /** Launchers working side by side; each takes the accounts whose id modulo this is its number. */
  private int partitions = 2;
  private String progressInterval = "PT1H";
  /** After this, the campaign reports whatever is still unanswered. */
  private String duration = "P45D";
  /** A scheduled campaign reviews the accounts due within this period from its start. */
  private Period dueWithin = Period.ofMonths(3);

  public int getChunkSize() {
    return chunkSize;
  }

  public void setChunkSize(int chunkSize) {
    if (chunkSize < 1 || chunkSize > 5000) {
      throw new IllegalArgumentException("official-accounts.campaign.chunk-size must be between 1 and 5000");
    }
    this.chunkSize = chunkSize;
  }

  public int getPartitions() {
    return partitions;
  }

  public void setPartitions(int partitions) {
    if (partitions < 1 || partitions > 32) {
      throw new IllegalArgumentException("official-accounts.campaign.partitions must be between 1 and 32");
    }
    this.partitions = partitions;
  }

  public String getProgressInterval() {
    return progressInterval;
  }

  public void setProgressInterval(String value) {
    this.progressInterval = Deadlines.checked("campaign.progress-interval", value);
  }

  public String getDuration() {
    return duration;
  }

  public void setDuration(String value) {
    this.duration = Deadlines.checked("campaign.duration", value);
  }

  public Period getDueWithin() {
    return dueWithin;
  }

  public void setDueWithin(Period dueWithin) {
    this.dueWithin = dueWithin;
  }
}
