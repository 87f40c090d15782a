package org.officialaccounts.directive;

import org.officialaccounts.operations.OpenDirectives;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Directives not yet reported whose process still runs, for the operations gauge. */
@Component
class OpenDirectiveCount implements OpenDirectives {

  private final JdbcClient jdbc;

  OpenDirectiveCount(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public long count() {
    return jdbc.sql("""
            SELECT COUNT(*) FROM consolidation_directive d
             WHERE d.reported_at IS NULL
               AND EXISTS (SELECT 1 FROM ACT_RU_EXECUTION e WHERE e.ID_ = d.process_instance_id)""")
        .query(Long.class).single();
  }
}
