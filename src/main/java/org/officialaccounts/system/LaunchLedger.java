package org.officialaccounts.system;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every launcher's ledger shares: one row per account in scope, marked with the process
 * started for it in the transaction that starts it, and never marked twice.
 */
public final class LaunchLedger {

  /** A process a launcher started for one account. */
  public record Opened(long accountId, String processInstanceId) {}

  private LaunchLedger() {}

  /**
   * Marks each account's ledger row with its process, in one batch. The update only takes rows
   * still unopened, so a launcher racing another (or re-running a chunk) fails, and its whole
   * chunk rolls back, instead of recording a second process for an account. {@code table} and
   * {@code ownerColumn} are the caller's constants, never input.
   */
  public static void markOpened(JdbcTemplate template, String table, String ownerColumn, String owner,
      List<Opened> opened, OffsetDateTime at) {
    if (opened.isEmpty()) {
      return;
    }
    Timestamp when = Timestamp.from(at.toInstant());
    int[][] counts = template.batchUpdate(
        "UPDATE " + table + " SET process_instance_id = ?, opened_at = ?"
            + " WHERE " + ownerColumn + " = ? AND account_id = ? AND process_instance_id IS NULL",
        opened,
        opened.size(),
        (ps, row) -> {
          ps.setString(1, row.processInstanceId());
          ps.setTimestamp(2, when);
          ps.setString(3, owner);
          ps.setLong(4, row.accountId());
        });
    for (int[] batch : counts) {
      for (int count : batch) {
        if (count == 0) {
          throw new IllegalStateException("An account of " + owner + " was opened by another launcher");
        }
      }
    }
  }
}
