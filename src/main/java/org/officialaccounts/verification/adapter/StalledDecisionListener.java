package org.officialaccounts.verification.adapter;

import static org.officialaccounts.verification.AccountVerification.Var;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.officialaccounts.request.FieldError;
import org.officialaccounts.system.EngineErrors;
import org.officialaccounts.verification.AccountVerification.Value;
import org.springframework.stereotype.Component;

/** The Undersecretary's answer to a stalled verification: one more round, or let it lapse. */
@Component("stalledDecisionListener")
public class StalledDecisionListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Object decision = task.getVariable(Var.STALLED_DECISION);
    if (!(Value.EXTEND.equals(decision) || Value.EXPIRE.equals(decision))) {
      EngineErrors.rejectIfInvalid(List.of(new FieldError(Var.STALLED_DECISION,
          "Choose one more round or let the approval lapse", "اختر جولة أخرى أو إلغاء الموافقة")));
    }
    if (Value.EXTEND.equals(decision)) {
      task.setVariable(Var.SEND_BACK_COUNT, 0);
      task.setVariable(Var.SEND_BACKS_LEFT, true);
    }
  }
}
