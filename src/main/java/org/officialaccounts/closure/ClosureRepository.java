package org.officialaccounts.closure;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.officialaccounts.registry.AccountStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The closures' records. */
@Repository
public class ClosureRepository {

  private final JdbcClient jdbc;

  public ClosureRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a closure as opened (or, with an outcome, as one that had nothing to close); returns its id. */
  public long insert(ClosureOrder order, AccountStatus previousStatus, Long successorAccountId, LocalDate closingDate,
      String processInstanceId, OffsetDateTime now, String outcome, String outcomeReason) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            INSERT INTO account_closure (account_id, reason, grounds, directive_id, previous_status,
                                         successor_account_id, closing_date, outcome, outcome_reason,
                                         requested_by, process_instance_id, opened_at, concluded_at)
            VALUES (:account, :reason, :grounds, :directive, :previous, :successor, :closing, :outcome,
                    :outcomeReason, :by, :pid, :now, :concluded)""")
        .param("account", order.accountId())
        .param("reason", order.reason().name())
        .param("grounds", order.grounds())
        .param("directive", order.directiveId())
        .param("previous", previousStatus.name())
        .param("successor", successorAccountId)
        .param("closing", closingDate)
        .param("outcome", outcome)
        .param("outcomeReason", outcomeReason)
        .param("by", order.requestedBy())
        .param("pid", processInstanceId)
        .param("now", now)
        .param("concluded", outcome == null ? null : now)
        .update(keys, "id");
    return ((Number) keys.getKeys().get("id")).longValue();
  }

  public Optional<ClosureRecord> find(long id) {
    return jdbc.sql("SELECT * FROM account_closure WHERE id = ?").param(id).query(ClosureRecord::map).optional();
  }

  public Optional<ClosureRecord> findByProcessInstance(String processInstanceId) {
    return jdbc.sql("SELECT * FROM account_closure WHERE process_instance_id = ?").param(processInstanceId)
        .query(ClosureRecord::map).optional();
  }

  /** The account's running closure, if any. */
  public Optional<ClosureRecord> findOpen(long accountId) {
    return jdbc.sql("SELECT * FROM account_closure WHERE account_id = ? AND outcome IS NULL ORDER BY id DESC")
        .param(accountId).query(ClosureRecord::map).stream().findFirst();
  }

  /** Closures, newest first, filtered by account, directive and whether they are still running. */
  public List<ClosureRecord> search(Long accountId, String directiveId, Boolean open, int offset, int limit) {
    StringBuilder sql = new StringBuilder("SELECT * FROM account_closure WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (accountId != null) {
      sql.append(" AND account_id = ?");
      params.add(accountId);
    }
    if (directiveId != null) {
      sql.append(" AND directive_id = ?");
      params.add(directiveId);
    }
    if (open != null) {
      sql.append(open ? " AND outcome IS NULL" : " AND outcome IS NOT NULL");
    }
    sql.append(" ORDER BY id DESC LIMIT ? OFFSET ?");
    params.add(limit);
    params.add(offset);
    return jdbc.sql(sql.toString()).params(params).query(ClosureRecord::map).list();
  }

  /** What a running closure gives the account back if it is cancelled. */
  public void updatePreviousStatus(long accountId, AccountStatus status) {
    jdbc.sql("UPDATE account_closure SET previous_status = ? WHERE account_id = ? AND outcome IS NULL")
        .params(status.name(), accountId).update();
  }

  public void recordNotice(long id, String noticeUrl, OffsetDateTime at) {
    jdbc.sql("UPDATE account_closure SET notice_url = ?, notice_posted_at = ? WHERE id = ?")
        .params(noticeUrl, at, id).update();
  }

  public void recordArchive(long id, String archiveLocation, String endState) {
    jdbc.sql("UPDATE account_closure SET archive_location = ?, end_state = ? WHERE id = ?")
        .params(archiveLocation, endState, id).update();
  }

  public void recordTakedown(long id, String reference) {
    jdbc.sql("UPDATE account_closure SET takedown_reference = ? WHERE id = ?").params(reference, id).update();
  }

  /** Concludes a running closure; false when it was concluded already (a retried job). */
  public boolean conclude(long id, String outcome, String reason, String endState, OffsetDateTime at) {
    return jdbc.sql(
            """
            UPDATE account_closure SET outcome = ?, outcome_reason = ?, end_state = COALESCE(?, end_state),
                   concluded_at = ?
             WHERE id = ? AND outcome IS NULL""")
        .params(outcome, reason, endState, at, id)
        .update() == 1;
  }
}
