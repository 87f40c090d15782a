package org.officialaccounts.directive.adapter;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.directive.ConsolidationDirective.Var;
import org.officialaccounts.directive.Directive;
import org.officialaccounts.directive.DirectiveProgress;
import org.officialaccounts.directive.DirectiveService;
import org.officialaccounts.directive.UnitProgress;
import org.springframework.stereotype.Component;

/**
 * "Update progress": the counts, in total and by unit, become variables of the directive's
 * instance, which is where operators see them in Cockpit and the Undersecretary in Tasklist;
 * decides whether compliance is due and when to look again.
 */
@Component("updateDirectiveProgressDelegate")
public class UpdateDirectiveProgressDelegate implements JavaDelegate {

  /** The engine keeps text variables up to 4,000 characters; the API has the rest. */
  static final int MAX_TEXT = 3900;

  private final DirectiveService directives;

  public UpdateDirectiveProgressDelegate(DirectiveService directives) {
    this.directives = directives;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Directive directive = directives.find(DirectiveVariables.directiveId(execution));
    DirectiveProgress progress = directives.progress(directive);
    execution.setVariables(variables(progress));
    execution.setVariable(Var.PROGRESS_BY_UNIT, byUnit(directive.id(), directives.progressByUnit(directive)));
    execution.setVariable(Var.DEADLINE, directive.deadline().toString());
    execution.setVariable(Var.COMPLIANCE_DUE, directives.complianceDue(directive, progress));
    execution.setVariable(Var.NEXT_CHECK, Date.from(directives.nextCheck(directive).toInstant()));
  }

  static Map<String, Object> variables(DirectiveProgress p) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("progressSelected", p.selected());
    v.put("progressOpened", p.opened());
    v.put("progressClosed", p.closed());
    v.put("progressCancelled", p.cancelled());
    v.put("progressInProgress", p.inProgress());
    v.put("progressOverdue", p.overdue());
    v.put("progressConcluded", p.concluded());
    return v;
  }

  static String byUnit(String directiveId, List<UnitProgress> units) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < units.size(); i++) {
      String line = units.get(i).line();
      if (text.length() + line.length() + 1 > MAX_TEXT - 120) {
        text.append("… ").append(units.size() - i).append(" more units: GET /api/directives/").append(directiveId)
            .append("/progress");
        break;
      }
      text.append(line).append('\n');
    }
    return text.toString().strip();
  }
}
