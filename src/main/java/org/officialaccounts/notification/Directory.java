package org.officialaccounts.notification;

import java.util.List;
import java.util.Optional;

/** Finds people's email addresses in the identity store. */
public interface Directory {

  Optional<String> emailOf(String userId);

  /** The user whose email address this is, if exactly one has it. */
  Optional<String> userIdByEmail(String email);

  /** The addresses of every member of the group who has one. */
  List<String> emailsOfGroup(String groupId);
}
