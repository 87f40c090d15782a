package org.officialaccounts.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.officialaccounts.api.ApiProblems.ForbiddenException;
import org.officialaccounts.api.ApiProblems.NotFoundException;
import org.officialaccounts.notification.Notification;
import org.officialaccounts.notification.NotificationRepository;
import org.officialaccounts.registry.Account;
import org.officialaccounts.registry.AccountFilter;
import org.officialaccounts.registry.AccountRepository;
import org.officialaccounts.registry.AccountStatus;
import org.officialaccounts.registry.Finding;
import org.officialaccounts.registry.FindingRepository;
import org.officialaccounts.registry.HistoryEntry;
import org.officialaccounts.registry.Platform;
import org.officialaccounts.registry.Sort;
import org.officialaccounts.registry.Unit;
import org.officialaccounts.registry.UnitAccess;
import org.officialaccounts.registry.UnitFilter;
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
 * The registry as JSON and CSV, for people with a login: PR &amp; Media, the leadership and
 * administrators see every unit, everyone else their own unit and the units below it. Reading
 * only: an account's lifecycle changes through the processes.
 */
@RestController
@RequestMapping("/api")
public class RegistryController {

  static final int MAX_PAGE_SIZE = 200;

  static final Map<String, String> UNIT_SORTS =
      Map.of("code", "u.code", "type", "u.type", "nameEn", "u.name_en", "nameAr", "u.name_ar",
          "parentCode", "u.parent_code");
  static final Map<String, String> ACCOUNT_SORTS =
      Map.of("id", "a.id", "unitCode", "a.unit_code", "platform", "a.platform", "status", "a.status",
          "handle", "a.handle", "createdAt", "a.created_at", "updatedAt", "a.updated_at");

  private final UnitRepository units;
  private final AccountRepository accounts;
  private final NotificationRepository notifications;
  private final UnitAccess access;
  private final FindingRepository findings;

  public RegistryController(
      UnitRepository units,
      AccountRepository accounts,
      NotificationRepository notifications,
      UnitAccess access,
      FindingRepository findings) {
    this.units = units;
    this.accounts = accounts;
    this.notifications = notifications;
    this.access = access;
    this.findings = findings;
  }

  @GetMapping("/units")
  public PageView<Unit> units(
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String parent,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String sort,
      @RequestParam(defaultValue = "0") String page,
      @RequestParam(defaultValue = "50") String size,
      Authentication authentication) {
    UnitFilter filter =
        new UnitFilter(
            Params.enumValue(UnitType.class, "type", type),
            Params.code("parent", parent),
            Params.text("q", q, 100));
    Sort order = Params.sort(sort, UNIT_SORTS, new Sort("u.code", false));
    int pageNumber = Params.number("page", page, 0, 1_000_000);
    int pageSize = Params.number("size", size, 1, MAX_PAGE_SIZE);
    List<String> roots = access.visibleRoots(CurrentActor.of(authentication));
    return new PageView<>(
        units.search(filter, roots, order, pageNumber * pageSize, pageSize),
        pageNumber,
        pageSize,
        units.count(filter, roots));
  }

  @GetMapping("/accounts")
  public PageView<Account> accounts(
      @RequestParam(required = false) String unitCode,
      @RequestParam(required = false) String platform,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String sort,
      @RequestParam(defaultValue = "0") String page,
      @RequestParam(defaultValue = "50") String size,
      Authentication authentication) {
    AccountFilter filter = accountFilter(unitCode, platform, status);
    Sort order = Params.sort(sort, ACCOUNT_SORTS, new Sort("a.id", true));
    int pageNumber = Params.number("page", page, 0, 1_000_000);
    int pageSize = Params.number("size", size, 1, MAX_PAGE_SIZE);
    List<String> roots = access.visibleRoots(CurrentActor.of(authentication));
    return new PageView<>(
        accounts.search(filter, roots, order, pageNumber * pageSize, pageSize),
        pageNumber,
        pageSize,
        accounts.count(filter, roots));
  }

  /** Every visible account matching the filter as CSV (UTF-8 with BOM), streamed. */
  @GetMapping(value = "/accounts/export", produces = "text/csv")
  public void exportAccounts(
      @RequestParam(required = false) String unitCode,
      @RequestParam(required = false) String platform,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String sort,
      Authentication authentication,
      HttpServletResponse response)
      throws IOException {
    AccountFilter filter = accountFilter(unitCode, platform, status);
    Sort order = Params.sort(sort, ACCOUNT_SORTS, new Sort("a.id", false));
    List<String> roots = access.visibleRoots(CurrentActor.of(authentication));
    Csv csv = csv(response, "accounts.csv");
    csv.row(List.of("id", "unitCode", "platform", "handle", "canonicalUrl", "displayName", "status",
        "official", "managerName", "managerEmail", "secondaryContactEmail", "approvedAt", "verifiedAt",
        "closedAt", "successorAccountId"));
    accounts.forEach(filter, roots, order, a -> {
      try {
        csv.row(java.util.Arrays.asList(a.id(), a.unitCode(), a.platform(), a.handle(), a.canonicalUrl(),
            a.displayName(), a.status(), a.official(), a.managerName(), a.managerEmail(),
            a.secondaryContactEmail(), a.approvedAt(), a.verifiedAt(), a.closedAt(), a.successorAccountId()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    csv.flush();
  }

  @GetMapping("/accounts/{id}")
  public Account account(@PathVariable String id, Authentication authentication) {
    return visibleAccount(id, CurrentActor.of(authentication));
  }

  @GetMapping("/accounts/{id}/history")
  public List<HistoryEntry> history(@PathVariable String id, Authentication authentication) {
    return accounts.history(visibleAccount(id, CurrentActor.of(authentication)).id());
  }

  /** The account's accountability records: what reviews found and how it was resolved. */
  @GetMapping("/accounts/{id}/findings")
  public PageView<Finding> findings(
      @PathVariable String id,
      @RequestParam(defaultValue = "0") String page,
      @RequestParam(defaultValue = "50") String size,
      Authentication authentication) {
    Account account = visibleAccount(id, CurrentActor.of(authentication));
    int pageNumber = Params.number("page", page, 0, 1_000_000);
    int pageSize = Params.number("size", size, 1, MAX_PAGE_SIZE);
    return new PageView<>(
        findings.findByAccount(account.id(), pageNumber * pageSize, pageSize),
        pageNumber,
        pageSize,
        findings.countByAccount(account.id()));
  }

  /** The account's history as CSV, for the records. */
  @GetMapping(value = "/accounts/{id}/history/export", produces = "text/csv")
  public void exportHistory(
      @PathVariable String id, Authentication authentication, HttpServletResponse response)
      throws IOException {
    Account account = visibleAccount(id, CurrentActor.of(authentication));
    Csv csv = csv(response, "account-" + account.id() + "-history.csv");
    csv.row(List.of("id", "accountId", "fromStatus", "toStatus", "changedBy", "changedAt", "reason",
        "processInstanceId"));
    for (HistoryEntry h : accounts.history(account.id())) {
      csv.row(java.util.Arrays.asList(h.id(), h.accountId(), h.fromStatus(), h.toStatus(), h.changedBy(),
          h.changedAt(), h.reason(), h.processInstanceId()));
    }
    csv.flush();
  }

  /** The email log: who was told what, when, in which process. PR &amp; Media and administrators. */
  @GetMapping("/notifications")
  public PageView<Notification> notifications(
      @RequestParam(required = false) String processInstanceId,
      @RequestParam(required = false) String accountId,
      @RequestParam(defaultValue = "0") String page,
      @RequestParam(defaultValue = "50") String size,
      Authentication authentication) {
    if (!CurrentActor.of(authentication).seesAllUnits()) {
      throw new ForbiddenException("The email log is open to PR & Media and administrators");
    }
    String process = Params.text("processInstanceId", processInstanceId, 64);
    Long account = accountId == null || accountId.isBlank() ? null : Params.id("accountId", accountId);
    int pageNumber = Params.number("page", page, 0, 1_000_000);
    int pageSize = Params.number("size", size, 1, MAX_PAGE_SIZE);
    return new PageView<>(
        notifications.search(process, account, pageNumber * pageSize, pageSize),
        pageNumber,
        pageSize,
        notifications.count(process, account));
  }

  private static AccountFilter accountFilter(String unitCode, String platform, String status) {
    return new AccountFilter(
        Params.code("unitCode", unitCode),
        Params.enumValue(Platform.class, "platform", platform),
        Params.enumValue(AccountStatus.class, "status", status));
  }

  private Account visibleAccount(String id, Actor actor) {
    long accountId = Params.id("id", id);
    Account account =
        accounts.find(accountId).orElseThrow(() -> new NotFoundException("No account " + accountId));
    if (!access.mayActFor(actor, account.unitCode())) {
      throw new ForbiddenException(
          "Account " + accountId + " belongs to a unit outside your part of the ministry");
    }
    return account;
  }

  private static Csv csv(HttpServletResponse response, String filename) throws IOException {
    response.setContentType("text/csv; charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    return new Csv(writer);
  }
}
