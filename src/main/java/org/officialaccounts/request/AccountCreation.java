package org.officialaccounts.request;

import java.util.List;

/** Names shared by the AccountCreationProcess model, its delegates and its tests. */
public final class AccountCreation {

  public static final String PROCESS_KEY = "AccountCreationProcess";
  public static final String POLICY_DECISION_KEY = "AccountPolicy";

  /** Start variables: the request as the requester submits it. */
  public static final class Var {
    public static final String UNIT_CODE = "unitCode";
    public static final String PLATFORM = "platform";
    public static final String ACCOUNT_URL = "accountUrl";
    public static final String PURPOSE = "purpose";
    public static final String MANAGER_NAME = "managerName";
    public static final String MANAGER_EMAIL = "managerEmail";
    public static final String SECONDARY_CONTACT_EMAIL = "secondaryContactEmail";
    public static final List<String> REQUEST_FIELDS =
        List.of(
            UNIT_CODE,
            PLATFORM,
            ACCOUNT_URL,
            PURPOSE,
            MANAGER_NAME,
            MANAGER_EMAIL,
            SECONDARY_CONTACT_EMAIL);

    public static final String INITIATOR = "initiator";
    // Written by "Validate request".
    public static final String REQUEST_VALID = "requestValid";
    public static final String VALIDATION_ERRORS = "validationErrors";
    public static final String CANONICAL_URL = "canonicalUrl";
    public static final String HANDLE = "handle";
    public static final String PLATFORM_LABEL = "platformLabel";
    public static final String UNIT_TYPE = "unitType";
    public static final String UNIT_NAME_EN = "unitNameEn";
    public static final String UNIT_NAME_AR = "unitNameAr";
    // Written by "Check conflicts".
    public static final String CONFLICT = "conflict";
    public static final String CONFLICTING_ACCOUNT = "conflictingAccount";
    // Written by "Evaluate account policy".
    public static final String POLICY_OUTCOME = "policyOutcome";
    public static final String POLICY_REASON_EN = "policyReasonEn";
    public static final String POLICY_REASON_AR = "policyReasonAr";
    // Review decisions.
    public static final String DECISION = "decision";
    public static final String COMMENT = "comment";
    public static final String RECOMMENDATION = "recommendation";
    public static final String RECOMMENDATION_COMMENT = "recommendationComment";
    public static final String CORRECTION_ACTION = "correctionAction";
    public static final String APPROVED_BY = "approvedBy";
    // Outcome.
    public static final String REJECTION_REASON_EN = "rejectionReasonEn";
    public static final String REJECTION_REASON_AR = "rejectionReasonAr";
    public static final String ACCOUNT_ID = "accountId";

    private Var() {}
  }

  /** Values of the decision variables. */
  public static final class Decision {
    public static final String APPROVE = "approve";
    public static final String REJECT = "reject";
    public static final String RETURN = "return";
    public static final String RESUBMIT = "resubmit";
    public static final String WITHDRAW = "withdraw";

    private Decision() {}
  }

  /** Outcomes of the AccountPolicy decision. */
  public static final class Policy {
    public static final String ALLOWED = "ALLOWED";
    public static final String NEEDS_EXCEPTION = "NEEDS_EXCEPTION";
    public static final String FORBIDDEN = "FORBIDDEN";

    private Policy() {}
  }

  /** Element ids of the model, for tests and operators. */
  public static final class Element {
    public static final String START = "StartEvent_RequestSubmitted";
    public static final String VALIDATE = "Task_ValidateRequest";
    public static final String CORRECT = "Task_CorrectRequest";
    public static final String CHECK_CONFLICTS = "Task_CheckConflicts";
    public static final String EVALUATE_POLICY = "Task_EvaluatePolicy";
    public static final String REVIEW = "Task_ReviewRequest";
    public static final String RECOMMEND = "Task_RecommendException";
    public static final String DECIDE_EXCEPTION = "Task_DecideException";
    public static final String REGISTER = "Task_RegisterAccount";
    public static final String SEND_SETUP = "Task_SendSetupInstructions";
    public static final String NOTIFY_APPROVED = "Task_NotifyRequesterApproved";
    public static final String NOTIFY_REJECTED = "Task_NotifyRequesterRejected";
    public static final String REVIEW_REMINDER = "BoundaryEvent_ReviewReminder";
    public static final String REVIEW_ESCALATION = "BoundaryEvent_ReviewEscalation";
    public static final String RECOMMEND_REMINDER = "BoundaryEvent_RecommendReminder";
    public static final String RECOMMEND_ESCALATION = "BoundaryEvent_RecommendEscalation";
    public static final String DECIDE_REMINDER = "BoundaryEvent_DecideReminder";
    public static final String DECIDE_ESCALATION = "BoundaryEvent_DecideEscalation";
    public static final String REGISTER_CONFLICT = "BoundaryEvent_RegistrationConflict";
    public static final String VERIFY = "CallActivity_VerifyAccount";
    public static final String END_APPROVED = "EndEvent_RequestApproved";
    public static final String END_REJECTED = "EndEvent_RequestRejected";
    public static final String END_WITHDRAWN = "EndEvent_RequestWithdrawn";

    private Element() {}
  }

  /** BPMN error codes thrown by delegates. */
  public static final String ERROR_ACCOUNT_CONFLICT = "ACCOUNT_CONFLICT";

  private AccountCreation() {}
}
