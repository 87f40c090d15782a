package org.officialaccounts.directive.adapter;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.officialaccounts.directive.ConsolidationDirective.Var;
import org.officialaccounts.security.Actor;
import org.officialaccounts.security.EngineActors;

/** Reads a directive's variables the same way in every adapter. */
final class DirectiveVariables {

  /** What the start form or the API gives. */
  static final String[] START = {Var.SOURCE, Var.SOURCE_EMAIL, Var.REFERENCE, Var.DATE, Var.SUMMARY,
      Var.UNIT_TYPES, Var.UNIT_CODES, Var.DEADLINE, Var.OFFICIAL_ACCOUNTS};

  /** What "Hold leadership meeting" submits. */
  static final String[] MEETING = {Var.MEETING_DATE, Var.ATTENDEES, Var.DECISION, Var.UNIT_TYPES, Var.UNIT_CODES,
      Var.EXCEPTIONS, Var.DEADLINE, Var.MINUTES};

  /** What "Review compliance" submits. */
  static final String[] REVIEW = {Var.COMPLIANCE_DECISION, Var.NEW_DEADLINE, Var.ESCALATE_UNITS, Var.COMPLIANCE_NOTES};

  /** Who completed a task, kept for the step that records its decisions. */
  static final String MEETING_HELD_BY = "meetingHeldBy";
  static final String REVIEWED_BY = "complianceReviewedBy";

  private DirectiveVariables() {}

  static Map<String, Object> of(VariableScope scope, String... names) {
    Map<String, Object> values = new HashMap<>();
    for (String name : names) {
      values.put(name, scope.getVariable(name));
    }
    return values;
  }

  static String directiveId(VariableScope scope) {
    return (String) scope.getVariable(Var.DIRECTIVE_ID);
  }

  /** The user completing the task, for the record. */
  static String completedBy(DelegateTask task) {
    Actor actor = EngineActors.current(task.getProcessEngineServices().getIdentityService());
    return actor != null ? actor.userId() : task.getAssignee() != null ? task.getAssignee() : "undersecretary";
  }
}
