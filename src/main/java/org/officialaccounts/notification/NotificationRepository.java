package org.officialaccounts.notification;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The log of every email sent. */
@Repository
public class NotificationRepository {

  private final JdbcClient jdbc;

  public NotificationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void logSent(
      String recipient,
      String template,
      String subject,
      OffsetDateTime at,
      String processInstanceId,
      Long accountId) {
    jdbc.sql(
            """
            INSERT INTO notification (recipient, template, subject, status, sent_at,
                                      process_instance_id, account_id)
            VALUES (?, ?, ?, 'SENT', ?, ?, ?)""")
        .params(recipient, template, subject, at, processInstanceId, accountId)
        .update();
  }

  /** Logged emails, newest first, optionally of one process instance or one account. */
  public List<Notification> search(String processInstanceId, Long accountId, int offset, int limit) {
    return jdbc.sql(
            "SELECT * FROM notification" + where(processInstanceId, accountId)
                + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
        .params(params(processInstanceId, accountId))
        .param("limit", limit)
        .param("offset", offset)
        .query(NotificationRepository::map)
        .list();
  }

  public long count(String processInstanceId, Long accountId) {
    return jdbc.sql("SELECT COUNT(*) FROM notification" + where(processInstanceId, accountId))
        .params(params(processInstanceId, accountId))
        .query(Long.class)
        .single();
  }

  private static String where(String processInstanceId, Long accountId) {
    java.util.List<String> where = new java.util.ArrayList<>();
    if (processInstanceId != null) {
      where.add("process_instance_id = :pid");
    }
    if (accountId != null) {
      where.add("account_id = :accountId");
    }
    return where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
  }

  private static java.util.Map<String, Object> params(String processInstanceId, Long accountId) {
    java.util.Map<String, Object> params = new java.util.HashMap<>();
    if (processInstanceId != null) {
      params.put("pid", processInstanceId);
    }
    if (accountId != null) {
      params.put("accountId", accountId);
    }
    return params;
  }

  private static Notification map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Notification(
        rs.getLong("id"),
        rs.getString("recipient"),
        rs.getString("template"),
        rs.getString("subject"),
        rs.getString("status"),
        rs.getObject("sent_at", OffsetDateTime.class),
        rs.getString("process_instance_id"),
        (Long) rs.getObject("account_id", Long.class));
  }

  public List<Notification> findByProcessInstance(String processInstanceId) {
    return jdbc.sql("SELECT * FROM notification WHERE process_instance_id = ? ORDER BY id")
        .param(processInstanceId)
        .query(
            (rs, n) ->
                new Notification(
                    rs.getLong("id"),
                    rs.getString("recipient"),
                    rs.getString("template"),
                    rs.getString("subject"),
                    rs.getString("status"),
                    rs.getObject("sent_at", OffsetDateTime.class),
                    rs.getString("process_instance_id"),
                    (Long) rs.getObject("account_id", Long.class)))
        .list();
  }
}
