package org.officialaccounts.registry;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** What the automatic pre-checks of a review look at. */
public record ReviewFacts(
    String guideVersion, OffsetDateTime lastReviewedAt, OffsetDateTime verifiedAt, LocalDate lastPostDate) {}
