package org.officialaccounts.inventory;

import java.util.Optional;

/** The process engine's side of regularisation: the verification an unregistered account goes through. */
public interface RegularisationStarter {

  /** The process instance of a verification running for the account, if any. */
  Optional<String> runningVerification(long accountId);

  /**
   * Starts the account's verification for regularisation and returns its process instance id.
   *
   * @throws IllegalStateException when the account stopped being {@code UNREGISTERED} meanwhile
   */
  String start(long accountId, String initiator);
}
