package org.officialaccounts.review;

/** Names shared by the PeriodicReviewProcess model, its delegates and its tests. */
public final class PeriodicReview {

  public static final String PROCESS_KEY = "PeriodicReviewProcess";

  /** The account history's reason when a review takes the account, by hand or by a campaign. */
  public static String openedReason(String campaignId) {
    return "Periodic review opened" + (campaignId == null ? "" : " (campaign " + campaignId + ")");
  }

  /** The BPMN error "Run pre-checks" throws for an account that left the reviewable states. */
  public static final String NOT_REVIEWABLE = "NOT_REVIEWABLE";

  /** Process variables. */
  public static final class Var {
    public static final String ACCOUNT_ID = "accountId";
    public static final String CAMPAIGN_ID = "campaignId";
    public static final String REVIEWER_GROUP = "reviewerGroup";
    /** Comma-separated user ids offered "Assess review" instead of the reviewer group, or null. */
    public static final String REVIEWER_USERS = "reviewerUsers";
    /** The unit whose coordinators hear of a late attestation: the account unit's parent. */
    public static final String SUPERVISING_UNIT = "supervisingUnitCode";
    public static final String PRE_CHECK_FINDINGS = "preCheckFindings";
    public static final String ATTESTATION_DEADLINE = "attestationDeadline";
    public static final String ATTESTATION_RECEIVED = "attestationReceived";
    public static final String STILL_NEEDED = "stillNeeded";
    public static final String LAST_POST_DATE = "lastPostDate";
    public static final String TWO_FACTOR_STILL_ON = "twoFactorStillOn";
    public static final String ADMINISTRATORS = "administrators";
    public static final String FOLLOWS_GUIDE = "followsGuide";
    public static final String VISUAL_IDENTITY_OK = "visualIdentityOk";
    public static final String ATTESTATION_NOTES = "attestationNotes";
    public static final String ASSESSMENT = "assessment";
    public static final String ASSESSMENT_NOTES = "assessmentNotes";
    public static final String CORRECTIVE_ACTION = "correctiveAction";
    public static final String CORRECTIVE_DEADLINE = "correctiveDeadline";
    public static final String CORRECTIVE_REPORT = "correctiveReport";
    public static final String ASSESSED_BY = "assessedBy";
    public static final String NEXT_REVIEW_DUE = "nextReviewDue";
    public static final String REVIEW_OUTCOME = "reviewOutcome";

    private Var() {}
  }

  /** The reviewer's possible assessments. */
  public enum Assessment {
    COMPLIANT("compliant"),
    CORRECTIVE("corrective"),
    SUSPEND("suspend"),
    CLOSE("close");

    private final String value;

    Assessment(String value) {
      this.value = value;
    }

    public String value() {
      return value;
    }

    public static Assessment of(Object value) {
      for (Assessment a : values()) {
        if (a.value.equals(value)) {
          return a;
        }
      }
      return null;
    }
  }

  /** Element ids. */
  public static final class Element {
    public static final String PRE_CHECK = "Task_RunPreChecks";
    public static final String NOT_REVIEWABLE = "BoundaryEvent_NotReviewable";
    public static final String END_NOT_REVIEWABLE = "EndEvent_NotReviewable";
    public static final String REQUEST_ATTESTATION = "Task_RequestAttestation";
    public static final String ATTESTATION = "Task_ReviewAttestation";
    public static final String NO_RESPONSE = "Task_RecordNoResponse";
    public static final String ASSESS = "Task_AssessReview";
    public static final String RECORD_ASSESSMENT = "Task_RecordAssessment";
    public static final String CORRECTIVE_ACTION = "Task_TakeCorrectiveAction";
    public static final String CORRECTIVE_OVERDUE = "Task_RecordCorrectiveOverdue";
    public static final String ATTESTATION_REMINDER = "BoundaryEvent_AttestationReminder";
    public static final String ATTESTATION_ESCALATION = "BoundaryEvent_AttestationEscalation";
    public static final String ATTESTATION_DEADLINE = "BoundaryEvent_AttestationDeadline";
    public static final String CORRECTIVE_DEADLINE = "BoundaryEvent_CorrectiveDeadline";
    public static final String END_COMPLIANT = "EndEvent_Compliant";
    public static final String END_SUSPENDED = "EndEvent_Suspended";
    public static final String END_CLOSURE = "EndEvent_HandOverToClosure";

    private Element() {}
  }

  private PeriodicReview() {}
}
