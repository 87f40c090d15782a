package org.officialaccounts.closure;

/** Names shared by the AccountClosureProcess model, its delegates, its API and its tests. */
public final class Closure {

  public static final String PROCESS_KEY = "AccountClosureProcess";
  /** Starts a closure ordered by a review or a directive. */
  public static final String START_MESSAGE = "CloseAccount";
  /** Cancels a running closure; {@link Var#CANCELLATION_REASON} says why. */
  public static final String CANCEL_MESSAGE = "CancelAccountClosure";

  /** Process variables. */
  public static final class Var {
    public static final String ACCOUNT_ID = "accountId";
    public static final String ACCOUNT_URL = "accountUrl";
    public static final String CLOSURE_ID = "closureId";
    public static final String REASON = "closureReason";
    public static final String GROUNDS = "closureGrounds";
    public static final String DIRECTIVE_ID = "directiveId";
    public static final String SUCCESSOR_ACCOUNT_ID = "successorAccountId";
    public static final String SUCCESSOR_URL = "successorUrl";
    public static final String CLOSING_DATE = "closingDate";
    public static final String CLOSING_AT = "closingAt";
    public static final String REQUESTED_BY = "requestedBy";
    public static final String OPENED = "closureOpened";
    public static final String NOT_OPENED_REASON = "notOpenedReason";
    public static final String UNIT_HEAD_EMAILS = "unitHeadEmails";
    public static final String NOTICE_AR = "noticeTextAr";
    public static final String NOTICE_EN = "noticeTextEn";
    public static final String NOTICE_URL = "noticeUrl";
    public static final String NOTICE_DUE = "noticeDue";
    public static final String NEXT_NOTICE_AT = "nextNoticeAt";
    public static final String NOTICES_SENT = "noticesSent";
    public static final String ARCHIVE_LOCATION = "archiveLocation";
    public static final String ADMINS_REMOVED = "adminsRemoved";
    public static final String APPS_REVOKED = "appsRevoked";
    public static final String END_STATE = "endState";
    public static final String ARCHIVE_NOTES = "archiveNotes";
    public static final String CONFIRMATION = "confirmation";
    public static final String CONFIRMATION_REMARKS = "confirmationRemarks";
    public static final String SEND_BACKS = "sendBacks";
    public static final String TOO_MANY_SEND_BACKS = "tooManySendBacks";
    public static final String TAKEDOWN_REFERENCE = "takedownReference";
    public static final String TAKEDOWN_RESULT = "takedownResult";
    public static final String TAKEDOWN_NOTES = "takedownNotes";
    public static final String CANCELLATION_REASON = "cancellationReason";
    public static final String CANCELLED_BY = "cancelledBy";
    public static final String NOTIFY_MANAGER = "notifyManager";
    public static final String FINDING = "finding";

    private Var() {}
  }

  /** Element ids the code and the tests name. */
  public static final class Element {
    public static final String REQUESTED = "StartEvent_ClosureRequested";
    public static final String ORDERED = "StartEvent_CloseAccount";
    public static final String OPEN = "Task_OpenClosure";
    public static final String POST_NOTICE = "Task_PostNotice";
    public static final String NOTICE_REMINDER = "BoundaryEvent_NoticeReminder";
    public static final String NOTICE_ESCALATION = "BoundaryEvent_NoticeEscalation";
    public static final String NOTICE_DEADLINE = "BoundaryEvent_NoticeDeadline";
    public static final String NEXT_NOTICE = "TimerEvent_NextNotice";
    public static final String CLOSING_DATE = "TimerEvent_ClosingDate";
    public static final String ARCHIVE = "Task_ArchiveAndClose";
    public static final String ARCHIVE_REMINDER = "BoundaryEvent_ArchiveReminder";
    public static final String ARCHIVE_ESCALATION = "BoundaryEvent_ArchiveEscalation";
    public static final String ARCHIVE_DEADLINE = "BoundaryEvent_ArchiveDeadline";
    public static final String CONFIRM = "Task_ConfirmClosure";
    public static final String TAKEDOWN = "Task_RequestTakedown";
    public static final String CLOSE = "Task_CloseAccount";
    public static final String END_CLOSED = "EndEvent_AccountClosed";
    public static final String END_NOTHING = "EndEvent_NothingToClose";
    public static final String END_REFUSED = "EndEvent_TakedownRefused";
    public static final String END_CANCELLED = "EndEvent_ClosureCancelled";

    private Element() {}
  }

  /** The answers of PR &amp; Media's "Confirm closure". */
  public static final String CONFIRMED = "closed";
  public static final String NOT_CLOSED = "notClosed";
  /** The answers of "Request platform takedown". */
  public static final String TAKEN_DOWN = "removed";
  public static final String REFUSED = "refused";

  private Closure() {}
}
