package org.officialaccounts.api;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.officialaccounts.api.ApiProblems.ForbiddenException;
import org.officialaccounts.api.ApiProblems.InvalidInputException;
import org.officialaccounts.api.ApiProblems.NotFoundException;
import org.officialaccounts.registry.Account;
import org.officialaccounts.registry.AccountFilter;
import org.officialaccounts.registry.AccountRepository;
import org.officialaccounts.registry.AccountStatus;
import org.officialaccounts.registry.HistoryEntry;
import org.officialaccounts.registry.Platform;
import org.officialaccounts.registry.Unit;
import org.officialaccounts.registry.UnitAccess;
import org.officialaccounts.registry.UnitRepository;
import org.officialaccounts.registry.UnitType;
import org.officialaccounts.security.Actor;
import org.officialaccounts.security.CurrentActor;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registry as JSON, for people with a login: PR &amp; Media and the leadership see every
 * unit, everyone else their own unit and the units below it.
 */
@RestController
@RequestMapping("/api")
public class RegistryController {

  static final int MAX_PAGE_SIZE = 200;

  private final UnitRepository units;
  private final AccountRepository accounts;
  private final UnitAccess access;

  public RegistryController(UnitRepository units, AccountRepository accounts, UnitAccess access) {
    this.units = units;
    this.accounts = accounts;
    this.access = access;
  }

  @GetMapping("/units")
  public List<Unit> units(
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String parent,
      Authentication authentication) {
    UnitType unitType = type == null ? null : parseEnum(UnitType.class, "type", type);
    if (parent != null) {
      checkCode("parent", parent);
    }
    List<Unit> all = units.findAll(unitType, parent);
    List<String> roots = access.visibleRoots(CurrentActor.of(authentication));
    if (roots == null) {
      return all;
    }
    Set<String> visible = new HashSet<>();
    roots.forEach(root -> visible.addAll(units.subtreeCodes(root)));
    return all.stream().filter(u -> visible.contains(u.code())).toList();
  }

  @GetMapping("/accounts")
  public PageView<Account> accounts(
      @RequestParam(required = false) String unitCode,
      @RequestParam(required = false) String platform,
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "0") String page,
      @RequestParam(defaultValue = "50") String size,
      Authentication authentication) {
    if (unitCode != null) {
      checkCode("unitCode", unitCode);
    }
    Platform p = platform == null ? null : parseEnum(Platform.class, "platform", platform);
    AccountStatus s = status == null ? null : parseEnum(AccountStatus.class, "status", status);
    int pageNumber = parseInt("page", page, 0, 1_000_000);
    int pageSize = parseInt("size", size, 1, MAX_PAGE_SIZE);
    AccountFilter filter = new AccountFilter(unitCode, p, s);
    List<String> roots = access.visibleRoots(CurrentActor.of(authentication));
    return new PageView<>(
        accounts.search(filter, roots, pageNumber * pageSize, pageSize),
        pageNumber,
        pageSize,
        accounts.count(filter, roots));
  }

  @GetMapping("/accounts/{id}")
  public Account account(@PathVariable String id, Authentication authentication) {
    return visibleAccount(id, CurrentActor.of(authentication));
  }

  @GetMapping("/accounts/{id}/history")
  public List<HistoryEntry> history(@PathVariable String id, Authentication authentication) {
    return accounts.history(visibleAccount(id, CurrentActor.of(authentication)).id());
  }

  private Account visibleAccount(String id, Actor actor) {
    long accountId = parseLong("id", id);
    Account account =
        accounts.find(accountId).orElseThrow(() -> new NotFoundException("No account " + accountId));
    if (!access.mayActFor(actor, account.unitCode())) {
      throw new ForbiddenException(
          "Account " + accountId + " belongs to a unit outside your part of the ministry");
    }
    return account;
  }

  private static void checkCode(String name, String value) {
    if (value.isBlank() || value.length() > 40 || !value.matches("[A-Za-z0-9_-]+")) {
      throw new InvalidInputException(name, "a unit code of letters, digits, '-' and '_' (at most 40)");
    }
  }

  private static <E extends Enum<E>> E parseEnum(Class<E> type, String name, String value) {
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          name, "one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }

  private static int parseInt(String name, String value, int min, int max) {
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidInputException(name, "a whole number from " + min + " to " + max);
  }

  private static long parseLong(String name, String value) {
    try {
      long n = Long.parseLong(value.strip());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidInputException(name, "a positive whole number");
  }
}
