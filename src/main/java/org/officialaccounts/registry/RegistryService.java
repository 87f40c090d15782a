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

  /** The account that stands in the way of moving account {@code id} to this address. */
  @Transactional(readOnly = true)
  public Optional<Account> findConflictExcept(long id, String unitCode, CanonicalAccount candidate) {
    Optional<Account> sameUrl = accounts.findByCanonicalUrl(candidate.canonicalUrl());
    if (sameUrl.isPresent()) {
      return sameUrl.filter(a -> a.id() != id);
    }
    return accounts.findByUnitAndPlatform(unitCode, candidate.platform()).stream()
        .filter(a -> a.id() != id && a.status().holdsPlatformSlot())
        .findFirst();
  }

  /**
   * Moves an account from one status to another with its history entry.
   *
   * @throws IllegalStateException when the account is not in {@code from} any more
   */
  @Transactional
  public void changeStatus(
      long id, AccountStatus from, AccountStatus to, String actor, String reason, String processInstanceId) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (!accounts.updateStatus(id, from, to, now)) {
      throw new IllegalStateException("Account " + id + " is not " + from + " any more; it cannot become " + to);
    }
    accounts.insertHistory(id, from, to, actor, now, reason, processInstanceId);
  }

  /** Records what the manager set up, with a history entry. */
  @Transactional
  public void recordSetUp(long id, SetUp setUp, String actor, String processInstanceId) {
    Account account = accounts.find(id).orElseThrow(() -> new IllegalStateException("No account " + id));
    OffsetDateTime now = OffsetDateTime.now(clock);
    accounts.recordSetUp(id, setUp, now);
    accounts.insertHistory(id, account.status(), account.status(), actor, now,
        "Set up: " + setUp.account().canonicalUrl() + ", two-factor on, " + setUp.administrators().size()
            + " administrators, guide " + setUp.guideVersion(), processInstanceId);
  }

  /** Makes an account official: ACTIVE, verified now, next review due after the interval. */
  @Transactional
  public java.time.LocalDate verify(long id, java.time.Period reviewInterval, String actor, String processInstanceId) {
    Account account = accounts.find(id).orElseThrow(() -> new IllegalStateException("No account " + id));
    if (account.status() != AccountStatus.APPROVED) {
      throw new IllegalStateException("Account " + id + " is " + account.status() + ", not APPROVED");
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    java.time.LocalDate due = now.toLocalDate().plus(reviewInterval);
    accounts.markVerified(id, due, now);
    accounts.insertHistory(id, AccountStatus.APPROVED, AccountStatus.ACTIVE, actor, now,
        "Verified by PR & Media; official; next review due " + due, processInstanceId);
    return due;
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
