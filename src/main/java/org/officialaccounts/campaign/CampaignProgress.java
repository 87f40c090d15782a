package org.officialaccounts.campaign;

/**
 * Where a campaign stands. {@code awaitingAttestation}, {@code awaitingAssessment} and
 * {@code inCorrection} are reviews under way; {@code compliant}, {@code suspended} and
 * {@code closed} count concluded reviews by their final assessment; {@code corrective} counts the
 * reviews that asked for correction, whatever they ended in; {@code noResponse} counts managers
 * who let the attestation deadline pass; {@code skipped} accounts that had left the reviewable
 * states before their review began; {@code cancelled} reviews whose process was deleted.
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
    long concluded,
    long cancelled) {

  /** Every account in scope has been opened and concluded, or skipped. */
  public boolean finished() {
    return concluded >= selected;
  }

  public long unopened() {
    return selected - opened - skipped;
  }
}
