package org.officialaccounts.request;

import org.officialaccounts.registry.CanonicalAccount;
import org.officialaccounts.registry.Unit;

/** An account request whose every field has been checked and normalised. */
public record ValidatedRequest(
    Unit unit,
    CanonicalAccount account,
    String purpose,
    String managerName,
    String managerEmail,
    String secondaryContactEmail) {}
