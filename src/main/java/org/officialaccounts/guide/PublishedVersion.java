package org.officialaccounts.guide;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A version of the guide as the registry lists it, with its acknowledgements. */
public record PublishedVersion(
    String version,
    LocalDate effectiveDate,
    String summary,
    String link,
    String publishedBy,
    OffsetDateTime publishedAt,
    boolean inForce,
    AcknowledgementCounts acknowledgements) {}
