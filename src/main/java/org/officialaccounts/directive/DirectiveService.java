package org.officialaccounts.directive;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.officialaccounts.closure.ClosureOrder;
import org.officialaccounts.closure.ClosureReason;
import org.officialaccounts.closure.ClosureStarter;
import org.officialaccounts.directive.DirectiveRepository.Candidate;
import org.officialaccounts.directive.DirectiveRepository.OfficialAccount;
import org.officialaccounts.directive.DirectiveRepository.Pending;
import org.officialaccounts.directive.DirectiveRepository.ToClose;
import org.officialaccounts.registry.UnitRepository;
import org.officialaccounts.registry.UnitTree;
import org.officialaccounts.request.Deadlines;
import org.officialaccounts.request.FieldError;
import org.officialaccounts.system.EngineErrors;
import org.officialaccounts.system.LaunchLedger.Opened;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers directives, records what the leadership meeting and the compliance reviews decide,
 * fixes the accounts to close, opens their closures chunk by chunk and counts progress.
 */
@Service
public class DirectiveService {

  private static final Logger LOG = LoggerFactory.getLogger(DirectiveService.class);

  /** What a selection found: accounts to close, and units that get a notice. */
  public record Selection(int accounts, int units) {}

  private final DirectiveRepository directives;
  private final DirectiveRules rules;
  private final UnitRepository units;
  private final DirectiveSettings settings;
  private final Clock clock;

  public DirectiveService(DirectiveRepository directives, DirectiveRules rules, UnitRepository units,
      DirectiveSettings settings, Clock clock) {
    this.directives = directives;
    this.rules = rules;
    this.units = units;
    this.settings = settings;
    this.clock = clock;
  }

  /** What a start form or API body must contain. */
  public List<FieldError> check(Map<String, Object> submitted) {
    return rules.checkStart(submitted).errors();
  }

  public Directive find(String id) {
    return directives.find(id).orElseThrow(() -> new IllegalStateException("No directive " + id));
  }

  /** Records a directive from its checked start values; its id is the process instance's business key. */
  @Transactional
  public Directive register(String processInstanceId, Map<String, Object> submitted, String startedBy) {
    DirectiveRules.StartCheck checked = rules.checkStart(submitted);
    EngineErrors.rejectIfInvalid(checked.errors());
    DirectiveOrder order = checked.order();
    OffsetDateTime now = OffsetDateTime.now(clock);
    String id = "CD-" + now.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd"))
        + "-" + processInstanceId;
    Directive directive = new Directive(id, order.source(), order.sourceEmail(), order.reference(),
        order.directiveDate(), order.summary(), order.scope(), null, order.deadline(), order.deadline(), null,
        DirectiveStatus.AWAITING_MEETING, null, startedBy, now, processInstanceId, null, null);
    directives.insert(directive);
    directives.insertOfficialAccounts(id, order.officialAccounts().stream()
        .map(a -> new OfficialAccount(a.id(), a.platform().name(), a.canonicalUrl(), a.unitCode())).toList());
    LOG.info("Directive {} ({}) registered: {}", id, order.reference(), order.scope().describe());
    return directive;
  }

  /** How many accounts the scope would close today, for the meeting to see. */
  public int countInScope(String directiveId) {
    return toClose(find(directiveId), units.tree()).size();
  }

  /** Records the meeting: its decisions, the scope and deadline in force, the accounts kept. */
  @Transactional
  public MeetingDecision recordMeeting(String directiveId, Map<String, Object> submitted, String heldBy) {
    Directive directive = find(directiveId);
    DirectiveRules.MeetingCheck checked = rules.checkMeeting(directive, submitted);
    EngineErrors.rejectIfInvalid(checked.errors());
    directives.recordMeeting(directiveId, checked.decision(), heldBy, OffsetDateTime.now(clock));
    return checked.decision();
  }

  /** The meeting's problems, for its task listener. */
  public List<FieldError> checkMeeting(String directiveId, Map<String, Object> submitted) {
    return rules.checkMeeting(find(directiveId), submitted).errors();
  }

  /**
   * Writes the ledger once: every account of the scope in force that still holds its unit's
   * place on a platform, but the official accounts that remain and the meeting's exceptions;
   * each with its successor (the remaining official account on its platform, if any).
   */
  @Transactional
  public Selection select(String directiveId) {
    Directive directive = find(directiveId);
    if (directive.selected() != null) {
      return new Selection(directive.selected(), directives.unitCount(directiveId));
    }
    List<ToClose> toClose = toClose(directive, units.tree());
    Map<String, Integer> byUnit = new TreeMap<>();
    toClose.forEach(a -> byUnit.merge(a.reportUnit(), 1, Integer::sum));
    directives.insertLedger(directiveId, toClose, new ArrayList<>(byUnit.keySet()), new ArrayList<>(byUnit.values()));
    LOG.info("Directive {}: {} accounts to close in {} units", directiveId, toClose.size(), byUnit.size());
    return new Selection(toClose.size(), byUnit.size());
  }

  private List<ToClose> toClose(Directive directive, UnitTree tree) {
    DirectiveScope scope = directive.scope();
    Map<String, Long> successors = new HashMap<>();
    Set<Long> kept = new HashSet<>(directives.exceptionIds(directive.id()));
    for (OfficialAccount official : directives.officialAccounts(directive.id())) {
      successors.put(official.platform(), official.accountId());
      kept.add(official.accountId());
    }
    List<ToClose> toClose = new ArrayList<>();
    for (Candidate c : directives.candidates()) {
      if (!kept.contains(c.accountId()) && scope.covers(tree, c.unitCode())) {
        toClose.add(new ToClose(c.accountId(), c.unitCode(), tree.reportUnit(c.unitCode()), c.platform(),
            successors.get(c.platform())));
      }
    }
    return toClose;
  }

  /**
   * Opens the next chunk of one partition's closures in the caller's transaction and marks
   * their ledger rows in the same one; each closure's own work runs afterwards in its own jobs.
   * Returns whether more may remain.
   */
  @Transactional
  public boolean openChunk(String directiveId, int partition, int partitions, ClosureStarter starter) {
    int limit = settings.getChunkSize();
    List<Pending> pending = directives.nextPending(directiveId, partition, partitions, limit);
    if (pending.isEmpty()) {
      return false;
    }
    Directive directive = find(directiveId);
    String requestedBy = directive.meeting() != null ? directive.meeting().heldBy() : directive.startedBy();
    String grounds = grounds(directive);
    List<ClosureOrder> orders = pending.stream()
        .map(p -> new ClosureOrder(p.accountId(), ClosureReason.DIRECTIVE, grounds, directiveId,
            p.successorAccountId(), directive.deadline().minus(settings.getClosingLead()), requestedBy))
        .toList();
    List<String> started = starter.startClosures(orders);
    List<Opened> opened = new ArrayList<>(pending.size());
    for (int i = 0; i < pending.size(); i++) {
      opened.add(new Opened(pending.get(i).accountId(), started.get(i)));
    }
    directives.markOpened(directiveId, opened, OffsetDateTime.now(clock));
    return pending.size() == limit;
  }

  /** Why the closures are opened, as the closure's notices and history show it. */
  static String grounds(Directive directive) {
    return "\u2067تعميم توحيد الحسابات رقم " + directive.reference() + " من " + directive.source()
        + "\u2069 / Consolidation directive " + directive.reference() + " from " + directive.source();
  }

  public DirectiveProgress progress(Directive directive) {
    long[] c = directives.counts(directive.id());
    return DirectiveProgress.of(c[0], c[1], c[2], c[3], pastDeadline(directive));
  }

  public List<UnitProgress> progressByUnit(Directive directive) {
    return directives.countsByUnit(directive.id(), pastDeadline(directive));
  }

  /** The compliance review is due once the deadline has passed or every closure has concluded. */
  public boolean complianceDue(Directive directive, DirectiveProgress progress) {
    return progress.finished() || pastDeadline(directive);
  }

  /** The next progress check: after the configured interval, or at the end of the deadline if sooner. */
  public OffsetDateTime nextCheck(Directive directive) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime next = Deadlines.after(now, settings.getProgressInterval());
    OffsetDateTime deadlineEnds = directive.deadline().plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
    return deadlineEnds.isAfter(now) && deadlineEnds.isBefore(next) ? deadlineEnds : next;
  }

  /** The deadline in force has passed: the day after it has begun. */
  public boolean pastDeadline(Directive directive) {
    return LocalDate.now(clock).isAfter(directive.deadline());
  }

  /** The review's problems, for its task listener. */
  public List<FieldError> checkReview(String directiveId, Map<String, Object> submitted) {
    Directive directive = find(directiveId);
    return rules.checkReview(progress(directive), progressByUnit(directive), submitted).errors();
  }

  /** Records a compliance review and returns its round number and what it decided. */
  @Transactional
  public RecordedReview recordReview(String directiveId, Map<String, Object> submitted, String decidedBy) {
    Directive directive = find(directiveId);
    DirectiveRules.ReviewCheck checked = rules.checkReview(progress(directive), progressByUnit(directive), submitted);
    EngineErrors.rejectIfInvalid(checked.errors());
    int round = directives.reviewRounds(directiveId) + 1;
    directives.recordReview(directiveId, round, checked.decision(), decidedBy, OffsetDateTime.now(clock));
    return new RecordedReview(round, checked.decision());
  }

  /** A recorded compliance review. */
  public record RecordedReview(int round, ComplianceDecision decision) {}

  public void awaitingReview(String directiveId) {
    directives.setStatus(directiveId, DirectiveStatus.AWAITING_COMPLIANCE_REVIEW);
  }

  /** The official accounts that remain, for the forms and the emails. */
  public List<OfficialAccount> officialAccounts(String directiveId) {
    return directives.officialAccounts(directiveId);
  }

  /** The official accounts as one line each, "PLATFORM url". */
  public static String officialLines(List<OfficialAccount> officials) {
    return String.join("\n", officials.stream().map(o -> o.platform() + " " + o.canonicalUrl()).toList());
  }
}
