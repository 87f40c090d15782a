package org.officialaccounts.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.officialaccounts.security.Groups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps a supervising group's Tasklist query fast while a campaign holds 130,000 tasks open.
 *
 * <p>The engine grants every candidate group of a task its own authorization row to read and
 * work that task. Its task query joins those rows to the tasks on "resource id is the task's id,
 * its process key or *", a condition PostgreSQL can only evaluate pairwise: a queue of 1,300
 * tasks offered to PR &amp; Media, each with a row of its own, costs 1.7 million comparisons per
 * query, twice per Tasklist refresh (list and count).
 *
 * <p>The supervising groups ({@link Groups#TASK_READERS}) read every task through one grant on the
 * process definitions instead (see {@code IdentitySetup}), so the row a task offers them carries
 * only the permission to work it. Their query then joins a handful of rows, and what they can
 * claim and complete stays exactly what is offered to them.
 *
 * <p>Rows an earlier version wrote for tasks still open lose their read permission once, at the
 * first start; the grant on the process definitions covers them.
 */
@Component
public class TaskAuthorizationPlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(TaskAuthorizationPlugin.class);
  private static final int READ = Permissions.READ.getValue();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new Provider(Set.copyOf(Groups.TASK_READERS)));
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    // Arithmetic instead of a bit operator, so PostgreSQL and H2 read it alike. Only the rows the
    // engine wrote for single tasks: a grant on every task ('*') is an administrator's, and stays.
    String sql = "UPDATE " + configuration.getDatabaseTablePrefix() + "ACT_RU_AUTHORIZATION SET PERMS_ = PERMS_ - "
        + READ + " WHERE RESOURCE_TYPE_ = ? AND GROUP_ID_ = ? AND RESOURCE_ID_ <> '*' AND PERMS_ > 0"
        + " AND MOD(PERMS_ / " + READ + ", 2) = 1";
    try (Connection connection = configuration.getDataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      int changed = 0;
      for (String group : Groups.TASK_READERS) {
        statement.setInt(1, Resources.TASK.resourceType());
        statement.setString(2, group);
        changed += statement.executeUpdate();
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
      if (changed > 0) {
        LOG.info("{} task authorizations of {} now read through the process definitions", changed, Groups.TASK_READERS);
      }
    } catch (SQLException e) {
      // Only slower queries for the tasks of an earlier version: no reason to refuse to start.
      LOG.warn("Could not move the supervising groups' task authorizations: {}", e.getMessage());
    }
  }

  /** The engine's default, but for the groups that read tasks through their process definitions. */
  static final class Provider extends DefaultAuthorizationProvider {

    private final Set<String> definitionReaders;

    Provider(Set<String> definitionReaders) {
      this.definitionReaders = definitionReaders;
    }

    @Override
    protected AuthorizationEntity[] createOrUpdateAuthorizationsByGroupId(Task task, String groupId) {
      if (!definitionReaders.contains(groupId)) {
        return super.createOrUpdateAuthorizationsByGroupId(task, groupId);
      }
      AuthorizationEntity work =
          createOrUpdateAuthorization(task, null, groupId, Resources.TASK, false, getDefaultUserPermissionForTask());
      return new AuthorizationEntity[] {work};
    }
  }
}
