package org.officialaccounts.directive;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A consolidation directive as recorded. */
public record Directive(
    String id,
    String source,
    String sourceEmail,
    String reference,
    LocalDate directiveDate,
    String summary,
    DirectiveScope orderedScope,
    DirectiveScope decidedScope,
    LocalDate orderedDeadline,
    LocalDate deadline,
    Meeting meeting,
    DirectiveStatus status,
    Integer selected,
    String startedBy,
    OffsetDateTime startedAt,
    String processInstanceId,
    OffsetDateTime acceptedAt,
    OffsetDateTime reportedAt) {

  /** What the Undersecretary's leadership meeting recorded. */
  public record Meeting(LocalDate date, String attendees, String decision, String minutes, String heldBy,
      OffsetDateTime recordedAt) {}

  /** The scope in force: as the meeting decided it, or as ordered before the meeting. */
  public DirectiveScope scope() {
    return decidedScope != null ? decidedScope : orderedScope;
  }

  static Directive map(ResultSet rs, int row) throws SQLException {
    String decision = rs.getString("meeting_decision");
    return new Directive(
        rs.getString("id"),
        rs.getString("source"),
        rs.getString("source_email"),
        rs.getString("reference"),
        rs.getObject("directive_date", LocalDate.class),
        rs.getString("summary"),
        DirectiveScope.stored(rs.getString("scope_unit_types"), rs.getString("scope_unit_codes")),
        decision == null ? null
            : DirectiveScope.stored(rs.getString("decided_unit_types"), rs.getString("decided_unit_codes")),
        rs.getObject("ordered_deadline", LocalDate.class),
        rs.getObject("deadline", LocalDate.class),
        decision == null ? null : new Meeting(
            rs.getObject("meeting_date", LocalDate.class),
            rs.getString("meeting_attendees"),
            decision,
            rs.getString("meeting_minutes"),
            rs.getString("meeting_held_by"),
            rs.getObject("meeting_recorded_at", OffsetDateTime.class)),
        DirectiveStatus.valueOf(rs.getString("status")),
        rs.getObject("selected", Integer.class),
        rs.getString("started_by"),
        rs.getObject("started_at", OffsetDateTime.class),
        rs.getString("process_instance_id"),
        rs.getObject("accepted_at", OffsetDateTime.class),
        rs.getObject("reported_at", OffsetDateTime.class));
  }
}
