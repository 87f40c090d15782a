package org.officialaccounts.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.officialaccounts.closure.Closure;
import org.officialaccounts.request.AccountCreation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates, in every environment, the groups the models name, what each group may do, and the
 * Tasklist filters per group. Users and their memberships come from the identity store (or the
 * demo profile), never from here.
 */
@Component
@Order(0)
public class IdentitySetup implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySetup.class);

  private static final Map<String, String> GROUP_NAMES =
      Map.of(
          Groups.PR_MEDIA, bilingual("العلاقات العامة والإعلام", "PR & Media"),
          Groups.UNDERSECRETARY, bilingual("الوكيل", "Undersecretary"),
          Groups.UNIT_COORDINATORS, bilingual("منسقو الجهات", "Unit coordinators"),
          Groups.ACCOUNT_MANAGERS, bilingual("مديرو الحسابات", "Account managers"),
          Groups.CAMUNDA_ADMIN, bilingual("مديرو النظام", "Administrators"));

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;

  public IdentitySetup(
      IdentityService identity,
      AuthorizationService authorizations,
      FilterService filters,
      TaskService tasks) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
  }

  @Override
  public void run(ApplicationArguments args) {
    GROUP_NAMES.forEach(this::ensureGroup);

    for (String group : Groups.ALL) {
      grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    }
    grant(Groups.PR_MEDIA, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(Groups.UNDERSECRETARY, Resources.APPLICATION, "cockpit", Permissions.ACCESS);

    // Requesters start account requests; their own tasks are granted per task by the engine.
    for (String group : new String[] {Groups.UNIT_COORDINATORS, Groups.PR_MEDIA}) {
      grant(group, Resources.PROCESS_DEFINITION, AccountCreation.PROCESS_KEY,
          Permissions.READ, Permissions.CREATE_INSTANCE);
      grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    }
    // A unit asks to close one of its accounts; PR & Media close any.
    for (String group : new String[] {Groups.UNIT_COORDINATORS, Groups.PR_MEDIA}) {
      grant(group, Resources.PROCESS_DEFINITION, Closure.PROCESS_KEY, Permissions.READ, Permissions.CREATE_INSTANCE);
    }
    // PR & Media open reviews of single accounts by hand.
    grant(Groups.PR_MEDIA, Resources.PROCESS_DEFINITION, "PeriodicReviewProcess",
        Permissions.READ, Permissions.CREATE_INSTANCE);
    grant(Groups.PR_MEDIA, Resources.PROCESS_DEFINITION, "ReviewCampaignProcess",
        Permissions.READ, Permissions.CREATE_INSTANCE);
    // PR & Media publish versions of the governance guide (POST /api/guide-versions starts it as the caller).
    grant(Groups.PR_MEDIA, Resources.PROCESS_DEFINITION, "GuidePublicationProcess",
        Permissions.READ, Permissions.CREATE_INSTANCE);
    // Reviewers follow every request and its history in Cockpit and Tasklist. They read tasks
    // through this grant, not one row per task: see TaskAuthorizationPlugin.
    for (String group : Groups.TASK_READERS) {
      grant(group, Resources.PROCESS_DEFINITION, ANY,
          Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.READ_TASK);
      grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
      grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
      grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
    }

    ensureFilter("my-tasks", bilingual("مهامي", "My tasks"), -10, null,
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    ensureFilter("pr-media", bilingual("مراجعات العلاقات العامة", "PR & Media reviews"), 0,
        Groups.PR_MEDIA,
        tasks.createTaskQuery().taskCandidateGroup(Groups.PR_MEDIA).includeAssignedTasks());
    ensureFilter("undersecretary", bilingual("قرارات الوكيل", "Undersecretary decisions"), 0,
        Groups.UNDERSECRETARY,
        tasks.createTaskQuery().taskCandidateGroup(Groups.UNDERSECRETARY).includeAssignedTasks());
    // A manager's tasks are assigned to the manager ("My tasks"); a unit's coordinators are
    // offered those whose manager is unknown. Nobody is offered every unit's tasks.
    ensureFilter("account-managers", bilingual("مهام معروضة علي", "Offered to me"), 0,
        Groups.ACCOUNT_MANAGERS,
        tasks.createTaskQuery().taskCandidateUserExpression("${currentUser()}"));
    ensureFilter("unit-coordinators", bilingual("مهام معروضة علي", "Offered to me"), 0,
        Groups.UNIT_COORDINATORS,
        tasks.createTaskQuery().taskCandidateUserExpression("${currentUser()}"));
  }

  private static Map<String, Object> properties(String key, String name, int priority) {
    return Map.of("key", key, "priority", priority, "refresh", true, "description", name);
  }

  private void ensureGroup(String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identity.saveGroup(group);
      LOG.info("Created group {}", id);
    }
  }

  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing =
        authorizations
            .createAuthorizationQuery()
            .groupIdIn(group)
            .resourceType(resource)
            .resourceId(resourceId)
            .singleResult();
    Authorization authorization = existing;
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(group);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean changed = existing == null;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(authorization);
    }
  }

  /** "Arabic / English", the Arabic half isolated so it keeps its order in a left-to-right line. */
  static String bilingual(String arabic, String english) {
    return "\u2067" + arabic + "\u2069 / " + english;
  }

  private void ensureFilter(String key, String name, int priority, String group, TaskQuery query) {
    // Found by a key of ours, so a renamed filter is updated instead of duplicated.
    for (Filter existing : filters.createTaskFilterQuery().list()) {
      Object existingKey = existing.getProperties() == null ? null : existing.getProperties().get("key");
      if (key.equals(existingKey)) {
        // The query follows the code too, so a changed routing reaches existing installations.
        existing.setName(name);
        existing.setProperties(properties(key, name, priority));
        existing.setQuery(query);
        filters.saveFilter(existing);
        return;
      }
    }
    Filter filter = filters.newTaskFilter(name).setProperties(properties(key, name, priority)).setQuery(query);
    filters.saveFilter(filter);
    Authorization read =
        authorizations.createNewAuthorization(group == null ? AUTH_TYPE_GLOBAL : AUTH_TYPE_GRANT);
    if (group == null) {
      read.setUserId(ANY);
    } else {
      read.setGroupId(group);
    }
    read.setResource(Resources.FILTER);
    read.setResourceId(filter.getId());
    read.addPermission(Permissions.READ);
    authorizations.saveAuthorization(read);
  }
}
