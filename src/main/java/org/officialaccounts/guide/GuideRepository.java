package org.officialaccounts.guide;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.officialaccounts.registry.AccountStatus;
import org.officialaccounts.verification.GuideVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes and lists the guide's versions, and keeps the ledger of who must acknowledge which
 * version: one row per version and manager, marked with the process that asks them.
 */
@Repository
public class GuideRepository {

  /** The statuses of an account whose manager answers for it under the guide. */
  static final List<String> LIVE =
      List.of(AccountStatus.ACTIVE.name(), AccountStatus.UNDER_REVIEW.name(), AccountStatus.CORRECTIVE_ACTION.name());

  private static final String VERSION_WITH_COUNTS =
      """
      SELECT v.version, v.effective_date, v.summary, v.link, v.published_by, v.published_at,
             COUNT(g.manager_email) AS requested, COUNT(g.process_instance_id) AS asked,
             COUNT(g.acknowledged_at) AS acknowledged
        FROM guide_version v LEFT JOIN guide_acknowledgement g ON g.version = v.version
      """;
  private static final String GROUP_BY =
      " GROUP BY v.version, v.effective_date, v.summary, v.link, v.published_by, v.published_at";

  private final JdbcClient jdbc;

  public GuideRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public boolean exists(String version) {
    return jdbc.sql("SELECT COUNT(*) FROM guide_version WHERE version = ?").param(version).query(Long.class).single() > 0;
  }

  /** Records a new version; a version that exists already is refused by the primary key. */
  public void insertVersion(GuideVersion guide, String publishedBy, OffsetDateTime at) {
    jdbc.sql(
            """
            INSERT INTO guide_version (version, effective_date, summary, link, published_by, published_at)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(guide.version(), guide.effectiveDate(), guide.summary(), guide.link(), publishedBy, at)
        .update();
  }

  /** Records the version unless it is there already; true when it was added. */
  public boolean insertVersionIfAbsent(GuideVersion guide, String publishedBy, OffsetDateTime at) {
    return jdbc.sql(
                """
                INSERT INTO guide_version (version, effective_date, summary, link, published_by, published_at)
                SELECT :version, :effective, :summary, :link, :by, :at FROM (VALUES (1)) AS one (x)
                 WHERE NOT EXISTS (SELECT 1 FROM guide_version WHERE version = :version)""")
            .param("version", guide.version())
            .param("effective", guide.effectiveDate())
            .param("summary", guide.summary())
            .param("link", guide.link())
            .param("by", publishedBy)
            .param("at", at)
            .update()
        == 1;
  }

  public Optional<PublishedVersion> find(String version, String inForce) {
    return jdbc.sql(VERSION_WITH_COUNTS + " WHERE v.version = :version" + GROUP_BY)
        .param("version", version)
        .query((rs, n) -> map(rs, inForce))
        .optional();
  }

  /** Every version, newest first. */
  public List<PublishedVersion> list(String inForce) {
    return jdbc.sql(VERSION_WITH_COUNTS + GROUP_BY + " ORDER BY v.effective_date DESC, v.published_at DESC, v.version DESC")
        .query((rs, n) -> map(rs, inForce))
        .list();
  }

  private static PublishedVersion map(ResultSet rs, String inForce) throws SQLException {
    String version = rs.getString("version");
    return new PublishedVersion(
        version,
        rs.getObject("effective_date", LocalDate.class),
        rs.getString("summary"),
        rs.getString("link"),
        rs.getString("published_by"),
        rs.getObject("published_at", OffsetDateTime.class),
        version.equals(inForce),
        AcknowledgementCounts.of(rs.getLong("requested"), rs.getLong("asked"), rs.getLong("acknowledged")));
  }

  /**
   * Adds a row for every manager of a live account who has none for this version yet, so
   * publishing again, or after more accounts went live, asks only whoever was not asked.
   * Addresses are compared in lower case: one person, one task.
   */
  public int requestAcknowledgements(String version, OffsetDateTime at) {
    return jdbc.sql(
            """
            INSERT INTO guide_acknowledgement (version, manager_email, requested_at)
            SELECT :version, m.email, :at
              FROM (SELECT DISTINCT LOWER(manager_email) AS email FROM account
                     WHERE status IN (:live) AND manager_email IS NOT NULL AND manager_email <> '') m
             WHERE NOT EXISTS (SELECT 1 FROM guide_acknowledgement g
                                WHERE g.version = :version AND g.manager_email = m.email)""")
        .param("version", version)
        .param("at", at)
        .param("live", LIVE)
        .update();
  }

  /** Managers of the version whose acknowledgement process has not been started, in a stable order. */
  public List<String> notYetAsked(String version, int limit) {
    return jdbc.sql(
            """
            SELECT manager_email FROM guide_acknowledgement
             WHERE version = ? AND process_instance_id IS NULL ORDER BY manager_email LIMIT ?""")
        .params(version, limit)
        .query(String.class)
        .list();
  }

  public long countNotYetAsked(String version) {
    return jdbc.sql("SELECT COUNT(*) FROM guide_acknowledgement WHERE version = ? AND process_instance_id IS NULL")
        .param(version)
        .query(Long.class)
        .single();
  }

  /**
   * Marks the manager as asked by the given process, only if nobody marked them before; the
   * number of rows changed (1, or 0 when another launcher got there first).
   */
  public int markAsked(String version, String managerEmail, String processInstanceId) {
    return jdbc.sql(
            """
            UPDATE guide_acknowledgement SET process_instance_id = ?
             WHERE version = ? AND manager_email = ? AND process_instance_id IS NULL""")
        .params(processInstanceId, version, managerEmail)
        .update();
  }

  public int markAcknowledged(String version, String managerEmail, String by, OffsetDateTime at) {
    return jdbc.sql(
            """
            UPDATE guide_acknowledgement SET acknowledged_at = ?, acknowledged_by = ?
             WHERE version = ? AND manager_email = ? AND acknowledged_at IS NULL""")
        .params(at, by, version, managerEmail)
        .update();
  }

  /** The manager's live accounts, oldest first. */
  public List<ManagedAccount> liveAccountsOf(String managerEmail) {
    return jdbc.sql(
            """
            SELECT id, unit_code, canonical_url, status, manager_name FROM account
             WHERE LOWER(manager_email) = :email AND status IN (:live) ORDER BY id""")
        .param("email", managerEmail)
        .param("live", LIVE)
        .query(
            (rs, n) ->
                new ManagedAccount(
                    rs.getLong("id"),
                    rs.getString("unit_code"),
                    rs.getString("canonical_url"),
                    AccountStatus.valueOf(rs.getString("status")),
                    rs.getString("manager_name")))
        .list();
  }

  public void setGuideVersion(long accountId, String version, OffsetDateTime at) {
    jdbc.sql("UPDATE account SET guide_version = ?, updated_at = ? WHERE id = ?")
        .params(version, at, accountId)
        .update();
  }
}
