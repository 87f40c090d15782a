package org.officialaccounts.verification.adapter;

import static org.officialaccounts.verification.AccountVerification.Var;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.officialaccounts.request.FieldError;
import org.officialaccounts.system.EngineErrors;
import org.officialaccounts.verification.AccountVerification.Value;
import org.springframework.stereotype.Component;

/**
 * "Verify account" completes only with pass, or a send-back with remarks; counts send-backs so
 * the loop stays bounded.
 */
@Component("verificationDecisionListener")
public class VerificationDecisionListener implements TaskListener {

  static final int MAX_REMARKS = 2000;

  @Override
  public void notify(DelegateTask task) {
    Object verification = task.getVariable(Var.VERIFICATION);
    Object remarks = task.getVariable(Var.REMARKS);
    List<FieldError> errors = new ArrayList<>();
    if (!(Value.PASS.equals(verification) || Value.SEND_BACK.equals(verification))) {
      errors.add(new FieldError(Var.VERIFICATION, "Choose pass or send back", "اختر الاجتياز أو الإعادة"));
    } else if (Value.SEND_BACK.equals(verification)
        && (!(remarks instanceof String r) || r.isBlank() || r.length() > MAX_REMARKS)) {
      errors.add(new FieldError(Var.REMARKS,
          "Tell the manager what to change (at most " + MAX_REMARKS + " characters)",
          "اذكر لمدير الحساب ما يلزم تغييره (" + MAX_REMARKS + " حرف على الأكثر)"));
    }
    EngineErrors.rejectIfInvalid(errors);
    if (Value.SEND_BACK.equals(verification)) {
      int count = VerificationVariables.number(task, Var.SEND_BACK_COUNT) + 1;
      task.setVariable(Var.SEND_BACK_COUNT, count);
      task.setVariable(Var.SEND_BACKS_LEFT, count < VerificationVariables.number(task, Var.MAX_SEND_BACKS));
    } else {
      task.setVariable(Var.VERIFIED_BY, VerificationVariables.actor(task, "pr-media"));
    }
  }
}
