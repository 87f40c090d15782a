package org.officialaccounts.guide;

/** Names shared by the GuideAcknowledgementProcess model, its delegates and its tests. */
public final class GuideAcknowledgement {

  public static final String PROCESS_KEY = "GuideAcknowledgementProcess";

  /** The engine keeps business keys of at most 255 characters. */
  static final int MAX_BUSINESS_KEY = 255;

  /** Process variables. */
  public static final class Var {
    public static final String GUIDE_VERSION = GuidePublication.Var.GUIDE_VERSION;
    public static final String EFFECTIVE_DATE = GuidePublication.Var.EFFECTIVE_DATE;
    public static final String GUIDE_SUMMARY = GuidePublication.Var.GUIDE_SUMMARY;
    public static final String GUIDE_LINK = GuidePublication.Var.GUIDE_LINK;
    public static final String MANAGER_EMAIL = "managerEmail";
    public static final String MANAGER_NAME = "managerName";
    public static final String MANAGER_USER_ID = "managerUserId";
    /** A unit of one of the manager's accounts: whose coordinators stand in for an unknown manager. */
    public static final String UNIT_CODE = "unitCode";
    public static final String MANAGED_ACCOUNTS = "managedAccounts";
    public static final String DEADLINE = "acknowledgementDeadline";
    // "Acknowledge governance guide"
    public static final String ACKNOWLEDGED = "acknowledged";
    // Outcome
    public static final String ACKNOWLEDGED_BY = "acknowledgedBy";
    public static final String OUTCOME = "acknowledgementOutcome";

    private Var() {}
  }

  /** Values of the outcome. */
  public static final class Value {
    public static final String ACKNOWLEDGED = "ACKNOWLEDGED";
    public static final String NOT_ACKNOWLEDGED = "NOT_ACKNOWLEDGED";

    private Value() {}
  }

  /** Element ids. */
  public static final class Element {
    public static final String START = "StartEvent_AcknowledgementRequested";
    public static final String FIND_MANAGER = "Task_FindManager";
    public static final String SEND_REQUEST = "Task_SendAcknowledgementRequest";
    public static final String ACKNOWLEDGE = "Task_AcknowledgeGuide";
    public static final String RECORD_ACKNOWLEDGEMENT = "Task_RecordAcknowledgement";
    public static final String REMIND = "Task_RemindManager";
    public static final String RECORD_NOT_ACKNOWLEDGED = "Task_RecordNotAcknowledged";
    public static final String REMINDER = "BoundaryEvent_AcknowledgementReminder";
    public static final String DEADLINE = "BoundaryEvent_AcknowledgementDeadline";
    public static final String END_ASKED = "EndEvent_ManagerAsked";
    public static final String END_REMINDED = "EndEvent_ManagerReminded";
    public static final String END_ACKNOWLEDGED = "EndEvent_GuideAcknowledged";
    public static final String END_NOT_ACKNOWLEDGED = "EndEvent_NotAcknowledged";

    private Element() {}
  }

  /** The business key of one manager's acknowledgement: "guide:&lt;version&gt;:&lt;email&gt;". */
  public static String businessKey(String version, String managerEmail) {
    String key = GuidePublication.businessKey(version) + ":" + managerEmail;
    // Only a pathological address is cut; the full one is the managerEmail variable.
    return key.length() <= MAX_BUSINESS_KEY ? key : key.substring(0, MAX_BUSINESS_KEY);
  }

  private GuideAcknowledgement() {}
}
