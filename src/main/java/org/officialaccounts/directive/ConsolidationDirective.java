package org.officialaccounts.directive;

/** Names shared by the ConsolidationDirectiveProcess model, its forms, delegates and tests. */
public final class ConsolidationDirective {

  public static final String PROCESS_KEY = "ConsolidationDirectiveProcess";

  /** Process variables; the forms use the same keys. */
  public static final class Var {
    public static final String SOURCE = "directiveSource";
    public static final String SOURCE_EMAIL = "directiveSourceEmail";
    public static final String REFERENCE = "directiveReference";
    public static final String DATE = "directiveDate";
    public static final String SUMMARY = "directiveSummary";
    public static final String UNIT_TYPES = "scopeUnitTypes";
    public static final String UNIT_CODES = "scopeUnitCodes";
    public static final String DEADLINE = "deadline";
    public static final String OFFICIAL_ACCOUNTS = "officialAccounts";
    public static final String STARTED_BY = "startedBy";

    public static final String DIRECTIVE_ID = "directiveId";
    public static final String SCOPE_DESCRIPTION = "scopeDescription";
    public static final String ACCOUNTS_IN_SCOPE = "accountsInScope";

    public static final String MEETING_DATE = "meetingDate";
    public static final String ATTENDEES = "meetingAttendees";
    public static final String DECISION = "meetingDecision";
    public static final String EXCEPTIONS = "exceptions";
    public static final String MINUTES = "meetingMinutes";

    public static final String SELECTED = "selected";
    /** The number of the unit a "Notify unit" or "Escalate to unit" instance is for. */
    public static final String LOOP_COUNTER = "loopCounter";
    /** How many units get a notice: the cardinality of "Notify unit". */
    public static final String UNITS_TO_NOTIFY = "unitsToNotify";

    public static final String COMPLIANCE_DUE = "complianceDue";
    public static final String NEXT_CHECK = "nextProgressCheck";
    public static final String PROGRESS_BY_UNIT = "progressByUnit";

    public static final String COMPLIANCE_DECISION = "complianceDecision";
    public static final String NEW_DEADLINE = "newDeadline";
    public static final String ESCALATE_UNITS = "escalateUnits";
    public static final String COMPLIANCE_NOTES = "complianceNotes";
    public static final String REVIEW_ROUND = "reviewRound";
    /** How many units a review escalated: the cardinality of "Escalate to unit". */
    public static final String ESCALATED_UNITS = "escalatedUnits";

    private Var() {}
  }

  /** Values of the meeting's decision. */
  public static final class Meeting {
    public static final String CONFIRM = "confirm";
    public static final String NARROW = "narrow";

    private Meeting() {}
  }

  /** Values of the compliance review's decision. */
  public static final class Compliance {
    public static final String EXTEND = "extend";
    public static final String ESCALATE = "escalate";
    public static final String ACCEPT = "accept";

    private Compliance() {}
  }

  /** Element ids. */
  public static final class Element {
    public static final String START = "StartEvent_DirectiveReceived";
    public static final String REGISTER = "Task_RegisterDirective";
    public static final String MEETING = "Task_HoldLeadershipMeeting";
    public static final String MEETING_REMINDER = "BoundaryEvent_MeetingReminder";
    public static final String REMIND = "Task_RemindUndersecretary";
    public static final String RECORD_MEETING = "Task_RecordMeeting";
    public static final String SELECT = "Task_SelectAccounts";
    public static final String NOTIFY_UNIT = "Task_NotifyUnit";
    public static final String OPEN_CLOSURES = "SubProcess_OpenClosures";
    public static final String OPEN_CHUNK = "Task_OpenChunk";
    public static final String PARTITION_DONE = "EndEvent_PartitionOpened";
    public static final String UPDATE_PROGRESS = "Task_UpdateProgress";
    public static final String WAIT = "TimerEvent_NextProgressCheck";
    public static final String COMPLIANCE_REPORT = "Task_SendComplianceReport";
    public static final String REVIEW = "Task_ReviewCompliance";
    public static final String RECORD_REVIEW = "Task_RecordComplianceReview";
    public static final String ESCALATE = "Task_EscalateUnit";
    public static final String FINAL_REPORT = "Task_SendFinalReport";
    public static final String END = "EndEvent_Reported";

    private Element() {}
  }

  /** A directive's closure's business key, as the closure model gives it. */
  public static String closureKeyPrefix(String directiveId) {
    return "closure:" + directiveId + ":";
  }

  private ConsolidationDirective() {}
}
