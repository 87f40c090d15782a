package org.officialaccounts.campaign;

/**
 * Where a campaign stands. {@code awaitingAttestation}, {@code awaitingAssessment} and
 * {@code inCorrection} are reviews under way; {@code compliant} … {@code closed} count first
 * assessments; {@code noResponse} counts managers who let the attestation deadline pass.
 */
public record CampaignProgress(
    long selected,
    long opened,
    long skipped,
    long awaitingAttestation,
    long awaitingAssessment,
    long inCorrection,
    long compliant,
    long corrective,
    long suspended,
    long closed,
    long noResponse,
    long concluded) {

  /** Every account in scope has been opened and concluded, or skipped. */
  public boolean finished() {
    return concluded >= selected;
  }

  public long unopened() {
    return selected - opened - skipped;
  }
}
