package org.officialaccounts.registry.adapter;

import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.officialaccounts.registry.UnitRepository;
import org.officialaccounts.security.Groups;
import org.springframework.stereotype.Component;

/**
 * Who is offered a manager's task when the manager is not a known user: the coordinators of the
 * account's unit (or of the nearest unit above it), else PR &amp; Media. A task that has its
 * manager is offered to nobody else, so no one sees another unit's tasks and a manager's
 * Tasklist holds only their own. Used in the models as
 * {@code camunda:candidateUsers="${taskRouting.withoutManager(execution)}"}.
 *
 * <p>A review's assessment goes to the users its pre-checks named ({@code reviewerUsers}: an
 * education department's coordinators where that department assesses its own), else to its
 * reviewer group.
 */
@Component("taskRouting")
public class TaskRouting {

  static final String MANAGER_USER_ID = "managerUserId";
  static final String UNIT_CODE = "unitCode";
  static final String REVIEWER_USERS = "reviewerUsers";
  static final String REVIEWER_GROUP = "reviewerGroup";

  private final UnitRepository units;

  public TaskRouting(UnitRepository units) {
    this.units = units;
  }

  public List<String> withoutManager(VariableScope scope) {
    if (scope.getVariable(MANAGER_USER_ID) != null) {
      return List.of();
    }
    Object unit = scope.getVariable(UNIT_CODE);
    return unit == null ? List.of() : units.nearestCoordinators(unit.toString());
  }

  public List<String> groupsWithoutManager(VariableScope scope) {
    return scope.getVariable(MANAGER_USER_ID) == null && withoutManager(scope).isEmpty()
        ? List.of(Groups.PR_MEDIA)
        : List.of();
  }

  public List<String> reviewers(VariableScope scope) {
    Object users = scope.getVariable(REVIEWER_USERS);
    if (users == null || users.toString().isBlank()) {
      return List.of();
    }
    return List.of(users.toString().split(","));
  }

  public List<String> reviewerGroups(VariableScope scope) {
    if (!reviewers(scope).isEmpty()) {
      return List.of();
    }
    Object group = scope.getVariable(REVIEWER_GROUP);
    return List.of(group == null ? Groups.PR_MEDIA : group.toString());
  }
}
