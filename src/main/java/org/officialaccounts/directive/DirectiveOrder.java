package org.officialaccounts.directive;

import java.time.LocalDate;
import java.util.List;
import org.officialaccounts.registry.Account;

/** A directive as its start form or API body gave it, checked. */
public record DirectiveOrder(
    String source,
    String sourceEmail,
    String reference,
    LocalDate directiveDate,
    String summary,
    DirectiveScope scope,
    LocalDate deadline,
    List<Account> officialAccounts) {}
