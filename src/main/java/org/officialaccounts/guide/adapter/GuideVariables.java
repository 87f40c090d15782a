package org.officialaccounts.guide.adapter;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.officialaccounts.guide.GuidePublication.Var;
import org.officialaccounts.verification.GuideVersion;

/** Reads and writes the guide version both processes carry. */
final class GuideVariables {

  private GuideVariables() {}

  /** The version as plain variables: tasks, forms and emails show them as they are. */
  static VariableMap of(GuideVersion guide) {
    return Variables.createVariables()
        .putValue(Var.GUIDE_VERSION, guide.version())
        .putValue(Var.EFFECTIVE_DATE, guide.effectiveDate().toString())
        .putValue(Var.GUIDE_SUMMARY, guide.summary())
        .putValue(Var.GUIDE_LINK, guide.link());
  }

  static GuideVersion guide(VariableScope scope) {
    Object date = scope.getVariable(Var.EFFECTIVE_DATE);
    return new GuideVersion(
        version(scope),
        date == null ? null : LocalDate.parse(date.toString()),
        (String) scope.getVariable(Var.GUIDE_SUMMARY),
        (String) scope.getVariable(Var.GUIDE_LINK));
  }

  static String version(VariableScope scope) {
    Object version = scope.getVariable(Var.GUIDE_VERSION);
    if (!(version instanceof String v) || v.isBlank()) {
      throw new IllegalStateException("The process has no guideVersion");
    }
    return v;
  }

  static String string(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (!(value instanceof String s) || s.isBlank()) {
      throw new IllegalStateException("The process has no " + name);
    }
    return s;
  }
}
