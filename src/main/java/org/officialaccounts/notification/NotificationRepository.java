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
