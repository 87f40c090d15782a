package org.officialaccounts.closure.adapter;

import static org.officialaccounts.closure.Closure.Var;

import java.util.Date;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.closure.Closure;
import org.officialaccounts.closure.ClosureOrder;
import org.officialaccounts.closure.ClosureRecord;
import org.officialaccounts.closure.ClosureService;
import org.officialaccounts.notification.Directory;
import org.officialaccounts.registry.adapter.AccountVariables;
import org.springframework.stereotype.Component;

/**
 * "Open closure": the account turns CLOSING and the closure's tasks and emails get what they
 * show: the account, its manager, the closing date, the drafted notice and who to escalate to.
 */
@Component("openClosureDelegate")
public class OpenClosureDelegate implements JavaDelegate {

  private final ClosureService closures;
  private final Directory directory;

  public OpenClosureDelegate(ClosureService closures, Directory directory) {
    this.closures = closures;
    this.directory = directory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ClosureOrder order = ClosureVariables.order(execution);
    // A directive takes over a closure the unit asked for or a review ordered: that one is
    // cancelled (the account gets its status back) and this one opens with the directive's terms.
    closures.supersededBy(order).ifPresent(other -> takeOver(execution, other, order));
    ClosureService.Opening opening = closures.open(order, execution.getProcessInstanceId());
    execution.setVariable(Var.CLOSURE_ID, opening.closureId());
    execution.setVariable(Var.OPENED, opening.opened());
    AccountVariables.put(execution, opening.account(), opening.unit());
    if (!opening.opened()) {
      execution.setVariable(Var.NOT_OPENED_REASON, opening.notOpenedReason());
      return;
    }
    String manager = opening.account().managerEmail();
    execution.setVariable("managerUserId", manager == null ? null : directory.userIdByEmail(manager).orElse(null));
    execution.setVariable(Var.SUCCESSOR_URL, opening.successor() == null ? null : opening.successor().canonicalUrl());
    execution.setVariable(Var.CLOSING_DATE, opening.closingDate().toString());
    execution.setVariable(Var.CLOSING_AT, Date.from(opening.closingAt().toInstant()));
    execution.setVariable(Var.NOTICE_AR, opening.notice().arabic());
    execution.setVariable(Var.NOTICE_EN, opening.notice().english());
    execution.setVariable(Var.UNIT_HEAD_EMAILS, String.join(", ", opening.escalationRecipients()));
    execution.setVariable(Var.SEND_BACKS, 0);
  }

  private void takeOver(DelegateExecution execution, ClosureRecord other, ClosureOrder order) {
    String reason = "Superseded by directive " + order.directiveId();
    try {
      execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(Closure.CANCEL_MESSAGE)
          .processInstanceId(other.processInstanceId())
          .setVariable(Var.CANCELLATION_REASON, reason)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      // Its process is gone (deleted without its listeners): conclude the record it left.
      closures.cancel(other.id(), reason, "system", execution.getProcessInstanceId());
    }
  }
}
