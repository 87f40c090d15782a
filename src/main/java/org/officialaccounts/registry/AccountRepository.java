package org.officialaccounts.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Reads and writes accounts and their history. */
@Repository
public class AccountRepository {

  private final JdbcClient jdbc;

  public AccountRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Account> find(long id) {
    return jdbc.sql("SELECT * FROM account WHERE id = ?")
        .param(id)
        .query(AccountRepository::mapAccount)
        .optional();
  }

  public Optional<Account> findByCanonicalUrl(String canonicalUrl) {
    return jdbc.sql("SELECT * FROM account WHERE canonical_url = ?")
        .param(canonicalUrl)
        .query(AccountRepository::mapAccount)
        .optional();
  }

  public List<Account> findByUnitAndPlatform(String unitCode, Platform platform) {
    return jdbc.sql("SELECT * FROM account WHERE unit_code = ? AND platform = ? ORDER BY id")
        .params(unitCode, platform.name())
        .query(AccountRepository::mapAccount)
        .list();
  }

  /**
   * Accounts matching the filter, newest first; when {@code visibleRoots} is not null only
   * accounts of those units and their sub-units.
   */
  public List<Account> search(
      AccountFilter filter, List<String> visibleRoots, Sort sort, int offset, int limit) {
    Map<String, Object> params = new HashMap<>();
    String sql = scopedQuery("SELECT a.*", filter, visibleRoots, params)
        + " ORDER BY " + sort.orderBy() + ", a.id LIMIT :limit OFFSET :offset";
    params.put("limit", limit);
    params.put("offset", offset);
    return jdbc.sql(sql).params(params).query(AccountRepository::mapAccount).list();
  }

  /** Streams every matching account, for exports that must not hold them all in memory. */
  public void forEach(
      AccountFilter filter, List<String> visibleRoots, Sort sort, java.util.function.Consumer<Account> action) {
    Map<String, Object> params = new HashMap<>();
    String sql = scopedQuery("SELECT a.*", filter, visibleRoots, params) + " ORDER BY " + sort.orderBy() + ", a.id";
    try (var rows = jdbc.sql(sql).params(params).query(AccountRepository::mapAccount).stream()) {
      rows.forEach(action);
    }
  }

  public long count(AccountFilter filter, List<String> visibleRoots) {
    Map<String, Object> params = new HashMap<>();
    return jdbc.sql(scopedQuery("SELECT COUNT(*)", filter, visibleRoots, params))
        .params(params)
        .query(Long.class)
        .single();
  }

  private static String scopedQuery(
      String select, AccountFilter filter, List<String> visibleRoots, Map<String, Object> params) {
    StringBuilder sql = new StringBuilder();
    List<String> where = new ArrayList<>();
    Visibility.restrict("a.unit_code", visibleRoots, sql, where, params);
    sql.append(select).append(" FROM account a");
    if (filter.unitCode() != null) {
      where.add("a.unit_code = :unitCode");
      params.put("unitCode", filter.unitCode());
    }
    if (filter.platform() != null) {
      where.add("a.platform = :platform");
      params.put("platform", filter.platform().name());
    }
    if (filter.status() != null) {
      where.add("a.status = :status");
      params.put("status", filter.status().name());
    }
    if (!where.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", where));
    }
    return sql.toString();
  }

  /** Records an approved account and returns its id. */
  public long insertApproved(NewAccount request, OffsetDateTime now) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            INSERT INTO account (unit_code, platform, handle, canonical_url, status, official,
                                 manager_name, manager_email, secondary_contact_email, purpose,
                                 request_process_id, requested_at, approved_at, created_at, updated_at)
            VALUES (:unit, :platform, :handle, :url, :status, FALSE, :managerName, :managerEmail,
                    :secondary, :purpose, :pid, :now, :now, :now, :now)""")
        .param("unit", request.unitCode())
        .param("platform", request.account().platform().name())
        .param("handle", request.account().handle())
        .param("url", request.account().canonicalUrl())
        .param("status", AccountStatus.APPROVED.name())
        .param("managerName", request.managerName())
        .param("managerEmail", request.managerEmail())
        .param("secondary", request.secondaryContactEmail())
        .param("purpose", request.purpose())
        .param("pid", request.processInstanceId())
        .param("now", now)
        .update(keys, "id");
    return ((Number) keys.getKeys().get("id")).longValue();
  }

  /** Inserts an account as it is found, e.g. demo data or an inventory row. */
  public long insert(
      String unitCode,
      CanonicalAccount account,
      String displayName,
      AccountStatus status,
      boolean official,
      String managerName,
      String managerEmail,
      OffsetDateTime now) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            INSERT INTO account (unit_code, platform, handle, canonical_url, display_name, status,
                                 official, manager_name, manager_email, approved_at, verified_at,
                                 created_at, updated_at)
            VALUES (:unit, :platform, :handle, :url, :display, :status, :official, :managerName,
                    :managerEmail, :approved, :verified, :now, :now)""")
        .param("unit", unitCode)
        .param("platform", account.platform().name())
        .param("handle", account.handle())
        .param("url", account.canonicalUrl())
        .param("display", displayName)
        .param("status", status.name())
        .param("official", official)
        .param("managerName", managerName)
        .param("managerEmail", managerEmail)
        .param("approved", status == AccountStatus.UNREGISTERED ? null : now)
        .param("verified", official ? now : null)
        .param("now", now)
        .update(keys, "id");
    return ((Number) keys.getKeys().get("id")).longValue();
  }

  /** Sets the status; true when the account was in {@code from} (guards against a lost race). */
  public boolean updateStatus(long id, AccountStatus from, AccountStatus to, OffsetDateTime now) {
    return jdbc.sql("UPDATE account SET status = ?, updated_at = ? WHERE id = ? AND status = ?")
            .params(to.name(), now, id, from.name())
            .update()
        == 1;
  }

  /**
   * Closes a CLOSING account: no longer official, with the account its followers go to, why it
   * closed and where its archive is. False when the account was not CLOSING.
   */
  public boolean markClosed(long id, Long successorId, String reason, String archiveReference, OffsetDateTime now) {
    return jdbc.sql(
            """
            UPDATE account SET status = 'CLOSED', official = FALSE, closed_at = :now, successor_account_id = :successor,
                   closure_reason = :reason, archive_reference = :archive, updated_at = :now
             WHERE id = :id AND status = 'CLOSING'""")
        .param("now", now)
        .param("successor", successorId)
        .param("reason", reason)
        .param("archive", archiveReference)
        .param("id", id)
        .update() == 1;
  }

  public void setOfficial(long id, boolean official, OffsetDateTime now) {
    jdbc.sql("UPDATE account SET official = ?, updated_at = ? WHERE id = ?").params(official, now, id).update();
  }

  public void recordSetUp(long id, SetUp setUp, OffsetDateTime now) {
    jdbc.sql(
            """
            UPDATE account SET canonical_url = :url, handle = :handle, two_factor_enabled = :twoFactor,
                   recovery_email = :recovery, administrators = :admins, guide_version = :guide,
                   updated_at = :now
             WHERE id = :id""")
        .param("url", setUp.account().canonicalUrl())
        .param("handle", setUp.account().handle())
        .param("twoFactor", setUp.twoFactorEnabled())
        .param("recovery", setUp.recoveryEmail())
        .param("admins", String.join("\n", setUp.administrators()))
        .param("guide", setUp.guideVersion())
        .param("now", now)
        .param("id", id)
        .update();
  }

  public void markVerified(long id, java.time.LocalDate nextReviewDue, OffsetDateTime now) {
    jdbc.sql(
            """
            UPDATE account SET status = 'ACTIVE', official = TRUE, verified_at = :now,
                   next_review_due = :due, updated_at = :now
             WHERE id = :id""")
        .param("now", now)
        .param("due", nextReviewDue)
        .param("id", id)
        .update();
  }

  public ReviewFacts reviewFacts(long id) {
    return jdbc.sql("SELECT guide_version, last_reviewed_at, verified_at, last_post_date FROM account WHERE id = ?")
        .param(id)
        .query(
            (rs, n) ->
                new ReviewFacts(
                    rs.getString("guide_version"),
                    rs.getObject("last_reviewed_at", OffsetDateTime.class),
                    rs.getObject("verified_at", OffsetDateTime.class),
                    rs.getObject("last_post_date", java.time.LocalDate.class)))
        .single();
  }

  /** Closes a review: status, official flag, when reviewed, next due, last post reported. */
  public void recordReview(
      long id,
      AccountStatus status,
      boolean official,
      java.time.LocalDate nextReviewDue,
      java.time.LocalDate lastPostDate,
      OffsetDateTime now) {
    jdbc.sql(
            """
            UPDATE account SET status = :status, official = :official, last_reviewed_at = :now,
                   next_review_due = COALESCE(:due, next_review_due),
                   last_post_date = COALESCE(:lastPost, last_post_date), updated_at = :now
             WHERE id = :id""")
        .param("status", status.name())
        .param("official", official)
        .param("now", now)
        .param("due", nextReviewDue)
        .param("lastPost", lastPostDate)
        .param("id", id)
        .update();
  }

  /** The status an account had before it last entered {@code to}, if its history says. */
  public Optional<AccountStatus> statusBefore(long accountId, AccountStatus to) {
    return jdbc.sql(
            """
            SELECT from_status FROM account_history WHERE account_id = ? AND to_status = ? AND from_status IS NOT NULL
             ORDER BY changed_at DESC, id DESC FETCH FIRST 1 ROWS ONLY""")
        .params(accountId, to.name())
        .query((rs, n) -> AccountStatus.valueOf(rs.getString(1)))
        .optional();
  }

  public void insertHistory(
      long accountId,
      AccountStatus from,
      AccountStatus to,
      String changedBy,
      OffsetDateTime at,
      String reason,
      String processInstanceId) {
    jdbc.sql(
            """
            INSERT INTO account_history (account_id, from_status, to_status, changed_by, changed_at,
                                         reason, process_instance_id)
            VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(
            accountId,
            from == null ? null : from.name(),
            to.name(),
            changedBy,
            at,
            reason,
            processInstanceId)
        .update();
  }

  public List<HistoryEntry> history(long accountId) {
    return jdbc.sql("SELECT * FROM account_history WHERE account_id = ? ORDER BY changed_at, id")
        .param(accountId)
        .query(
            (rs, n) ->
                new HistoryEntry(
                    rs.getLong("id"),
                    rs.getLong("account_id"),
                    status(rs.getString("from_status")),
                    status(rs.getString("to_status")),
                    rs.getString("changed_by"),
                    rs.getObject("changed_at", OffsetDateTime.class),
                    rs.getString("reason"),
                    rs.getString("process_instance_id")))
        .list();
  }

  private static AccountStatus status(String value) {
    return value == null ? null : AccountStatus.valueOf(value);
  }

  private static Account mapAccount(ResultSet rs, int rowNum) throws SQLException {
    long successor = rs.getLong("successor_account_id");
    Long successorId = rs.wasNull() ? null : successor;
    return new Account(
        rs.getLong("id"),
        rs.getString("unit_code"),
        Platform.valueOf(rs.getString("platform")),
        rs.getString("handle"),
        rs.getString("canonical_url"),
        rs.getString("display_name"),
        AccountStatus.valueOf(rs.getString("status")),
        rs.getBoolean("official"),
        rs.getString("manager_name"),
        rs.getString("manager_email"),
        rs.getString("secondary_contact_email"),
        rs.getString("purpose"),
        successorId,
        rs.getString("request_process_id"),
        rs.getObject("requested_at", OffsetDateTime.class),
        rs.getObject("approved_at", OffsetDateTime.class),
        rs.getObject("verified_at", OffsetDateTime.class),
        rs.getObject("closed_at", OffsetDateTime.class),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("updated_at", OffsetDateTime.class));
  }
}
