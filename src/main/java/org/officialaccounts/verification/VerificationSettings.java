package org.officialaccounts.verification;

import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Deadlines and rules of verification, read by the model's timers as
 * {@code ${verificationSettings.setupReminder}} and by the delegates.
 */
@Component("verificationSettings")
@ConfigurationProperties("official-accounts.verification")
public class VerificationSettings {

  private String setupReminder = "P3D";
  private String setupEscalation = "P7D";
  private String setupDeadline = "P14D";
  private int maxSendBacks = 3;
  private Period reviewInterval = Period.ofDays(180);
  private List<String> recoveryDomains = List.of("moe.edu.kw", "moe.example");

  public String getSetupReminder() {
    return setupReminder;
  }

  public void setSetupReminder(String setupReminder) {
    this.setupReminder = org.officialaccounts.request.Deadlines.checked("verification.setup-reminder", setupReminder);
  }

  public String getSetupEscalation() {
    return setupEscalation;
  }

  public void setSetupEscalation(String setupEscalation) {
    this.setupEscalation = org.officialaccounts.request.Deadlines.checked("verification.setup-escalation", setupEscalation);
  }

  public String getSetupDeadline() {
    return setupDeadline;
  }

  public void setSetupDeadline(String setupDeadline) {
    this.setupDeadline = org.officialaccounts.request.Deadlines.checked("verification.setup-deadline", setupDeadline);
  }

  public int getMaxSendBacks() {
    return maxSendBacks;
  }

  public void setMaxSendBacks(int maxSendBacks) {
    if (maxSendBacks < 1) {
      throw new IllegalArgumentException("official-accounts.verification.max-send-backs must be at least 1");
    }
    this.maxSendBacks = maxSendBacks;
  }

  public Period getReviewInterval() {
    return reviewInterval;
  }

  public void setReviewInterval(Period reviewInterval) {
    this.reviewInterval = reviewInterval;
  }

  public List<String> getRecoveryDomains() {
    return recoveryDomains;
  }

  public void setRecoveryDomains(List<String> recoveryDomains) {
    this.recoveryDomains = recoveryDomains.stream().map(d -> d.strip().toLowerCase(java.util.Locale.ROOT)).toList();
  }
}
