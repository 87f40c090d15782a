package org.officialaccounts.security;

import java.util.List;

/** The identity groups the processes and the API rely on. */
public final class Groups {

  public static final String PR_MEDIA = "pr-media";
  public static final String UNDERSECRETARY = "undersecretary";
  public static final String UNIT_COORDINATORS = "unit-coordinators";
  public static final String ACCOUNT_MANAGERS = "account-managers";
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  public static final List<String> ALL =
      List.of(PR_MEDIA, UNDERSECRETARY, UNIT_COORDINATORS, ACCOUNT_MANAGERS, CAMUNDA_ADMIN);

  /**
   * The supervising groups: they read every task through their grant on the process definitions,
   * and work those offered to them (see {@code TaskAuthorizationPlugin}).
   */
  public static final List<String> TASK_READERS = List.of(PR_MEDIA, UNDERSECRETARY);

  private Groups() {}
}
