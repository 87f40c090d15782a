package org.officialaccounts.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Turns a Spring Security login into the application's {@link Actor}. */
public final class CurrentActor {

  private CurrentActor() {}

  public static Actor of(Authentication authentication) {
    Set<String> groups =
        authentication.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .collect(Collectors.toUnmodifiableSet());
    return new Actor(authentication.getName(), groups);
  }
}
