package org.officialaccounts.guide;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.officialaccounts.notification.Directory;
import org.officialaccounts.registry.AccountRepository;
import org.officialaccounts.registry.Finding.Severity;
import org.officialaccounts.registry.FindingRepository;
import org.officialaccounts.verification.GuideVersion;
import org.officialaccounts.verification.GuideVersionRepository;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishing a version of the governance guide and its acknowledgement by every manager of a
 * live account: who must acknowledge, what an acknowledgement changes, what a missed deadline
 * records.
 */
@Service
public class GuideService {

  /** The manager one acknowledgement is for, as the task and the emails need them. */
  public record Manager(String email, String name, String userId, String unitCode, List<ManagedAccount> accounts) {

    /** One line per account, for the task and the emails. */
    public String accountList() {
      return accounts.stream().map(a -> a.canonicalUrl() + " (" + a.unitCode() + ")").collect(Collectors.joining("\n"));
    }
  }

  private final GuideRepository guides;
  private final GuideVersionRepository versions;
  private final AccountRepository accounts;
  private final FindingRepository findings;
  private final Directory directory;
  private final PublicationStarter starter;
  private final GuideSettings settings;
  private final Clock clock;

  public GuideService(
      GuideRepository guides,
      GuideVersionRepository versions,
      AccountRepository accounts,
      FindingRepository findings,
      Directory directory,
      PublicationStarter starter,
      GuideSettings settings,
      Clock clock) {
    this.guides = guides;
    this.versions = versions;
    this.accounts = accounts;
    this.findings = findings;
    this.directory = directory;
    this.starter = starter;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Records a new version and starts asking its managers, in one transaction: the version is
   * in the registry once this returns, and a version published twice, even by two requests at
   * the same moment, is refused by the primary key.
   *
   * @return the publication's process instance id
   */
  @Transactional
  public String publish(GuideVersion version, String publishedBy) {
    if (guides.exists(version.version())) {
      throw new GuideVersionExistsException(version.version());
    }
    try {
      guides.insertVersion(version, publishedBy, OffsetDateTime.now(clock));
    } catch (DuplicateKeyException e) {
      throw new GuideVersionExistsException(version.version());
    }
    return starter.start(version, publishedBy);
  }

  /**
   * The publication's first step: the version is in the registry (added if the process was
   * started without the API) and every manager of a live account has a row to acknowledge it.
   * Safe to repeat.
   *
   * @return how many managers must acknowledge the version
   */
  @Transactional
  public long requestAcknowledgements(GuideVersion version, String publishedBy) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    guides.insertVersionIfAbsent(version, publishedBy, now);
    guides.requestAcknowledgements(version.version(), now);
    return guides.find(version.version(), null).map(v -> v.acknowledgements().requested()).orElse(0L);
  }

  /** The next managers to ask, at most {@code limit}. */
  public List<String> notYetAsked(String version, int limit) {
    return guides.notYetAsked(version, limit);
  }

  public long countNotYetAsked(String version) {
    return guides.countNotYetAsked(version);
  }

  /** True when this process is the one asking the manager; false when another one is already. */
  public boolean markAsked(String version, String managerEmail, String processInstanceId) {
    return guides.markAsked(version, managerEmail, processInstanceId) == 1;
  }

  /** Who the manager is: their user (if the address belongs to exactly one) and their live accounts. */
  public Manager manager(String managerEmail) {
    List<ManagedAccount> live = guides.liveAccountsOf(managerEmail);
    Optional<String> userId = directory.userIdByEmail(managerEmail);
    return new Manager(
        managerEmail,
        live.stream().map(ManagedAccount::managerName).filter(n -> n != null && !n.isBlank()).findFirst().orElse(null),
        userId.orElse(null),
        live.isEmpty() ? null : live.get(0).unitCode(),
        live);
  }

  /** When an acknowledgement asked for now is due, as people read it. */
  public String deadlineFromNow() {
    String deadline = settings.getAcknowledgementDeadline();
    ZonedDateTime due = GuideSettings.due(ZonedDateTime.now(clock), deadline);
    return due.format(DateTimeFormatter.ofPattern(deadline.contains("T") ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd", Locale.ROOT));
  }

  /**
   * The manager acknowledged the version: each of their live accounts now follows it, with a
   * history entry, and the ledger says who acknowledged and when.
   *
   * @return how many accounts now follow the version
   */
  @Transactional
  public int acknowledge(String version, String managerEmail, String acknowledgedBy, String processInstanceId) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<ManagedAccount> live = guides.liveAccountsOf(managerEmail);
    for (ManagedAccount account : live) {
      guides.setGuideVersion(account.id(), version, now);
      accounts.insertHistory(account.id(), account.status(), account.status(), acknowledgedBy, now,
          "Version " + version + " of the governance guide acknowledged", processInstanceId);
    }
    guides.markAcknowledged(version, managerEmail, acknowledgedBy, now);
    return live.size();
  }

  /**
   * The deadline passed without an acknowledgement: a finding on each of the manager's live
   * accounts, which their next review takes up.
   *
   * @return how many findings were recorded
   */
  @Transactional
  public int recordNotAcknowledged(String version, String managerEmail, String processInstanceId) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<ManagedAccount> live = guides.liveAccountsOf(managerEmail);
    for (ManagedAccount account : live) {
      findings.insert(account.id(), "Version " + version + " of the governance guide not acknowledged by the deadline",
          Severity.LOW, "system", now, processInstanceId, null);
    }
    return live.size();
  }

  /** Every version, newest first, with where its acknowledgements stand. */
  public List<PublishedVersion> list() {
    return guides.list(inForce());
  }

  public Optional<PublishedVersion> find(String version) {
    return guides.find(version, inForce());
  }

  private String inForce() {
    return versions.inForce().map(GuideVersion::version).orElse(null);
  }
}
