package org.officialaccounts.directive;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.officialaccounts.directive.MeetingDecision.KeptAccount;
import org.officialaccounts.registry.AccountStatus;
import org.officialaccounts.system.LaunchLedger;
import org.officialaccounts.system.LaunchLedger.Opened;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Directives, what their meeting and reviews decided, and the ledger of their closures. */
@Repository
public class DirectiveRepository {

  /** An account that may be closed: it still holds its unit's place on its platform. */
  public record Candidate(long accountId, String unitCode, String platform) {}

  /** An account to close, for the ledger. */
  public record ToClose(long accountId, String unitCode, String reportUnit, String platform, Long successorAccountId) {}

  /** An unopened ledger row. */
  public record Pending(long accountId, Long successorAccountId) {}

  /** A remaining official account. */
  public record OfficialAccount(long accountId, String platform, String canonicalUrl, String unitCode) {}

  /** A unit with accounts to close and its notice. */
  public record NoticeUnit(String unitCode, String nameAr, String nameEn, String headEmail, int seq, int accounts,
      OffsetDateTime noticeSentAt) {}

  /** A kept account, as the final report lists it. */
  public record Kept(long accountId, String unitCode, String unitNameAr, String unitNameEn, String platform,
      String canonicalUrl, String reason) {}

  private static final String ACCOUNT_COLUMNS = """
      SELECT dc.account_id, a.unit_code, u.name_ar, u.name_en, dc.report_unit, a.platform, a.canonical_url,
             a.status, s.canonical_url AS successor_url,
             CASE WHEN a.status = 'CLOSED' THEN 'CLOSED' ELSE ac.outcome END AS outcome, ac.outcome_reason,
             COALESCE(CASE WHEN a.status = 'CLOSED' THEN a.closed_at END, ac.concluded_at) AS concluded_at,
             dc.process_instance_id
        FROM directive_closure dc
        JOIN account a ON a.id = dc.account_id
        JOIN unit u ON u.code = a.unit_code
        LEFT JOIN account s ON s.id = dc.successor_account_id
        LEFT JOIN account_closure ac ON ac.process_instance_id = dc.process_instance_id
       WHERE dc.directive_id = ?""";

  private static final String NOTICE_UNIT = """
      SELECT du.unit_code, u.name_ar, u.name_en, u.head_email, du.seq, du.accounts, du.notice_sent_at
        FROM directive_unit du JOIN unit u ON u.code = du.unit_code
       WHERE du.directive_id = ?""";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  public DirectiveRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  public void insert(Directive d) {
    jdbc.sql(
            """
            INSERT INTO consolidation_directive (id, source, source_email, reference, directive_date, summary,
                scope_unit_types, scope_unit_codes, ordered_deadline, deadline, status, started_by, started_at,
                process_instance_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(d.id(), d.source(), d.sourceEmail(), d.reference(), d.directiveDate(), d.summary(),
            d.orderedScope().typesText(), d.orderedScope().codesText(), d.orderedDeadline(), d.deadline(),
            d.status().name(), d.startedBy(), d.startedAt(), d.processInstanceId())
        .update();
  }

  public Optional<Directive> find(String id) {
    return jdbc.sql("SELECT * FROM consolidation_directive WHERE id = ?").param(id).query(Directive::map).optional();
  }

  public Optional<String> idByReference(String reference) {
    return jdbc.sql("SELECT id FROM consolidation_directive WHERE reference = ?").param(reference)
        .query(String.class).optional();
  }

  public List<Directive> list(int limit) {
    return jdbc.sql("SELECT * FROM consolidation_directive ORDER BY started_at DESC, id LIMIT ?")
        .param(limit)
        .query(Directive::map)
        .list();
  }

  public void insertOfficialAccounts(String directiveId, List<OfficialAccount> accounts) {
    for (OfficialAccount a : accounts) {
      jdbc.sql("INSERT INTO directive_official_account (directive_id, account_id, platform) VALUES (?, ?, ?)")
          .params(directiveId, a.accountId(), a.platform())
          .update();
    }
  }

  public List<OfficialAccount> officialAccounts(String directiveId) {
    return jdbc.sql(
            """
            SELECT o.account_id, o.platform, a.canonical_url, a.unit_code FROM directive_official_account o
              JOIN account a ON a.id = o.account_id
             WHERE o.directive_id = ? ORDER BY o.platform""")
        .param(directiveId)
        .query((rs, i) -> new OfficialAccount(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .list();
  }

  public void recordMeeting(String directiveId, MeetingDecision m, String heldBy, OffsetDateTime at) {
    jdbc.sql(
            """
            UPDATE consolidation_directive SET meeting_date = ?, meeting_attendees = ?, meeting_decision = ?,
                   meeting_minutes = ?, meeting_held_by = ?, meeting_recorded_at = ?, decided_unit_types = ?,
                   decided_unit_codes = ?, deadline = ?, status = ?
             WHERE id = ?""")
        .params(m.date(), m.attendees(), m.decision(), m.minutes(), heldBy, at, m.scope().typesText(),
            m.scope().codesText(), m.deadline(), DirectiveStatus.CLOSING_ACCOUNTS.name(), directiveId)
        .update();
    for (KeptAccount kept : m.exceptions()) {
      jdbc.sql("INSERT INTO directive_exception (directive_id, account_id, reason) VALUES (?, ?, ?)")
          .params(directiveId, kept.accountId(), kept.reason())
          .update();
    }
  }

  public List<Long> exceptionIds(String directiveId) {
    return jdbc.sql("SELECT account_id FROM directive_exception WHERE directive_id = ?").param(directiveId)
        .query(Long.class).list();
  }

  public List<Kept> exceptions(String directiveId) {
    return jdbc.sql(
            """
            SELECT e.account_id, a.unit_code, u.name_ar, u.name_en, a.platform, a.canonical_url, e.reason
              FROM directive_exception e JOIN account a ON a.id = e.account_id JOIN unit u ON u.code = a.unit_code
             WHERE e.directive_id = ? ORDER BY a.unit_code, a.platform, a.id""")
        .param(directiveId)
        .query((rs, i) -> new Kept(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7)))
        .list();
  }

  /** Every account that still holds its unit's place on a platform, in id order. */
  public List<Candidate> candidates() {
    return jdbc.sql("SELECT id, unit_code, platform FROM account WHERE status NOT IN (?, ?) ORDER BY id")
        .params(AccountStatus.CLOSED.name(), AccountStatus.EXPIRED.name())
        .query((rs, i) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  /**
   * Writes the ledger, one row per account to close, and one row per unit that gets a notice
   * (numbered in unit order), in batches; records how many accounts there are.
   */
  public void insertLedger(String directiveId, List<ToClose> accounts, List<String> units, List<Integer> counts) {
    int batch = 1000;
    for (int from = 0; from < accounts.size(); from += batch) {
      List<ToClose> part = accounts.subList(from, Math.min(accounts.size(), from + batch));
      template.batchUpdate(
          """
          INSERT INTO directive_closure (directive_id, account_id, unit_code, report_unit, platform,
                                         successor_account_id)
          VALUES (?, ?, ?, ?, ?, ?)""",
          part,
          part.size(),
          (ps, a) -> {
            ps.setString(1, directiveId);
            ps.setLong(2, a.accountId());
            ps.setString(3, a.unitCode());
            ps.setString(4, a.reportUnit());
            ps.setString(5, a.platform());
            ps.setObject(6, a.successorAccountId());
          });
    }
    for (int seq = 0; seq < units.size(); seq++) {
      jdbc.sql("INSERT INTO directive_unit (directive_id, unit_code, seq, accounts) VALUES (?, ?, ?, ?)")
          .params(directiveId, units.get(seq), seq, counts.get(seq))
          .update();
    }
    jdbc.sql("UPDATE consolidation_directive SET selected = ? WHERE id = ?").params(accounts.size(), directiveId)
        .update();
  }

  public int unitCount(String directiveId) {
    return jdbc.sql("SELECT COUNT(*) FROM directive_unit WHERE directive_id = ?").param(directiveId)
        .query(Integer.class).single();
  }

  /** The next unopened accounts of one partition, in account order. */
  public List<Pending> nextPending(String directiveId, int partition, int partitions, int limit) {
    return jdbc.sql(
            """
            SELECT account_id, successor_account_id FROM directive_closure
             WHERE directive_id = ? AND process_instance_id IS NULL AND MOD(account_id, ?) = ?
             ORDER BY account_id
             LIMIT ?""")
        .params(directiveId, partitions, partition, limit)
        .query((rs, i) -> new Pending(rs.getLong(1), rs.getObject(2, Long.class)))
        .list();
  }

  /** Marks the chunk's rows with their closures (see {@link LaunchLedger#markOpened}). */
  public void markOpened(String directiveId, List<Opened> opened, OffsetDateTime at) {
    LaunchLedger.markOpened(template, "directive_closure", "directive_id", directiveId, opened, at);
  }

  /**
   * Counts of selected, opened, closed and cancelled accounts. An account counts as closed once
   * it is CLOSED, whichever closure closed it (another directive's, say); as cancelled when this
   * directive's closure was cancelled and the account is not closed.
   */
  public long[] counts(String directiveId) {
    return jdbc.sql(
            """
            SELECT COUNT(*), COUNT(dc.process_instance_id),
                   SUM(CASE WHEN ac.outcome = 'CLOSED' OR a.status = 'CLOSED' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN ac.outcome = 'CANCELLED' AND a.status <> 'CLOSED' THEN 1 ELSE 0 END)
              FROM directive_closure dc
              JOIN account a ON a.id = dc.account_id
              LEFT JOIN account_closure ac ON ac.process_instance_id = dc.process_instance_id
             WHERE dc.directive_id = ?""")
        .param(directiveId)
        .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})
        .single();
  }

  /** The same counts by unit right below the ministry, in unit order, with the units' escalations. */
  public List<UnitProgress> countsByUnit(String directiveId, boolean pastDeadline) {
    return jdbc.sql(
            """
            SELECT dc.report_unit, MAX(u.name_ar), MAX(u.name_en), COUNT(*), COUNT(dc.process_instance_id),
                   SUM(CASE WHEN ac.outcome = 'CLOSED' OR a.status = 'CLOSED' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN ac.outcome = 'CANCELLED' AND a.status <> 'CLOSED' THEN 1 ELSE 0 END),
                   MAX(du.escalations)
              FROM directive_closure dc
              JOIN account a ON a.id = dc.account_id
              LEFT JOIN account_closure ac ON ac.process_instance_id = dc.process_instance_id
              LEFT JOIN unit u ON u.code = dc.report_unit
              LEFT JOIN directive_unit du ON du.directive_id = dc.directive_id AND du.unit_code = dc.report_unit
             WHERE dc.directive_id = ?
             GROUP BY dc.report_unit
             ORDER BY dc.report_unit""")
        .param(directiveId)
        .query((rs, i) -> {
          DirectiveProgress p = DirectiveProgress.of(rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
              pastDeadline);
          return new UnitProgress(rs.getString(1), rs.getString(2), rs.getString(3), p.selected(), p.opened(),
              p.closed(), p.cancelled(), p.inProgress(), p.overdue(), rs.getInt(8));
        })
        .list();
  }

  /** The unit whose notice has this number. */
  public NoticeUnit noticeUnit(String directiveId, int seq) {
    return jdbc.sql(NOTICE_UNIT + " AND du.seq = ?").params(directiveId, seq).query(DirectiveRepository::noticeUnit)
        .single();
  }

  public Optional<NoticeUnit> noticeUnit(String directiveId, String unitCode) {
    return jdbc.sql(NOTICE_UNIT + " AND du.unit_code = ?").params(directiveId, unitCode)
        .query(DirectiveRepository::noticeUnit).optional();
  }

  private static NoticeUnit noticeUnit(ResultSet rs, int row) throws SQLException {
    return new NoticeUnit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
        rs.getInt(6), rs.getObject(7, OffsetDateTime.class));
  }

  public void markNoticeSent(String directiveId, String unitCode, String recipients, OffsetDateTime at) {
    jdbc.sql("UPDATE directive_unit SET notice_sent_to = ?, notice_sent_at = ? WHERE directive_id = ? AND unit_code = ?")
        .params(recipients, at, directiveId, unitCode)
        .update();
  }

  public void markEscalated(String directiveId, String unitCode, OffsetDateTime at) {
    jdbc.sql(
            """
            UPDATE directive_unit SET escalations = escalations + 1, last_escalated_at = ?
             WHERE directive_id = ? AND unit_code = ?""")
        .params(at, directiveId, unitCode)
        .update();
  }

  /** The directive's accounts to close, optionally of one unit (right below the ministry) and only those still open. */
  public List<DirectiveAccount> accounts(String directiveId, String reportUnit, boolean onlyOpen) {
    StringBuilder sql = new StringBuilder(ACCOUNT_COLUMNS);
    if (reportUnit != null) {
      sql.append(" AND dc.report_unit = ?");
    }
    if (onlyOpen) {
      sql.append(" AND ac.outcome IS NULL AND a.status <> 'CLOSED'");
    }
    sql.append(" ORDER BY a.unit_code, a.platform, a.id");
    var spec = jdbc.sql(sql.toString()).param(directiveId);
    if (reportUnit != null) {
      spec = spec.param(reportUnit);
    }
    return spec.query(DirectiveRepository::account).list();
  }

  private static DirectiveAccount account(ResultSet rs, int row) throws SQLException {
    return new DirectiveAccount(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
        rs.getObject(12, OffsetDateTime.class), rs.getString(13));
  }

  public void setStatus(String directiveId, DirectiveStatus status) {
    jdbc.sql("UPDATE consolidation_directive SET status = ? WHERE id = ?").params(status.name(), directiveId).update();
  }

  public int reviewRounds(String directiveId) {
    return jdbc.sql("SELECT COUNT(*) FROM directive_review WHERE directive_id = ?").param(directiveId)
        .query(Integer.class).single();
  }

  /** Records a compliance review and what it changes: the deadline in force, the status. */
  public void recordReview(String directiveId, int round, ComplianceDecision d, String decidedBy, OffsetDateTime at) {
    jdbc.sql(
            """
            INSERT INTO directive_review (directive_id, review_round, decision, new_deadline, escalated_units, notes,
                                          decided_by, decided_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(directiveId, round, d.decision(), d.newDeadline(),
            d.escalateUnits().isEmpty() ? null : String.join(",", d.escalateUnits()), d.notes(), decidedBy, at)
        .update();
    if (d.newDeadline() != null) {
      jdbc.sql("UPDATE consolidation_directive SET deadline = ?, status = ? WHERE id = ?")
          .params(d.newDeadline(), DirectiveStatus.CLOSING_ACCOUNTS.name(), directiveId)
          .update();
    } else {
      jdbc.sql("UPDATE consolidation_directive SET status = ?, accepted_at = ? WHERE id = ?")
          .params(DirectiveStatus.ACCEPTED.name(), at, directiveId)
          .update();
    }
  }

  /** The units a review escalated, in the order it named them. */
  public List<String> escalatedUnits(String directiveId, int round) {
    String units = jdbc.sql("SELECT escalated_units FROM directive_review WHERE directive_id = ? AND review_round = ?")
        .params(directiveId, round).query(String.class).single();
    return units == null ? List.of() : List.of(units.split(","));
  }

  public void markReported(String directiveId, OffsetDateTime at) {
    jdbc.sql("UPDATE consolidation_directive SET status = ?, reported_at = ? WHERE id = ?")
        .params(DirectiveStatus.REPORTED.name(), at, directiveId)
        .update();
  }
}
