package org.officialaccounts.review;

import java.util.ArrayList;
import java.util.List;
import org.officialaccounts.request.Deadlines;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** Deadlines of a periodic review, read by its timers as {@code ${reviewSettings.attestationReminder}}. */
@Component("reviewSettings")
@ConfigurationProperties("official-accounts.review")
public class ReviewSettings {

  private String attestationReminder = "P5D";
  private String attestationEscalation = "P10D";
  private String attestationDeadline = "P21D";
  private String correctiveDeadline = "P14D";
  private int dormantAfterDays = 90;
  private List<String> departmentReviewers = new ArrayList<>();

  public String getAttestationReminder() {
    return attestationReminder;
  }

  public void setAttestationReminder(String value) {
    this.attestationReminder = Deadlines.checked("review.attestation-reminder", value);
  }

  public String getAttestationEscalation() {
    return attestationEscalation;
  }

  public void setAttestationEscalation(String value) {
    this.attestationEscalation = Deadlines.checked("review.attestation-escalation", value);
  }

  public String getAttestationDeadline() {
    return attestationDeadline;
  }

  public void setAttestationDeadline(String value) {
    this.attestationDeadline = Deadlines.checked("review.attestation-deadline", value);
  }

  public String getCorrectiveDeadline() {
    return correctiveDeadline;
  }

  public void setCorrectiveDeadline(String value) {
    this.correctiveDeadline = Deadlines.checked("review.corrective-deadline", value);
  }

  public int getDormantAfterDays() {
    return dormantAfterDays;
  }

  public void setDormantAfterDays(int dormantAfterDays) {
    this.dormantAfterDays = dormantAfterDays;
  }

  /**
   * Education departments (unit codes, or {@code *} for all) whose own coordinators assess the
   * reviews of the accounts beneath them instead of PR &amp; Media. Empty: PR &amp; Media assess all.
   */
  public List<String> getDepartmentReviewers() {
    return departmentReviewers;
  }

  public void setDepartmentReviewers(List<String> departmentReviewers) {
    this.departmentReviewers = departmentReviewers == null ? new ArrayList<>() : departmentReviewers;
  }

  public boolean reviewedByDepartment(String departmentCode) {
    return departmentCode != null
        && (departmentReviewers.contains("*") || departmentReviewers.contains(departmentCode));
  }
}
