package org.officialaccounts.campaign;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.officialaccounts.registry.AccountStatus;
import org.officialaccounts.review.PeriodicReview;
import org.officialaccounts.system.LaunchLedger;
import org.officialaccounts.system.LaunchLedger.Opened;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Campaigns and their ledger of reviews. */
@Repository
public class CampaignRepository {

  /** One account of a campaign's scope not yet opened, with its current status. */
  public record Pending(long accountId, AccountStatus status) {}

  /** An account in scope, for the ledger. */
  public record InScope(long accountId, String reportUnit, String platform) {}

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  public CampaignRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** Records the campaign; false when it exists already (a repeated start is not a second campaign). */
  public boolean insert(Campaign campaign) {
    if (find(campaign.id()).isPresent()) {
      return false;
    }
    jdbc.sql(
            """
            INSERT INTO review_campaign (id, name, scope_kind, unit_code, platform, due_before, started_by,
                                         started_at, ends_at, process_instance_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(campaign.id(), campaign.name(), campaign.scope().kind().name(), campaign.scope().unitCode(),
            campaign.scope().platform() == null ? null : campaign.scope().platform().name(),
            campaign.scope().dueBefore(), campaign.startedBy(), campaign.startedAt(), campaign.endsAt(),
            campaign.processInstanceId())
        .update();
    return true;
  }

  public Optional<Campaign> find(String id) {
    return jdbc.sql("SELECT * FROM review_campaign WHERE id = ?").param(id).query(Campaign::map).optional();
  }

  public List<Campaign> list(int limit) {
    return jdbc.sql("SELECT * FROM review_campaign ORDER BY started_at DESC, id LIMIT ?")
        .param(limit)
        .query(Campaign::map)
        .list();
  }

  /** Writes the ledger rows of the accounts in scope and the count, in batches. */
  public void insertLedger(String campaignId, List<InScope> accounts) {
    int batch = 1000;
    for (int from = 0; from < accounts.size(); from += batch) {
      List<InScope> part = accounts.subList(from, Math.min(accounts.size(), from + batch));
      template.batchUpdate(
          "INSERT INTO campaign_review (campaign_id, account_id, report_unit, platform) VALUES (?, ?, ?, ?)",
          part,
          part.size(),
          (ps, a) -> {
            ps.setString(1, campaignId);
            ps.setLong(2, a.accountId());
            ps.setString(3, a.reportUnit());
            ps.setString(4, a.platform());
          });
    }
    jdbc.sql("UPDATE review_campaign SET selected = ? WHERE id = ?").params(accounts.size(), campaignId).update();
  }

  /** The next unopened accounts of one partition, in account order. */
  public List<Pending> nextPending(String campaignId, int partition, int partitions, int limit) {
    return jdbc.sql(
            """
            SELECT cr.account_id, a.status FROM campaign_review cr JOIN account a ON a.id = cr.account_id
             WHERE cr.campaign_id = ? AND cr.process_instance_id IS NULL AND cr.concluded_at IS NULL
               AND MOD(cr.account_id, ?) = ?
             ORDER BY cr.account_id
             LIMIT ?""")
        .params(campaignId, partitions, partition, limit)
        .query((rs, i) -> new Pending(rs.getLong(1), AccountStatus.valueOf(rs.getString(2))))
        .list();
  }

  /**
   * Moves the accounts that are still ACTIVE to UNDER_REVIEW, in one batch; returns those it
   * moved. An account another review took since it was read keeps its status and is left out.
   */
  public List<Long> takeForReview(List<Long> accountIds, OffsetDateTime at) {
    if (accountIds.isEmpty()) {
      return List.of();
    }
    int[][] counts = template.batchUpdate(
        "UPDATE account SET status = ?, updated_at = ? WHERE id = ? AND status = ?",
        accountIds,
        accountIds.size(),
        (ps, id) -> {
          ps.setString(1, AccountStatus.UNDER_REVIEW.name());
          ps.setTimestamp(2, Timestamp.from(at.toInstant()));
          ps.setLong(3, id);
          ps.setString(4, AccountStatus.ACTIVE.name());
        });
    List<Long> taken = new ArrayList<>(accountIds.size());
    int i = 0;
    for (int[] batch : counts) {
      for (int count : batch) {
        // SUCCESS_NO_INFO (-2) is what some drivers answer for a batched statement that ran.
        if (count != 0) {
          taken.add(accountIds.get(i));
        }
        i++;
      }
    }
    return taken;
  }

  /**
   * Records the opened reviews: each account's history entry and its ledger row, in batches
   * (see {@link LaunchLedger#markOpened}: a row is never marked twice).
   */
  public void markOpened(String campaignId, List<Opened> opened, OffsetDateTime at) {
    if (opened.isEmpty()) {
      return;
    }
    Timestamp when = Timestamp.from(at.toInstant());
    template.batchUpdate(
        """
        INSERT INTO account_history (account_id, from_status, to_status, changed_by, changed_at, reason,
                                     process_instance_id)
        VALUES (?, ?, ?, ?, ?, ?, ?)""",
        opened,
        opened.size(),
        (ps, row) -> {
          ps.setLong(1, row.accountId());
          ps.setString(2, AccountStatus.ACTIVE.name());
          ps.setString(3, AccountStatus.UNDER_REVIEW.name());
          ps.setString(4, "system");
          ps.setTimestamp(5, when);
          ps.setString(6, PeriodicReview.openedReason(campaignId));
          ps.setString(7, row.processInstanceId());
        });
    LaunchLedger.markOpened(template, "campaign_review", "campaign_id", campaignId, opened, at);
  }

  /** An account that left the reviewable states before its review opened is not reviewed. */
  public void markSkipped(String campaignId, long accountId, AccountStatus status, OffsetDateTime at) {
    jdbc.sql(
            """
            UPDATE campaign_review SET final_outcome = ?, concluded_at = ?
             WHERE campaign_id = ? AND account_id = ? AND process_instance_id IS NULL""")
        .params(skippedOutcome(status), at, campaignId, accountId)
        .update();
  }

  /** The ledger's outcome for an account not reviewed because of its status. */
  public static String skippedOutcome(AccountStatus status) {
    return "skipped:" + status.name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * A review that ended without an assessment: its account left the reviewable states before the
   * pre-checks ({@code skipped:<status>}), or its process was deleted ({@code cancelled}). A row
   * already concluded keeps its outcome.
   */
  public void concludeUnassessed(String campaignId, long accountId, String outcome, OffsetDateTime at) {
    jdbc.sql(
            """
            UPDATE campaign_review SET final_outcome = ?, concluded_at = ?
             WHERE campaign_id = ? AND account_id = ? AND concluded_at IS NULL""")
        .params(outcome, at, campaignId, accountId)
        .update();
  }

  public void recordAttestation(String campaignId, long accountId, boolean attested) {
    jdbc.sql("UPDATE campaign_review SET attested = ? WHERE campaign_id = ? AND account_id = ?")
        .params(attested, campaignId, accountId)
        .update();
  }

  /** The first assessment stays as what the review found; the latest concludes it unless it asks for correction. */
  public void recordAssessment(String campaignId, long accountId, String assessment, boolean concluded, OffsetDateTime at) {
    jdbc.sql(
            """
            UPDATE campaign_review SET outcome = COALESCE(outcome, ?), final_outcome = ?, concluded_at = ?
             WHERE campaign_id = ? AND account_id = ?""")
        .params(assessment, assessment, concluded ? at : null, campaignId, accountId)
        .update();
  }

  public void markReported(String campaignId, OffsetDateTime at) {
    jdbc.sql("UPDATE review_campaign SET reported_at = ? WHERE id = ?").params(at, campaignId).update();
  }

  /**
   * Where the campaign stands. A review counts once: skipped (not opened, or opened on an account
   * that had left the reviewable states), cancelled, under way, or by its final assessment;
   * "corrective" counts the reviews that asked for correction, whatever they ended in.
   */
  public CampaignProgress progress(String campaignId) {
    return jdbc.sql(
            """
            SELECT COUNT(*),
                   SUM(CASE WHEN process_instance_id IS NOT NULL AND COALESCE(final_outcome, '') NOT LIKE 'skipped:%'
                            THEN 1 ELSE 0 END),
                   SUM(CASE WHEN final_outcome LIKE 'skipped:%' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN process_instance_id IS NOT NULL AND concluded_at IS NULL AND attested IS NULL
                             AND outcome IS NULL THEN 1 ELSE 0 END),
                   SUM(CASE WHEN concluded_at IS NULL AND attested IS NOT NULL AND outcome IS NULL THEN 1 ELSE 0 END),
                   SUM(CASE WHEN final_outcome = 'corrective' AND concluded_at IS NULL THEN 1 ELSE 0 END),
                   SUM(CASE WHEN final_outcome = 'compliant' AND concluded_at IS NOT NULL THEN 1 ELSE 0 END),
                   SUM(CASE WHEN outcome = 'corrective' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN final_outcome = 'suspend' AND concluded_at IS NOT NULL THEN 1 ELSE 0 END),
                   SUM(CASE WHEN final_outcome = 'close' AND concluded_at IS NOT NULL THEN 1 ELSE 0 END),
                   SUM(CASE WHEN attested = FALSE THEN 1 ELSE 0 END),
                   SUM(CASE WHEN concluded_at IS NOT NULL THEN 1 ELSE 0 END),
                   SUM(CASE WHEN final_outcome = 'cancelled' THEN 1 ELSE 0 END)
              FROM campaign_review WHERE campaign_id = ?""")
        .param(campaignId)
        .query((rs, i) -> new CampaignProgress(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
            rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
            rs.getLong(11), rs.getLong(12), rs.getLong(13)))
        .single();
  }

  /** Outcome counts grouped by one column: the report unit or the platform. */
  public List<CampaignReportRow> report(String campaignId, boolean byUnit) {
    String group = byUnit ? "cr.report_unit" : "cr.platform";
    String label = byUnit ? "MAX(u.name_ar), MAX(u.name_en)" : "MAX(cr.platform), MAX(cr.platform)";
    String join = byUnit ? " LEFT JOIN unit u ON u.code = cr.report_unit" : "";
    List<CampaignReportRow> rows = new ArrayList<>();
    jdbc.sql(
            "SELECT " + group + ", " + label + ", COUNT(*),"
                + " SUM(CASE WHEN cr.final_outcome = 'compliant' AND cr.concluded_at IS NOT NULL THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN cr.outcome = 'corrective' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN cr.final_outcome = 'suspend' AND cr.concluded_at IS NOT NULL THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN cr.final_outcome = 'close' AND cr.concluded_at IS NOT NULL THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN cr.attested = FALSE THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN cr.outcome IS NULL AND cr.final_outcome IS NULL THEN 1 ELSE 0 END)"
                + " FROM campaign_review cr" + join + " WHERE cr.campaign_id = ? GROUP BY " + group
                + " ORDER BY " + group)
        .param(campaignId)
        .query((rs, i) -> new CampaignReportRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
            rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10)))
        .list()
        .forEach(rows::add);
    return rows;
  }

  /** Accounts that are reviewable now, with unit and platform, in the optional platform/due filters. */
  public List<String[]> reviewable(String platform, LocalDate dueBefore) {
    StringBuilder sql = new StringBuilder(
        "SELECT id, unit_code, platform FROM account WHERE status = '" + AccountStatus.ACTIVE.name() + "'");
    List<Object> params = new ArrayList<>();
    if (platform != null) {
      sql.append(" AND platform = ?");
      params.add(platform);
    }
    if (dueBefore != null) {
      sql.append(" AND (next_review_due IS NULL OR next_review_due <= ?)");
      params.add(dueBefore);
    }
    sql.append(" ORDER BY id");
    return jdbc.sql(sql.toString())
        .params(params)
        .query((rs, i) -> new String[] {Long.toString(rs.getLong(1)), rs.getString(2), rs.getString(3)})
        .list();
  }
}
