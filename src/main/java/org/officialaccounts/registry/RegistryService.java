package org.officialaccounts.registry;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The registry's rules for recording accounts: one URL, one account per unit and platform. */
@Service
public class RegistryService {

  private final AccountRepository accounts;
  private final Clock clock;

  public RegistryService(AccountRepository accounts, Clock clock) {
    this.accounts = accounts;
    this.clock = clock;
  }

  /**
   * The account that stands in the way of registering this one: the same canonical URL in any
   * status, or the unit already holding a live account on the platform.
   */
  @Transactional(readOnly = true)
  public Optional<Account> findConflict(String unitCode, CanonicalAccount candidate) {
    Optional<Account> sameUrl = accounts.findByCanonicalUrl(candidate.canonicalUrl());
    if (sameUrl.isPresent()) {
      return sameUrl;
    }
    return accounts.findByUnitAndPlatform(unitCode, candidate.platform()).stream()
        .filter(a -> a.status().holdsPlatformSlot())
        .findFirst();
  }

  /** Records an approved request as an {@code APPROVED} account with its first history entry. */
  @Transactional
  public long registerApproved(NewAccount request, String approvedBy, String reason) {
    findConflict(request.unitCode(), request.account())
        .ifPresent(
            existing -> {
              throw new AccountConflictException(existing);
            });
    OffsetDateTime now = OffsetDateTime.now(clock);
    long id = accounts.insertApproved(request, now);
    accounts.insertHistory(
        id, null, AccountStatus.APPROVED, approvedBy, now, reason, request.processInstanceId());
    return id;
  }
}
