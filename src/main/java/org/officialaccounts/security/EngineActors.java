package org.officialaccounts.security;

import java.util.HashSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Tells who the engine is acting for right now. */
public final class EngineActors {

  private EngineActors() {}

  /** The authenticated user of the current engine call, or null when the engine acts alone. */
  public static Actor current(IdentityService identity) {
    Authentication authentication = identity.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return null;
    }
    return new Actor(
        authentication.getUserId(),
        authentication.getGroupIds() == null
            ? java.util.Set.of()
            : new HashSet<>(authentication.getGroupIds()));
  }
}
