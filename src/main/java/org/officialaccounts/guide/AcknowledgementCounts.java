package org.officialaccounts.guide;

/**
 * Where the acknowledgements of one version stand.
 *
 * @param requested managers who must acknowledge it
 * @param asked of them, those whose task has been opened
 * @param acknowledged of them, those who acknowledged
 * @param pending those who have not acknowledged (yet, or by the deadline)
 */
public record AcknowledgementCounts(long requested, long asked, long acknowledged, long pending) {

  static AcknowledgementCounts of(long requested, long asked, long acknowledged) {
    return new AcknowledgementCounts(requested, asked, acknowledged, requested - acknowledged);
  }
}
