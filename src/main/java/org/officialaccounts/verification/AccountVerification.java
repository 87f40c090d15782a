package org.officialaccounts.verification;

/** Names shared by the AccountVerificationProcess model, its delegates and its tests. */
public final class AccountVerification {

  public static final String PROCESS_KEY = "AccountVerificationProcess";
  public static final String REGULARISATION_MESSAGE = "RegulariseAccount";

  /** Process variables. */
  public static final class Var {
    public static final String ACCOUNT_ID = "accountId";
    /** Who started the verification; told of its outcome. */
    public static final String INITIATOR = "initiator";
    public static final String MANAGER_USER_ID = "managerUserId";
    public static final String GUIDE_VERSION = "guideVersion";
    public static final String GUIDE_SUMMARY = "guideSummary";
    public static final String RECOVERY_DOMAINS = "recoveryDomains";
    public static final String SEND_BACK_COUNT = "sendBackCount";
    public static final String MAX_SEND_BACKS = "maxSendBacks";
    public static final String SEND_BACKS_LEFT = "sendBacksLeft";
    // "Set up account"
    public static final String FINAL_URL = "finalUrl";
    public static final String TWO_FACTOR = "twoFactorEnabled";
    public static final String RECOVERY_EMAIL = "recoveryEmail";
    public static final String ADMINISTRATORS = "administrators";
    public static final String VISUAL_IDENTITY = "visualIdentityApplied";
    public static final String GUIDE_ACKNOWLEDGED = "guideAcknowledged";
    // "Verify account"
    public static final String VERIFICATION = "verification";
    public static final String REMARKS = "remarks";
    // "Decide on stalled verification"
    public static final String STALLED_DECISION = "stalledDecision";
    public static final String COMMENT = "comment";
    // Outcome
    public static final String NEXT_REVIEW_DUE = "nextReviewDue";
    public static final String VERIFICATION_OUTCOME = "verificationOutcome";
    public static final String VERIFIED_BY = "verifiedBy";

    private Var() {}
  }

  /** Values of the decision variables and the outcome. */
  public static final class Value {
    public static final String PASS = "pass";
    public static final String SEND_BACK = "sendBack";
    public static final String EXTEND = "extend";
    public static final String EXPIRE = "expire";
    public static final String VERIFIED = "VERIFIED";
    public static final String EXPIRED = "EXPIRED";

    private Value() {}
  }

  /** Element ids, for tests and operators. */
  public static final class Element {
    public static final String START = "StartEvent_AccountApproved";
    public static final String START_REGULARISATION = "StartEvent_RegularisationRequested";
    public static final String ACCEPT_REGULARISATION = "Task_AcceptRegularisation";
    public static final String LOAD = "Task_LoadAccount";
    public static final String SET_UP = "Task_SetUpAccount";
    public static final String RECORD_SET_UP = "Task_RecordSetUp";
    public static final String VERIFY = "Task_VerifyAccount";
    public static final String ACTIVATE = "Task_ActivateAccount";
    public static final String SEND_VERIFIED = "Task_SendVerified";
    public static final String NOTIFY_SENT_BACK = "Task_NotifySentBack";
    public static final String NOTIFY_STALLED = "Task_NotifyStalled";
    public static final String DECIDE_STALLED = "Task_DecideStalledVerification";
    public static final String EXPIRE = "Task_ExpireAccount";
    public static final String NOTIFY_EXPIRED = "Task_NotifyExpired";
    public static final String SETUP_REMINDER = "BoundaryEvent_SetUpReminder";
    public static final String SETUP_ESCALATION = "BoundaryEvent_SetUpEscalation";
    public static final String SETUP_DEADLINE = "BoundaryEvent_SetUpDeadline";
    public static final String END_VERIFIED = "EndEvent_AccountVerified";
    public static final String END_EXPIRED = "EndEvent_ApprovalLapsed";

    private Element() {}
  }

  private AccountVerification() {}
}
