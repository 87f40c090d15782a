package org.officialaccounts.registry;

import java.util.List;

/** What the manager reports having set up on an approved account. */
public record SetUp(
    CanonicalAccount account,
    boolean twoFactorEnabled,
    String recoveryEmail,
    List<String> administrators,
    String guideVersion) {}
