package org.officialaccounts.review;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.officialaccounts.campaign.CampaignRepository;
import org.officialaccounts.closure.ClosureRepository;
import org.officialaccounts.registry.Account;
import org.officialaccounts.registry.AccountRepository;
import org.officialaccounts.registry.AccountStatus;
import org.officialaccounts.registry.Finding.Severity;
import org.officialaccounts.registry.FindingRepository;
import org.officialaccounts.registry.ReviewFacts;
import org.officialaccounts.review.PeriodicReview.Assessment;
import org.officialaccounts.verification.GuideVersion;
import org.officialaccounts.verification.GuideVersionRepository;
import org.officialaccounts.verification.VerificationSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The rules of a periodic review: what the pre-checks find and what an assessment changes. */
@Service
public class ReviewService {

  /** One thing a pre-check found. */
  public record PreCheck(String textEn, String textAr, Severity severity) {
    public String bilingual() {
      return "\u2067" + textAr + "\u2069 / " + textEn;
    }
  }

  private final AccountRepository accounts;
  private final ClosureRepository closures;
  private final FindingRepository findings;
  private final GuideVersionRepository guides;
  private final VerificationSettings verification;
  private final ReviewSettings settings;
  private final CampaignRepository campaigns;
  private final Clock clock;

  public ReviewService(
      AccountRepository accounts,
      FindingRepository findings,
      GuideVersionRepository guides,
      VerificationSettings verification,
      ReviewSettings settings,
      CampaignRepository campaigns,
      ClosureRepository closures,
      Clock clock) {
    this.closures = closures;
    this.accounts = accounts;
    this.findings = findings;
    this.guides = guides;
    this.verification = verification;
    this.settings = settings;
    this.campaigns = campaigns;
    this.clock = clock;
  }

  /**
   * The automatic checks: manager still known ({@code managerUserId} is whom the directory found
   * for the manager's address, null for nobody), guide in force acknowledged, review age, dormancy.
   */
  public List<PreCheck> preCheck(Account account, String managerUserId) {
    List<PreCheck> found = new ArrayList<>();
    ReviewFacts facts = accounts.reviewFacts(account.id());
    LocalDate today = LocalDate.now(clock);
    if (account.managerEmail() == null || managerUserId == null) {
      found.add(new PreCheck("The manager " + account.managerEmail() + " is not a known user any more",
          "مدير الحساب " + account.managerEmail() + " لم يعد مستخدمًا معروفًا", Severity.MEDIUM));
    }
    GuideVersion inForce = guides.inForce().orElse(null);
    if (inForce != null && !acknowledges(facts.guideVersion(), inForce)) {
      found.add(new PreCheck(
          "Version " + inForce.version() + " of the guide is not acknowledged (acknowledged: "
              + (facts.guideVersion() == null ? "none" : facts.guideVersion()) + ")",
          "الإصدار " + inForce.version() + " من الدليل غير مقر به", Severity.MEDIUM));
    }
    OffsetDateTime last = facts.lastReviewedAt() != null ? facts.lastReviewedAt() : facts.verifiedAt();
    if (last == null || last.toLocalDate().plus(verification.getReviewInterval()).isBefore(today)) {
      found.add(new PreCheck("The last review is overdue (last: " + (last == null ? "never" : last.toLocalDate()) + ")",
          "المراجعة السابقة متأخرة", Severity.LOW));
    }
    if (facts.lastPostDate() != null
        && facts.lastPostDate().plusDays(settings.getDormantAfterDays()).isBefore(today)) {
      found.add(new PreCheck("Dormant: last post reported on " + facts.lastPostDate(),
          "حساب خامل: آخر نشر مُبلغ عنه في " + facts.lastPostDate(), Severity.LOW));
    }
    return found;
  }

  /**
   * Whether the edition a manager acknowledged covers the one in force: the same, or one that
   * takes effect later (acknowledged ahead of its date). Version labels are not ordered; dates are.
   */
  private boolean acknowledges(String acknowledged, GuideVersion inForce) {
    if (acknowledged == null) {
      return false;
    }
    if (acknowledged.equals(inForce.version())) {
      return true;
    }
    return guides.effectiveDate(acknowledged).map(date -> date.isAfter(inForce.effectiveDate())).orElse(false);
  }

  /** The states a review may take an account in; a campaign has already moved ACTIVE ones on. */
  public static boolean reviewable(AccountStatus status) {
    return status == AccountStatus.ACTIVE || status == AccountStatus.CORRECTIVE_ACTION
        || status == AccountStatus.UNDER_REVIEW;
  }

  /**
   * The review found its account no longer reviewable (closed or suspended since the campaign
   * selected it, say): nothing changes in the registry; the campaign's ledger counts it as skipped.
   */
  @Transactional
  public void recordNotReviewable(long accountId, AccountStatus status, String campaignId) {
    if (campaignId != null) {
      campaigns.concludeUnassessed(campaignId, accountId, CampaignRepository.skippedOutcome(status),
          OffsetDateTime.now(clock));
    }
  }

  /**
   * A review's process was deleted before it concluded (in Cockpit, say): the account it held
   * UNDER_REVIEW gets its earlier status back, with history, and the campaign's ledger counts the
   * review as cancelled, so neither waits for a review that no longer exists.
   */
  @Transactional
  public void cancelled(long accountId, String campaignId, String processInstanceId) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    Account account = accounts.find(accountId).orElse(null);
    if (account != null && account.status() == AccountStatus.UNDER_REVIEW) {
      AccountStatus before = accounts.statusBefore(accountId, AccountStatus.UNDER_REVIEW)
          .filter(status -> status == AccountStatus.CORRECTIVE_ACTION)
          .orElse(AccountStatus.ACTIVE);
      if (accounts.updateStatus(accountId, AccountStatus.UNDER_REVIEW, before, now)) {
        accounts.insertHistory(accountId, AccountStatus.UNDER_REVIEW, before, "system", now,
            "Periodic review cancelled: its process was deleted", processInstanceId);
      }
    }
    if (campaignId != null) {
      campaigns.concludeUnassessed(campaignId, accountId, "cancelled", now);
    }
  }

  /**
   * Opens the review: the account is UNDER_REVIEW and every pre-check finding is recorded. A
   * campaign's launcher has already moved its accounts (and written their history) in bulk; a
   * review opened by hand moves its account here.
   */
  @Transactional
  public void open(Account account, List<PreCheck> preChecks, String processInstanceId, String campaignId) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (account.status() == AccountStatus.ACTIVE || account.status() == AccountStatus.CORRECTIVE_ACTION) {
      if (accounts.updateStatus(account.id(), account.status(), AccountStatus.UNDER_REVIEW, now)) {
        accounts.insertHistory(account.id(), account.status(), AccountStatus.UNDER_REVIEW, "system", now,
            PeriodicReview.openedReason(campaignId), processInstanceId);
      }
    }
    for (PreCheck check : preChecks) {
      findings.insert(account.id(), check.textEn(), check.severity(), "pre-check", now, processInstanceId, campaignId);
    }
  }

  /** A campaign's ledger learns whether the manager attested. */
  @Transactional
  public void recordAttestation(long accountId, String campaignId, boolean attested) {
    if (campaignId != null) {
      campaigns.recordAttestation(campaignId, accountId, attested);
    }
  }

  /** A campaign's ledger learns the assessment; a corrective one leaves the review open. */
  @Transactional
  public void recordInCampaign(long accountId, String campaignId, Assessment assessment) {
    if (campaignId != null) {
      campaigns.recordAssessment(campaignId, accountId, assessment.value(), assessment != Assessment.CORRECTIVE,
          OffsetDateTime.now(clock));
    }
  }

  @Transactional
  public void recordFinding(long accountId, String text, Severity severity, String actor, String processInstanceId,
      String campaignId) {
    findings.insert(accountId, text, severity, actor, OffsetDateTime.now(clock), processInstanceId, campaignId);
  }

  /**
   * Applies the reviewer's assessment to the registry; returns the next review date for a
   * compliant account, else null.
   */
  @Transactional
  public LocalDate conclude(long accountId, Assessment assessment, String notes, String correctiveAction,
      LocalDate lastPostDate, String actor, String processInstanceId, String campaignId) {
    Account account = accounts.find(accountId).orElseThrow(() -> new IllegalStateException("No account " + accountId));
    OffsetDateTime now = OffsetDateTime.now(clock);
    LocalDate due = null;
    AccountStatus to;
    boolean official;
    switch (assessment) {
      case COMPLIANT -> {
        to = AccountStatus.ACTIVE;
        official = true;
        due = now.toLocalDate().plus(verification.getReviewInterval());
        findings.resolveOpen(accountId, "Compliant at review" + (notes == null ? "" : ": " + notes), actor, now);
      }
      case CORRECTIVE -> {
        to = AccountStatus.CORRECTIVE_ACTION;
        official = account.official();
        findings.insert(accountId, "Corrective action required: " + correctiveAction, Severity.MEDIUM, actor, now,
            processInstanceId, campaignId);
      }
      case SUSPEND -> {
        to = AccountStatus.SUSPENDED;
        official = false;
        findings.insert(accountId, "Suspended: " + notes, Severity.HIGH, actor, now, processInstanceId, campaignId);
      }
      default -> {
        to = account.status();
        official = account.official();
        findings.insert(accountId, "To be closed: " + notes, Severity.HIGH, actor, now, processInstanceId, campaignId);
      }
    }
    if (!reviewable(account.status()) && account.status() != AccountStatus.CLOSING
        && account.status() != AccountStatus.CLOSED) {
      // Something else moved the account on while it was assessed (suspended, expired): the
      // assessment and its findings are on record, the status it has now stands.
      accounts.recordReview(accountId, account.status(), account.official(), null, lastPostDate, now);
      accounts.insertHistory(accountId, account.status(), account.status(), actor, now,
          "Review: " + assessment.value() + ", status left as " + account.status() + notesSuffix(notes),
          processInstanceId);
      return null;
    }
    if (account.status() == AccountStatus.CLOSING || account.status() == AccountStatus.CLOSED) {
      // A closure (a directive, say) took the account while it was reviewed: the closure decides
      // its status now; the review's findings stay on record, and a closure cancelled later gives
      // the account the status this review concluded, not "under review" with no review left.
      closures.updatePreviousStatus(accountId, to == account.status() ? AccountStatus.ACTIVE : to);
      to = account.status();
      official = account.official();
      due = null;
    }
    accounts.recordReview(accountId, to, official, due, lastPostDate, now);
    accounts.insertHistory(accountId, account.status(), to, actor, now,
        "Review: " + assessment.value() + notesSuffix(notes), processInstanceId);
    return due;
  }

  private static String notesSuffix(String notes) {
    return notes == null || notes.isBlank() ? "" : " - " + notes;
  }
}
