package org.officialaccounts.closure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.officialaccounts.registry.AccountStatus;

/** One closure as the registry records it; {@code outcome} is null while it runs. */
public record ClosureRecord(
    long id,
    long accountId,
    ClosureReason reason,
    String grounds,
    String directiveId,
    AccountStatus previousStatus,
    Long successorAccountId,
    LocalDate closingDate,
    String noticeUrl,
    OffsetDateTime noticePostedAt,
    String archiveLocation,
    String endState,
    String takedownReference,
    String outcome,
    String outcomeReason,
    String requestedBy,
    String processInstanceId,
    OffsetDateTime openedAt,
    OffsetDateTime concludedAt) {

  public static final String CLOSED = "CLOSED";
  public static final String CANCELLED = "CANCELLED";

  static ClosureRecord map(ResultSet rs, int row) throws SQLException {
    return new ClosureRecord(
        rs.getLong("id"),
        rs.getLong("account_id"),
        ClosureReason.valueOf(rs.getString("reason")),
        rs.getString("grounds"),
        rs.getString("directive_id"),
        AccountStatus.valueOf(rs.getString("previous_status")),
        rs.getObject("successor_account_id", Long.class),
        rs.getObject("closing_date", LocalDate.class),
        rs.getString("notice_url"),
        rs.getObject("notice_posted_at", OffsetDateTime.class),
        rs.getString("archive_location"),
        rs.getString("end_state"),
        rs.getString("takedown_reference"),
        rs.getString("outcome"),
        rs.getString("outcome_reason"),
        rs.getString("requested_by"),
        rs.getString("process_instance_id"),
        rs.getObject("opened_at", OffsetDateTime.class),
        rs.getObject("concluded_at", OffsetDateTime.class));
  }
}
