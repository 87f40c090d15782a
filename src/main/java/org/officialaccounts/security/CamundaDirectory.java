package org.officialaccounts.security;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.officialaccounts.notification.Directory;
import org.springframework.stereotype.Component;

/** Reads people's addresses from the process engine's identity service. */
@Component
public class CamundaDirectory implements Directory {

  private final IdentityService identity;

  public CamundaDirectory(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public Optional<String> emailOf(String userId) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    return Optional.ofNullable(user).map(User::getEmail).filter(e -> !e.isBlank());
  }

  @Override
  public Optional<String> userIdByEmail(String email) {
    List<User> users = identity.createUserQuery().userEmail(email).listPage(0, 2);
    return users.size() == 1 ? Optional.of(users.get(0).getId()) : Optional.empty();
  }

  @Override
  public List<String> emailsOfGroup(String groupId) {
    return identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list().stream()
        .map(User::getEmail)
        .filter(Objects::nonNull)
        .filter(e -> !e.isBlank())
        .toList();
  }
}
