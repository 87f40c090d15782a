package org.officialaccounts.system;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.stereotype.Component;

/**
 * The engine's history level "full-lean": everything "full" keeps (process, activity, task and
 * variable history, incidents, identity links, the operators' user operation log, failed jobs)
 * except one row per variable change and one row per job created, run or deleted. Those two made
 * up most of the history a review wrote (17 variable details and 7 job log rows) and Cockpit's
 * community edition shows neither; a variable's latest value stays in its history.
 *
 * <p>A database written by "full" is moved to this level at start: it keeps a subset of what
 * "full" kept, so nothing already written changes meaning.
 */
@Component
public class LeanHistoryPlugin extends AbstractProcessEnginePlugin {

  public static final String NAME = "full-lean";
  static final int ID = 30;
  private static final int FULL_ID = 3;

  static final HistoryLevel LEVEL = new HistoryLevel() {
    @Override
    public int getId() {
      return ID;
    }

    @Override
    public String getName() {
      return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
      return eventType != HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL
          && eventType != HistoryEventTypes.JOB_CREATE
          && eventType != HistoryEventTypes.JOB_SUCCESS
          && eventType != HistoryEventTypes.JOB_DELETE;
    }

    @Override
    public String toString() {
      return NAME;
    }
  };

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryLevel> custom = configuration.getCustomHistoryLevels() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryLevels());
    custom.add(LEVEL);
    configuration.setCustomHistoryLevels(custom);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // After init (the data source is set), before the engine compares the levels.
    if (NAME.equals(configuration.getHistory())) {
      moveFromFull(configuration.getDataSource(), configuration.getDatabaseTablePrefix());
    }
  }

  /** The engine refuses to start on a database whose recorded level differs from the configured one. */
  static void moveFromFull(DataSource dataSource, String prefix) {
    if (dataSource == null) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      if (!hasPropertyTable(connection.getMetaData(), prefix)) {
        return;
      }
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE " + prefix + "ACT_GE_PROPERTY SET VALUE_ = ? WHERE NAME_ = 'historyLevel' AND VALUE_ = ?")) {
        update.setString(1, Integer.toString(ID));
        update.setString(2, Integer.toString(FULL_ID));
        update.executeUpdate();
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("Could not move the engine's history level from full to " + NAME, e);
    }
  }

  private static boolean hasPropertyTable(DatabaseMetaData meta, String prefix) throws SQLException {
    for (String name : new String[] {prefix + "ACT_GE_PROPERTY", (prefix + "ACT_GE_PROPERTY").toLowerCase()}) {
      try (ResultSet tables = meta.getTables(null, null, name, null)) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }
}
