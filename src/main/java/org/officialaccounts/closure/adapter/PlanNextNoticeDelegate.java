package org.officialaccounts.closure.adapter;

import static org.officialaccounts.closure.Closure.Var;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.closure.ClosureService;
import org.springframework.stereotype.Component;

/** "Plan next notice": when the notice is posted again, if any repeat is still ahead of the closing date. */
@Component("planNextNoticeDelegate")
public class PlanNextNoticeDelegate implements JavaDelegate {

  private final ClosureService closures;

  public PlanNextNoticeDelegate(ClosureService closures) {
    this.closures = closures;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // The one planned before, so a notice that fired early (an operator moved its timer) is not planned again.
    Object previous = execution.getVariable(Var.NEXT_NOTICE_AT);
    OffsetDateTime next = closures.nextNoticeAt(LocalDate.parse((String) execution.getVariable(Var.CLOSING_DATE)),
        previous instanceof Date d ? d.toInstant().atOffset(ZoneOffset.UTC) : null);
    execution.setVariable(Var.NOTICE_DUE, next != null);
    execution.setVariable(Var.NEXT_NOTICE_AT, next == null ? null : Date.from(next.toInstant()));
  }
}
