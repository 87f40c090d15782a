package org.officialaccounts.guide;

/** Names shared by the GuidePublicationProcess model, its delegates and its tests. */
public final class GuidePublication {

  public static final String PROCESS_KEY = "GuidePublicationProcess";

  /** Process variables. */
  public static final class Var {
    public static final String GUIDE_VERSION = "guideVersion";
    public static final String EFFECTIVE_DATE = "effectiveDate";
    public static final String GUIDE_SUMMARY = "guideSummary";
    public static final String GUIDE_LINK = "guideLink";
    public static final String PUBLISHED_BY = "publishedBy";
    public static final String MANAGERS_REQUESTED = "managersRequested";
    public static final String MANAGERS_ASKED = "managersAsked";
    public static final String MANAGERS_LEFT = "managersLeft";

    private Var() {}
  }

  /** Element ids. */
  public static final class Element {
    public static final String START = "StartEvent_VersionSubmitted";
    public static final String PUBLISH = "Task_PublishVersion";
    public static final String ASK_MANAGERS = "Task_AskManagers";
    public static final String MANAGERS_LEFT = "Gateway_ManagersLeft";
    public static final String END = "EndEvent_EveryManagerAsked";

    private Element() {}
  }

  /** The business key of a publication: one per version. */
  public static String businessKey(String version) {
    return "guide:" + version;
  }

  private GuidePublication() {}
}
