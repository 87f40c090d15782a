package org.officialaccounts.registry;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The accountability records of accounts. */
@Repository
public class FindingRepository {

  private final JdbcClient jdbc;

  public FindingRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(
      long accountId,
      String finding,
      Finding.Severity severity,
      String recordedBy,
      OffsetDateTime at,
      String processInstanceId,
      String campaignId) {
    jdbc.sql(
            """
            INSERT INTO account_finding (account_id, finding, severity, recorded_by, recorded_at,
                                         process_instance_id, campaign_id)
            VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(accountId, finding, severity.name(), recordedBy, at, processInstanceId, campaignId)
        .update();
  }

  /** Closes the account's open findings with the same resolution. */
  public int resolveOpen(long accountId, String resolution, String resolvedBy, OffsetDateTime at) {
    return jdbc.sql(
            """
            UPDATE account_finding SET resolution = ?, resolved_by = ?, resolved_at = ?
             WHERE account_id = ? AND resolved_at IS NULL""")
        .params(resolution, resolvedBy, at, accountId)
        .update();
  }

  public List<Finding> findByAccount(long accountId, int offset, int limit) {
    return jdbc.sql(
            "SELECT * FROM account_finding WHERE account_id = ? ORDER BY recorded_at DESC, id DESC LIMIT ? OFFSET ?")
        .params(accountId, limit, offset)
        .query(
            (rs, n) ->
                new Finding(
                    rs.getLong("id"),
                    rs.getLong("account_id"),
                    rs.getString("finding"),
                    Finding.Severity.valueOf(rs.getString("severity")),
                    rs.getString("recorded_by"),
                    rs.getObject("recorded_at", OffsetDateTime.class),
                    rs.getString("resolution"),
                    rs.getString("resolved_by"),
                    rs.getObject("resolved_at", OffsetDateTime.class),
                    rs.getString("process_instance_id"),
                    rs.getString("campaign_id")))
        .list();
  }

  public long countByAccount(long accountId) {
    return jdbc.sql("SELECT COUNT(*) FROM account_finding WHERE account_id = ?")
        .param(accountId)
        .query(Long.class)
        .single();
  }
}
