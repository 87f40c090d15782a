package org.officialaccounts.campaign;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.officialaccounts.campaign.CampaignRepository.InScope;
import org.officialaccounts.campaign.CampaignRepository.Pending;
import org.officialaccounts.registry.AccountStatus;
import org.officialaccounts.registry.Platform;
import org.officialaccounts.registry.UnitRepository;
import org.officialaccounts.registry.UnitTree;
import org.officialaccounts.request.Deadlines;
import org.officialaccounts.request.FieldError;
import org.officialaccounts.request.FormValues;
import org.officialaccounts.system.LaunchLedger.Opened;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers campaigns, fixes their scope, opens their reviews chunk by chunk and reports progress. */
@Service
public class CampaignService {

  private static final Logger LOG = LoggerFactory.getLogger(CampaignService.class);
  static final int MAX_NAME = 200;

  private final CampaignRepository campaigns;
  private final UnitRepository units;
  private final CampaignSettings settings;
  private final Clock clock;

  public CampaignService(CampaignRepository campaigns, UnitRepository units, CampaignSettings settings, Clock clock) {
    this.campaigns = campaigns;
    this.units = units;
    this.settings = settings;
    this.clock = clock;
  }

  /** What a start form or API body must contain; each problem named in both languages. */
  public List<FieldError> check(Map<String, Object> submitted) {
    List<FieldError> errors = new ArrayList<>();
    Object name = submitted.get(ReviewCampaign.Var.CAMPAIGN_NAME);
    if (!(name instanceof String s) || s.isBlank() || s.length() > MAX_NAME) {
      errors.add(new FieldError(ReviewCampaign.Var.CAMPAIGN_NAME, "Give the campaign a name (at most " + MAX_NAME
          + " characters)", "أدخل اسمًا للحملة (" + MAX_NAME + " حرف على الأكثر)"));
    }
    CampaignScope.Kind kind = CampaignScope.Kind.of(submitted.get(ReviewCampaign.Var.SCOPE));
    if (kind == null) {
      errors.add(new FieldError(ReviewCampaign.Var.SCOPE, "Choose all accounts, a unit, a platform or due before a date",
          "اختر كل الحسابات أو جهة أو منصة أو المستحقة قبل تاريخ"));
      return errors;
    }
    switch (kind) {
      case UNIT -> {
        Object unit = submitted.get(ReviewCampaign.Var.UNIT_CODE);
        if (!(unit instanceof String code) || code.isBlank() || code.length() > 40 || units.find(code.strip()).isEmpty()) {
          errors.add(new FieldError(ReviewCampaign.Var.UNIT_CODE, "Give the code of an existing unit",
              "أدخل رمز جهة موجودة"));
        }
      }
      case PLATFORM -> {
        if (platform(submitted.get(ReviewCampaign.Var.PLATFORM)) == null) {
          errors.add(new FieldError(ReviewCampaign.Var.PLATFORM, "Choose one of " + List.of(Platform.values()),
              "اختر إحدى المنصات " + List.of(Platform.values())));
        }
      }
      case DUE -> {
        if (FormValues.date(submitted.get(ReviewCampaign.Var.DUE_BEFORE)) == null) {
          errors.add(new FieldError(ReviewCampaign.Var.DUE_BEFORE, "Give a date as YYYY-MM-DD",
              "أدخل تاريخًا بالصيغة YYYY-MM-DD"));
        }
      }
      case ALL -> { }
    }
    return errors;
  }

  /** The scope of checked input (see {@link #check}). */
  public CampaignScope scopeOf(Map<String, Object> submitted) {
    CampaignScope.Kind kind = CampaignScope.Kind.of(submitted.get(ReviewCampaign.Var.SCOPE));
    return switch (kind) {
      case ALL -> CampaignScope.all();
      case UNIT -> new CampaignScope(kind, ((String) submitted.get(ReviewCampaign.Var.UNIT_CODE)).strip(), null, null);
      case PLATFORM -> new CampaignScope(kind, null, platform(submitted.get(ReviewCampaign.Var.PLATFORM)), null);
      case DUE -> CampaignScope.dueBefore(FormValues.date(submitted.get(ReviewCampaign.Var.DUE_BEFORE)));
    };
  }

  /** The scope of a scheduled campaign: every account due within the configured period. */
  public CampaignScope scheduledScope() {
    return CampaignScope.dueBefore(LocalDate.now(clock).plus(settings.getDueWithin()));
  }

  /**
   * Records a campaign. A scheduled one is named by its day, so a timer that fires twice on a
   * day finds its campaign there and does not start a second one; returns null then.
   */
  @Transactional
  public Campaign register(String processInstanceId, String name, CampaignScope scope, String startedBy,
      boolean scheduled) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    String day = now.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd"));
    String id = "RC-" + day + "-" + (scheduled ? "scheduled" : processInstanceId);
    Campaign campaign = new Campaign(id, name, scope, startedBy, now, Deadlines.after(now, settings.getDuration()),
        processInstanceId, null, null);
    if (!campaigns.insert(campaign)) {
      LOG.info("Campaign {} exists already; not started again", id);
      return null;
    }
    return campaign;
  }

  /** Writes the ledger of the accounts in scope, once; returns how many there are. */
  @Transactional
  public int select(String campaignId) {
    Campaign campaign = campaigns.find(campaignId).orElseThrow(() -> new IllegalStateException("No campaign " + campaignId));
    if (campaign.selected() != null) {
      return campaign.selected();
    }
    CampaignScope scope = campaign.scope();
    UnitTree tree = units.tree();
    Set<String> subtree = scope.kind() == CampaignScope.Kind.UNIT ? new HashSet<>(units.subtreeCodes(scope.unitCode())) : null;
    List<InScope> inScope = new ArrayList<>();
    for (String[] row : campaigns.reviewable(scope.platform() == null ? null : scope.platform().name(), scope.dueBefore())) {
      if (subtree == null || subtree.contains(row[1])) {
        inScope.add(new InScope(Long.parseLong(row[0]), tree.reportUnit(row[1]), row[2]));
      }
    }
    campaigns.insertLedger(campaignId, inScope);
    LOG.info("Campaign {}: {} accounts in scope ({})", campaignId, inScope.size(), scope.describe());
    return inScope.size();
  }

  /**
   * Opens the next chunk of one partition's reviews in the caller's transaction: the accounts
   * still ACTIVE move to UNDER_REVIEW in one batch, a review is started for each, and the ledger
   * and the accounts' history record them in batches. The reviews' own work (pre-checks, the
   * manager's task, the email) runs afterwards in their own jobs, so a chunk stays one short
   * transaction. Returns whether more may remain.
   */
  @Transactional
  public boolean openChunk(String campaignId, int partition, int partitions, ReviewStarter starter) {
    int limit = settings.getChunkSize();
    List<Pending> pending = campaigns.nextPending(campaignId, partition, partitions, limit);
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<Long> active = pending.stream().filter(p -> p.status() == AccountStatus.ACTIVE).map(Pending::accountId).toList();
    Set<Long> taken = new HashSet<>(campaigns.takeForReview(active, now));
    List<Long> toStart = pending.stream().map(Pending::accountId).filter(taken::contains).toList();
    List<String> started = starter.startReviews(toStart, campaignId);
    List<Opened> opened = new ArrayList<>(toStart.size());
    for (int i = 0; i < toStart.size(); i++) {
      opened.add(new Opened(toStart.get(i), started.get(i)));
    }
    for (Pending p : pending) {
      if (!taken.contains(p.accountId())) {
        // Closed, suspended or taken by another review since the scope was fixed.
        campaigns.markSkipped(campaignId, p.accountId(),
            p.status() == AccountStatus.ACTIVE ? AccountStatus.UNDER_REVIEW : p.status(), now);
      }
    }
    campaigns.markOpened(campaignId, opened, now);
    return pending.size() == limit;
  }

  public CampaignProgress progress(String campaignId) {
    return campaigns.progress(campaignId);
  }

  /** Finished, or past its end: the report goes out with what is known. */
  public boolean readyToReport(String campaignId, CampaignProgress progress) {
    Campaign campaign = campaigns.find(campaignId).orElseThrow(() -> new IllegalStateException("No campaign " + campaignId));
    return progress.finished() || !OffsetDateTime.now(clock).isBefore(campaign.endsAt());
  }

  static Platform platform(Object value) {
    if (!(value instanceof String s)) {
      return null;
    }
    try {
      return Platform.valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
