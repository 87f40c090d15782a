package org.officialaccounts.security;

import java.util.Set;

/** The person (or the system) on whose behalf something is done. */
public record Actor(String userId, Set<String> groups) {

  public static final Actor SYSTEM = new Actor("system", Set.of());

  /** PR & Media and administrators act on every unit; everyone else on their own subtree. */
  public boolean seesAllUnits() {
    return groups.contains(Groups.PR_MEDIA)
        || groups.contains(Groups.CAMUNDA_ADMIN)
        || groups.contains(Groups.UNDERSECRETARY);
  }
}
