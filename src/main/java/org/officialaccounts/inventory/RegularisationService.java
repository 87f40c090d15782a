package org.officialaccounts.inventory;

import org.officialaccounts.api.ApiProblems.ForbiddenException;
import org.officialaccounts.api.ApiProblems.NotFoundException;
import org.officialaccounts.registry.Account;
import org.officialaccounts.registry.AccountRepository;
import org.officialaccounts.registry.AccountStatus;
import org.officialaccounts.registry.UnitAccess;
import org.officialaccounts.security.Actor;
import org.officialaccounts.security.Groups;
import org.springframework.stereotype.Service;

/**
 * Regularisation: an account found unregistered goes through verification like an approved
 * one, started by a coordinator of its unit, PR &amp; Media or an administrator.
 */
@Service
public class RegularisationService {

  /** A regularisation under way: the account is now {@code APPROVED} and awaits its set-up. */
  public record Regularisation(long accountId, String processInstanceId, AccountStatus status) {}

  private final AccountRepository accounts;
  private final UnitAccess access;
  private final RegularisationStarter starter;

  public RegularisationService(AccountRepository accounts, UnitAccess access, RegularisationStarter starter) {
    this.accounts = accounts;
    this.access = access;
    this.starter = starter;
  }

  /**
   * Starts the account's verification.
   *
   * @throws NotFoundException when there is no such account
   * @throws ForbiddenException when the person may not regularise it
   * @throws RefusedException (409) when it is not {@code UNREGISTERED}, a verification is
   *     already running, or its unit already holds a registered account on the platform
   */
  public Regularisation regularise(long accountId, Actor actor) {
    Account account = accounts.find(accountId).orElseThrow(() -> new NotFoundException("No account " + accountId));
    boolean everyUnit = actor.groups().contains(Groups.PR_MEDIA) || actor.groups().contains(Groups.CAMUNDA_ADMIN);
    if (!everyUnit && !actor.groups().contains(Groups.UNIT_COORDINATORS)) {
      throw new ForbiddenException("Accounts are regularised by their unit's coordinators, PR & Media and administrators");
    }
    if (!everyUnit && !access.mayActFor(actor, account.unitCode())) {
      throw new ForbiddenException("Account " + accountId + " belongs to a unit outside your part of the ministry");
    }
    starter.runningVerification(accountId).ifPresent(processInstanceId -> {
      throw RefusedException.conflict(
          "A verification of account " + accountId + " is already running (process instance " + processInstanceId + ")",
          "التحقق من الحساب " + accountId + " جارٍ بالفعل (مثيل العملية " + processInstanceId + ")");
    });
    if (account.status() != AccountStatus.UNREGISTERED) {
      throw RefusedException.conflict(
          "Account " + accountId + " is " + account.status() + "; only an UNREGISTERED account is regularised",
          "الحساب " + accountId + " حالته " + account.status() + "؛ لا يُسوّى إلا حساب غير مسجل (UNREGISTERED)");
    }
    // Other unregistered accounts of the unit on the platform are left to the directive that
    // closes them; a registered one means this account is a duplicate to close, not to verify.
    accounts.findByUnitAndPlatform(account.unitCode(), account.platform()).stream()
        .filter(other -> other.id() != accountId
            && other.status().holdsPlatformSlot()
            && other.status() != AccountStatus.UNREGISTERED)
        .findFirst()
        .ifPresent(other -> {
          throw RefusedException.conflict(
              "Unit " + account.unitCode() + " already holds account " + other.id() + " on " + account.platform()
                  + " (" + other.status() + "); a unit holds one account per platform",
              "للجهة " + account.unitCode() + " الحساب " + other.id() + " على " + account.platform().displayNameAr()
                  + " (" + other.status() + ")؛ للجهة حساب واحد على كل منصة");
        });
    try {
      return new Regularisation(accountId, starter.start(accountId, actor.userId()), AccountStatus.APPROVED);
    } catch (IllegalStateException e) {
      throw RefusedException.conflict(
          "Account " + accountId + " changed while its regularisation was starting; look at it again",
          "تغيّر الحساب " + accountId + " أثناء بدء تسويته؛ راجعه مرة أخرى");
    }
  }
}
