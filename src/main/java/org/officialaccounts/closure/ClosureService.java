package org.officialaccounts.closure;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.officialaccounts.notification.Directory;
import org.officialaccounts.notification.MailProperties;
import org.officialaccounts.registry.Account;
import org.officialaccounts.registry.AccountRepository;
import org.officialaccounts.registry.AccountStatus;
import org.officialaccounts.registry.Finding;
import org.officialaccounts.registry.FindingRepository;
import org.officialaccounts.registry.Unit;
import org.officialaccounts.registry.UnitRepository;
import org.officialaccounts.security.Groups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closes accounts: opens a closure (the account turns CLOSING), drafts the notice to its
 * followers, plans the repeated notices of the grace period, records what the manager did, and
 * concludes every closure as CLOSED or CANCELLED with its reason.
 */
@Service
public class ClosureService {

  private static final Logger LOG = LoggerFactory.getLogger(ClosureService.class);

  /** What opening a closure found: the closure and what its tasks and emails show, or why nothing was opened. */
  public record Opening(
      long closureId,
      boolean opened,
      String notOpenedReason,
      Account account,
      Unit unit,
      Account successor,
      LocalDate closingDate,
      OffsetDateTime closingAt,
      NoticeDraft notice,
      List<String> escalationRecipients) {}

  private final AccountRepository accounts;
  private final UnitRepository units;
  private final ClosureRepository closures;
  private final FindingRepository findings;
  private final Directory directory;
  private final ClosureSettings settings;
  private final MailProperties mail;
  private final Clock clock;

  public ClosureService(AccountRepository accounts, UnitRepository units, ClosureRepository closures,
      FindingRepository findings, Directory directory, ClosureSettings settings, MailProperties mail, Clock clock) {
    this.accounts = accounts;
    this.units = units;
    this.closures = closures;
    this.findings = findings;
    this.directory = directory;
    this.settings = settings;
    this.mail = mail;
    this.clock = clock;
  }

  /**
   * Opens the closure the order asks for: the account turns CLOSING and the closure is recorded
   * with its closing date and the successor its followers are sent to. An account that is closed
   * or closing already is not touched; the closure is recorded as cancelled, saying so.
   */
  @Transactional
  public Opening open(ClosureOrder order, String processInstanceId) {
    Account account = accounts.find(order.accountId())
        .orElseThrow(() -> new IllegalStateException("No account " + order.accountId()));
    Unit unit = units.find(account.unitCode()).orElseThrow(() -> new IllegalStateException("No unit " + account.unitCode()));
    OffsetDateTime now = OffsetDateTime.now(clock);
    LocalDate today = LocalDate.now(clock);
    if (!account.status().holdsPlatformSlot() || account.status() == AccountStatus.CLOSING) {
      String reason = "Nothing to close: the account is " + account.status();
      long id = closures.insert(order, account.status(), null, today, processInstanceId, now, ClosureRecord.CANCELLED,
          reason);
      LOG.info("Closure of account {} not opened: {}", account.id(), reason);
      return new Opening(id, false, reason, account, unit, null, today, null, null, List.of());
    }
    // A directive names the account that remains; another fallback could be one it is closing.
    Account successor = (order.reason() == ClosureReason.DIRECTIVE
        ? order.successorAccountId() == null ? Optional.<Account>empty() : accounts.find(order.successorAccountId())
        : successorOf(account, order.successorAccountId())).orElse(null);
    LocalDate closingDate = closingDate(order.closingDate(), today);
    if (!accounts.updateStatus(account.id(), account.status(), AccountStatus.CLOSING, now)) {
      throw new IllegalStateException("Account " + account.id() + " changed while its closure opened; trying again");
    }
    accounts.insertHistory(account.id(), account.status(), AccountStatus.CLOSING, order.requestedBy(), now,
        "Closure opened (" + order.reason().name().toLowerCase(java.util.Locale.ROOT)
            + (order.directiveId() == null ? "" : " " + order.directiveId()) + "), closing on " + closingDate
            + (order.grounds() == null || order.grounds().isBlank() ? "" : ": " + order.grounds()),
        processInstanceId);
    long id = closures.insert(order, account.status(), successor == null ? null : successor.id(), closingDate,
        processInstanceId, now, null, null);
    return new Opening(id, true, null, account, unit, successor, closingDate, closingAt(closingDate),
        NoticeDraft.of(closingDate, successor == null ? null : successor.canonicalUrl(), mail.baseUrl() + "/"),
        escalationRecipients(unit));
  }

  /** The moment the account closes: the start of its closing date, a day of the application's clock. */
  public OffsetDateTime closingAt(LocalDate closingDate) {
    return closingDate.atStartOfDay(clock.getZone()).toOffsetDateTime();
  }

  /**
   * When the notice is to be posted again: the earliest of the configured moments before the
   * closing date that is still ahead, and after the one planned before ({@code previous}, may be
   * null); null when none is left.
   */
  public OffsetDateTime nextNoticeAt(LocalDate closingDate, OffsetDateTime previous) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime after = previous != null && previous.isAfter(now) ? previous : now;
    OffsetDateTime closing = closingAt(closingDate);
    return settings.getNoticeRepeats().stream()
        .sorted(Comparator.reverseOrder())
        .map(before -> closing.minus(before))
        .filter(at -> at.isAfter(after))
        .findFirst()
        .orElse(null);
  }

  @Transactional
  public void recordNotice(long closureId, String noticeUrl, String actor, String processInstanceId) {
    ClosureRecord closure = closures.find(closureId).orElseThrow();
    OffsetDateTime now = OffsetDateTime.now(clock);
    closures.recordNotice(closureId, noticeUrl, now);
    accounts.insertHistory(closure.accountId(), AccountStatus.CLOSING, AccountStatus.CLOSING, actor, now,
        "Closure notice posted: " + noticeUrl, processInstanceId);
  }

  @Transactional
  public void recordArchive(long closureId, String location, ClosureRules.EndState endState, String actor,
      String processInstanceId) {
    ClosureRecord closure = closures.find(closureId).orElseThrow();
    OffsetDateTime now = OffsetDateTime.now(clock);
    closures.recordArchive(closureId, location, endState.name());
    accounts.insertHistory(closure.accountId(), AccountStatus.CLOSING, AccountStatus.CLOSING, actor, now,
        "Archived (" + location + "), administrators removed, connected apps revoked, account "
            + endState.name().toLowerCase(java.util.Locale.ROOT), processInstanceId);
  }

  @Transactional
  public void recordTakedownRequested(long closureId, String reference) {
    closures.recordTakedown(closureId, reference);
  }

  /**
   * Ends the closure as CLOSED: the account is closed, no longer official, and names its
   * successor, the reason and where its archive is. A retried job finds it done and does nothing.
   */
  @Transactional
  public void close(long closureId, ClosureRules.EndState takenDown, String actor, String processInstanceId) {
    ClosureRecord closure = closures.find(closureId).orElseThrow();
    OffsetDateTime now = OffsetDateTime.now(clock);
    String endState = takenDown != null ? takenDown.name() : closure.endState();
    if (!closures.conclude(closureId, ClosureRecord.CLOSED, reasonText(closure), endState, now)) {
      return;
    }
    String archive = closure.archiveLocation() == null ? null
        : closure.archiveLocation() + (endState == null ? "" : " (" + endState.toLowerCase(java.util.Locale.ROOT) + ")");
    if (!accounts.markClosed(closure.accountId(), closure.successorAccountId(), reasonText(closure), archive, now)) {
      throw new IllegalStateException("Account " + closure.accountId() + " is not CLOSING any more; it cannot be closed");
    }
    accounts.insertHistory(closure.accountId(), AccountStatus.CLOSING, AccountStatus.CLOSED, actor, now,
        "Closed (" + (endState == null ? "unknown end state" : endState.toLowerCase(java.util.Locale.ROOT)) + "): "
            + reasonText(closure)
            + (closure.successorAccountId() == null ? "" : "; followers sent to account #" + closure.successorAccountId()),
        processInstanceId);
  }

  /**
   * Ends the closure as CANCELLED: the account gets back the status it had, or ACTIVE after its
   * review. False when the closure had ended already (closed, say): then nothing changes.
   */
  @Transactional
  public boolean cancel(long closureId, String reason, String actor, String processInstanceId) {
    ClosureRecord closure = closures.find(closureId).orElseThrow();
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (!closures.conclude(closureId, ClosureRecord.CANCELLED, "Cancelled: " + reason, null, now)) {
      return false;
    }
    AccountStatus back = restoredStatus(closure);
    if (accounts.updateStatus(closure.accountId(), AccountStatus.CLOSING, back, now)) {
      accounts.insertHistory(closure.accountId(), AccountStatus.CLOSING, back, actor, now,
          "Closure cancelled: " + reason, processInstanceId);
    }
    return true;
  }

  /**
   * Records a closure cancelled before it opened (the account was not touched), so whoever
   * ordered it, a directive say, sees it concluded; returns its id.
   */
  @Transactional
  public long recordCancelledUnopened(ClosureOrder order, String reason, String processInstanceId) {
    Account account = accounts.find(order.accountId())
        .orElseThrow(() -> new IllegalStateException("No account " + order.accountId()));
    return closures.insert(order, account.status(), order.successorAccountId(), LocalDate.now(clock),
        processInstanceId, OffsetDateTime.now(clock), ClosureRecord.CANCELLED, "Cancelled before it opened: " + reason);
  }

  /**
   * The running closure a directive's order takes over: one the unit asked for or a review
   * ordered (a directive decides over both). Another directive's closure is left to run.
   */
  @Transactional(readOnly = true)
  public Optional<ClosureRecord> supersededBy(ClosureOrder order) {
    if (order.reason() != ClosureReason.DIRECTIVE) {
      return Optional.empty();
    }
    return closures.findOpen(order.accountId()).filter(other -> other.reason() != ClosureReason.DIRECTIVE);
  }

  /**
   * The platform refused to take the account down: the closure ends CANCELLED, and the account,
   * which the ministry cannot reach, is suspended (no longer official) with a finding.
   */
  @Transactional
  public void refuseTakedown(long closureId, String reference, String notes, String actor, String processInstanceId) {
    ClosureRecord closure = closures.find(closureId).orElseThrow();
    OffsetDateTime now = OffsetDateTime.now(clock);
    String reason = "The platform refused the takedown (" + reference + "): " + notes;
    if (!closures.conclude(closureId, ClosureRecord.CANCELLED, reason, null, now)) {
      return;
    }
    if (accounts.updateStatus(closure.accountId(), AccountStatus.CLOSING, AccountStatus.SUSPENDED, now)) {
      accounts.setOfficial(closure.accountId(), false, now);
      accounts.insertHistory(closure.accountId(), AccountStatus.CLOSING, AccountStatus.SUSPENDED, actor, now, reason,
          processInstanceId);
    }
    findings.insert(closure.accountId(), reason, Finding.Severity.HIGH, actor, now, processInstanceId, null);
  }

  /** A step the manager let pass is an accountability record of the account. */
  @Transactional
  public void recordFinding(long closureId, String finding, String actor, String processInstanceId) {
    ClosureRecord closure = closures.find(closureId).orElseThrow();
    findings.insert(closure.accountId(), finding, Finding.Severity.MEDIUM, actor, OffsetDateTime.now(clock),
        processInstanceId, null);
  }

  /**
   * Where the followers go: the account named, else another official account of the same unit on
   * the same platform, else the nearest one above it.
   */
  Optional<Account> successorOf(Account account, Long named) {
    if (named != null) {
      return accounts.find(named).filter(a -> a.id() != account.id());
    }
    for (String code : units.ancestorCodes(account.unitCode())) {
      Optional<Account> official = accounts.findByUnitAndPlatform(code, account.platform()).stream()
          .filter(a -> a.id() != account.id() && a.official() && a.status() == AccountStatus.ACTIVE)
          .findFirst();
      if (official.isPresent()) {
        return official;
      }
    }
    return Optional.empty();
  }

  /** Who a closure escalates to: the unit's head, else its coordinators, else PR &amp; Media. */
  List<String> escalationRecipients(Unit unit) {
    Set<String> recipients = new LinkedHashSet<>();
    if (unit.headEmail() != null && !unit.headEmail().isBlank()) {
      recipients.add(unit.headEmail());
    }
    if (recipients.isEmpty()) {
      units.nearestCoordinators(unit.code()).forEach(user -> directory.emailOf(user).ifPresent(recipients::add));
    }
    if (recipients.isEmpty()) {
      recipients.addAll(directory.emailsOfGroup(Groups.PR_MEDIA));
    }
    return new ArrayList<>(recipients);
  }

  private LocalDate closingDate(LocalDate ordered, LocalDate today) {
    LocalDate earliest = today.plus(settings.getMinimumNotice());
    if (ordered == null) {
      return today.plus(settings.getGracePeriod());
    }
    return ordered.isBefore(earliest) ? earliest : ordered;
  }

  private static AccountStatus restoredStatus(ClosureRecord closure) {
    boolean reviewOver = closure.reason() == ClosureReason.REVIEW
        && (closure.previousStatus() == AccountStatus.UNDER_REVIEW
            || closure.previousStatus() == AccountStatus.CORRECTIVE_ACTION);
    return reviewOver ? AccountStatus.ACTIVE : closure.previousStatus();
  }

  private static String reasonText(ClosureRecord closure) {
    String kind = switch (closure.reason()) {
      case REQUEST -> "requested by the unit";
      case REVIEW -> "periodic review";
      case DIRECTIVE -> "directive " + closure.directiveId();
    };
    return kind + (closure.grounds() == null || closure.grounds().isBlank() ? "" : " - " + closure.grounds());
  }
}
