package org.officialaccounts.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes two of the engine's tables for the ministry's scale. The engine creates its schema
 * after Flyway has run, so this happens here, once the engine is built; every statement is a
 * no-op on the starts after the first.
 *
 * <ul>
 *   <li>Users by email address: every review and verification finds the account's manager by
 *       address, and without an index each lookup reads all 130,000 users.
 *   <li>Jobs in the order the job executor acquires them (priority first, then due date): with a
 *       campaign's 130,000 reviews each holding three timers, an acquisition would otherwise read
 *       half a million rows to find the next three jobs due. The index serves only because every
 *       job has a due date ({@code ensure-job-due-date-not-null}); jobs written before that
 *       setting get one here, so none is left behind unacquired. On PostgreSQL, the locked jobs get
 *       an index too and the table is analysed sooner (see {@link #tunePostgresJobTable}).
 * </ul>
 */
@Component
public class EngineIndexPlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(EngineIndexPlugin.class);

  /**
   * Two PostgreSQL-only measures for the acquisition query, which is otherwise the database's
   * most expensive statement during a campaign (about 80 ms per poll at 20,000 due jobs, most of
   * PostgreSQL's time). Its "no other job of this instance is running" test reads every job
   * unless the locked ones, a handful, have an index of their own (a partial index: H2 has
   * none). And the job table grows from nothing to hundreds of thousands of rows within
   * minutes: with the default thresholds its statistics lag so far behind that the planner
   * sorts every due job instead of walking the acquisition index, so it is analysed sooner.
   */
  private static void tunePostgresJobTable(Statement statement, String prefix) throws SQLException {
    statement.execute("CREATE INDEX IF NOT EXISTS OA_IDX_JOB_LOCKED ON " + prefix
        + "ACT_RU_JOB (PROCESS_INSTANCE_ID_) WHERE LOCK_OWNER_ IS NOT NULL");
    statement.execute("ALTER TABLE " + prefix + "ACT_RU_JOB SET (autovacuum_analyze_threshold = 1000,"
        + " autovacuum_analyze_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000,"
        + " autovacuum_vacuum_scale_factor = 0.02)");
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String prefix = configuration.getDatabaseTablePrefix();
    try (Connection connection = configuration.getDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      // IF NOT EXISTS: PostgreSQL and H2 alike.
      statement.execute("CREATE INDEX IF NOT EXISTS OA_IDX_ID_USER_EMAIL ON " + prefix + "ACT_ID_USER (EMAIL_)");
      statement.execute(
          "CREATE INDEX IF NOT EXISTS OA_IDX_JOB_ACQUISITION ON " + prefix + "ACT_RU_JOB (PRIORITY_ DESC, DUEDATE_)");
      if (DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType())) {
        tunePostgresJobTable(statement, prefix);
      }
      if (configuration.isEnsureJobDueDateNotNull()) {
        statement.executeUpdate("UPDATE " + prefix + "ACT_RU_JOB SET DUEDATE_ = CURRENT_TIMESTAMP WHERE DUEDATE_ IS NULL");
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      // The app works without the indexes, only slower: no reason to refuse to start.
      LOG.warn("Could not index the engine's tables: {}", e.getMessage());
    }
  }
}
