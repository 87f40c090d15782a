package org.officialaccounts.closure.adapter;

import static org.officialaccounts.closure.Closure.Var;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.officialaccounts.closure.ClosureReason;
import org.officialaccounts.closure.ClosureRequestValidator;
import org.officialaccounts.request.NotPermittedException;
import org.officialaccounts.security.Actor;
import org.officialaccounts.security.EngineActors;
import org.officialaccounts.system.EngineErrors;
import org.springframework.stereotype.Component;

/**
 * A unit's closure request starts only for a registered account of its own with the grounds
 * given; the form's values become the closure's order.
 */
@Component("closureRequestListener")
public class ClosureRequestListener implements ExecutionListener {

  private final ClosureRequestValidator validator;

  public ClosureRequestListener(ClosureRequestValidator validator) {
    this.validator = validator;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Map<String, Object> submitted = new HashMap<>();
    for (String name : new String[] {"platform", Var.ACCOUNT_URL, Var.GROUNDS, Var.SUCCESSOR_URL}) {
      submitted.put(name, execution.getVariable(name));
    }
    Actor requester = EngineActors.current(execution.getProcessEngineServices().getIdentityService());
    ClosureRequestValidator.Checked checked;
    try {
      checked = validator.check(submitted, requester);
    } catch (NotPermittedException e) {
      throw new AuthorizationException(e.getMessage());
    }
    EngineErrors.rejectIfInvalid(checked.errors());
    execution.setVariable(Var.ACCOUNT_ID, checked.account().id());
    execution.setVariable(Var.REASON, ClosureReason.REQUEST.name());
    execution.setVariable(Var.GROUNDS, ((String) submitted.get(Var.GROUNDS)).strip());
    execution.setVariable(Var.SUCCESSOR_ACCOUNT_ID, checked.successor() == null ? null : checked.successor().id());
    if (execution.getVariable(Var.REQUESTED_BY) == null && requester != null) {
      execution.setVariable(Var.REQUESTED_BY, requester.userId());
    }
  }
}
