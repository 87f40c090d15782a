package org.officialaccounts.verification;

import java.time.LocalDate;

/** One edition of the social media governance guide. */
public record GuideVersion(String version, LocalDate effectiveDate, String summary, String link) {}
