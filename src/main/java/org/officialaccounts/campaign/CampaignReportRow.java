package org.officialaccounts.campaign;

/** One line of a campaign's report: a unit (right below the ministry) or a platform. */
public record CampaignReportRow(
    String key,
    String nameAr,
    String nameEn,
    long reviews,
    long compliant,
    long corrective,
    long suspended,
    long closed,
    long noResponse,
    long open) {}
