package org.officialaccounts.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.officialaccounts.registry.Platform;

/** A review campaign as recorded. */
public record Campaign(
    String id,
    String name,
    CampaignScope scope,
    String startedBy,
    OffsetDateTime startedAt,
    OffsetDateTime endsAt,
    String processInstanceId,
    Integer selected,
    OffsetDateTime reportedAt) {

  static Campaign map(ResultSet rs, int row) throws SQLException {
    String platform = rs.getString("platform");
    LocalDate due = rs.getObject("due_before", LocalDate.class);
    Integer selected = rs.getObject("selected", Integer.class);
    return new Campaign(
        rs.getString("id"),
        rs.getString("name"),
        new CampaignScope(CampaignScope.Kind.valueOf(rs.getString("scope_kind")), rs.getString("unit_code"),
            platform == null ? null : Platform.valueOf(platform), due),
        rs.getString("started_by"),
        rs.getObject("started_at", OffsetDateTime.class),
        rs.getObject("ends_at", OffsetDateTime.class),
        rs.getString("process_instance_id"),
        selected,
        rs.getObject("reported_at", OffsetDateTime.class));
  }
}
