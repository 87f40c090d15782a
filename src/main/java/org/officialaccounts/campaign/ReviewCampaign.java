package org.officialaccounts.campaign;

/** Names shared by the ReviewCampaignProcess model, its delegates and its tests. */
public final class ReviewCampaign {

  public static final String PROCESS_KEY = "ReviewCampaignProcess";
  public static final String SCHEDULE_KEY = "ReviewCampaignSchedule";
  /** Business key of a campaign's review: never two reviews of one account in one campaign. */
  public static final String REVIEW_KEY_PREFIX = "campaign:";

  /** A campaign review's business key. */
  public static String reviewKey(String campaignId, long accountId) {
    return REVIEW_KEY_PREFIX + campaignId + ":" + accountId;
  }

  /** The campaign and account of a campaign review's business key; null for any other key. */
  public static ReviewKey parseReviewKey(String businessKey) {
    if (businessKey == null || !businessKey.startsWith(REVIEW_KEY_PREFIX)) {
      return null;
    }
    int last = businessKey.lastIndexOf(':');
    if (last <= REVIEW_KEY_PREFIX.length()) {
      return null;
    }
    try {
      return new ReviewKey(businessKey.substring(REVIEW_KEY_PREFIX.length(), last),
          Long.parseLong(businessKey.substring(last + 1)));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  public record ReviewKey(String campaignId, long accountId) {}

  /** Process variables. */
  public static final class Var {
    public static final String CAMPAIGN_ID = "campaignId";
    public static final String CAMPAIGN_NAME = "campaignName";
    public static final String SCOPE = "scope";
    public static final String UNIT_CODE = "scopeUnitCode";
    public static final String PLATFORM = "scopePlatform";
    public static final String DUE_BEFORE = "scopeDueBefore";
    public static final String STARTED_BY = "startedBy";
    public static final String SELECTED = "selected";
    public static final String DONE = "campaignDone";
    /** Set by ReviewCampaignSchedule: the quarter's campaign, with no start form. */
    public static final String SCHEDULED = "scheduled";

    private Var() {}
  }

  /** Element ids. */
  public static final class Element {
    public static final String START = "StartEvent_Manual";
    public static final String REGISTER = "Task_RegisterCampaign";
    public static final String SELECT = "Task_SelectAccounts";
    public static final String OPEN_REVIEWS = "SubProcess_OpenReviews";
    public static final String OPEN_CHUNK = "Task_OpenChunk";
    public static final String PARTITION_DONE = "EndEvent_PartitionOpened";
    public static final String UPDATE_PROGRESS = "Task_UpdateProgress";
    public static final String WAIT = "TimerEvent_NextProgressCheck";
    public static final String REPORT = "Task_SendReport";
    public static final String END = "EndEvent_Reported";

    private Element() {}
  }

  private ReviewCampaign() {}
}
