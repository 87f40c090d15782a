package org.officialaccounts.inventory;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.officialaccounts.inventory.InventoryRules.CheckedRow;
import org.officialaccounts.inventory.InventoryRules.Registered;
import org.officialaccounts.registry.AccountStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads what an import checks against in bulk and records its accounts in batches. */
@Repository
public class InventoryRepository {

  /** Addresses per lookup: few round trips, statements of a sensible size. */
  static final int CHUNK = 1000;
  /** Rows per insert statement, well within PostgreSQL's 65,535 parameters per statement. */
  static final int ROWS_PER_STATEMENT = 500;

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  public InventoryRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** Every unit's code with its parent's code: the whole tree in one query. */
  Map<String, String> unitParents() {
    Map<String, String> parents = new HashMap<>();
    jdbc.sql("SELECT code, parent_code FROM unit")
        .query((RowCallbackHandler) rs -> parents.put(rs.getString("code"), rs.getString("parent_code")));
    return parents;
  }

  /** The accounts the registry holds under any of these canonical addresses, whatever their status. */
  Map<String, Registered> registeredByUrl(Collection<String> canonicalUrls) {
    Map<String, Registered> found = new HashMap<>();
    List<String> all = new ArrayList<>(canonicalUrls);
    for (int from = 0; from < all.size(); from += CHUNK) {
      jdbc.sql("SELECT id, canonical_url, status FROM account WHERE canonical_url IN (:urls)")
          .param("urls", all.subList(from, Math.min(all.size(), from + CHUNK)))
          .query((RowCallbackHandler) rs -> found.put(
              rs.getString("canonical_url"), new Registered(rs.getLong("id"), rs.getString("status"))));
    }
    return found;
  }

  /**
   * Records the rows as {@code UNREGISTERED} accounts, each with its first history entry naming
   * the import and the line, all in one transaction.
   */
  @Transactional
  public void insertUnregistered(List<CheckedRow> rows, String importedBy, OffsetDateTime at, String importId) {
    String status = AccountStatus.UNREGISTERED.name();
    // Several rows per statement: a statement per row costs a round of parsing and planning each.
    for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
      List<CheckedRow> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
      List<Object> accountValues = new ArrayList<>(chunk.size() * 9);
      List<Object> historyValues = new ArrayList<>(chunk.size() * 2 + 3);
      historyValues.addAll(List.of(status, importedBy, at));
      for (CheckedRow row : chunk) {
        accountValues.addAll(Arrays.asList(row.unitCode(), row.account().platform().name(), row.account().handle(),
            row.account().canonicalUrl(), status, row.managerName(), row.managerEmail(), at, at));
        historyValues.add(row.account().canonicalUrl());
        historyValues.add(historyReason(importId, row.line()));
      }
      template.update(
          """
          INSERT INTO account (unit_code, platform, handle, canonical_url, status, official,
                               manager_name, manager_email, created_at, updated_at)
          VALUES """ + " " + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, FALSE, ?, ?, ?, ?)")),
          accountValues.toArray());
      // The new ids are found by address (unique) rather than read back from the insert, which
      // not every database returns for several rows.
      template.update(
          """
          INSERT INTO account_history (account_id, to_status, changed_by, changed_at, reason)
          SELECT a.id, ?, ?, ?, v.reason
            FROM account a JOIN (VALUES """ + " " + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?)"))
              + ") AS v (url, reason) ON a.canonical_url = v.url",
          historyValues.toArray());
    }
  }

  static String historyReason(String importId, int line) {
    return "Found unregistered; inventory import " + importId + ", line " + line;
  }
}
