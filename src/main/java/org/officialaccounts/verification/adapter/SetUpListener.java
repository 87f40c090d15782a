package org.officialaccounts.verification.adapter;

import static org.officialaccounts.verification.AccountVerification.Var;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.officialaccounts.registry.Platform;
import org.officialaccounts.system.EngineErrors;
import org.officialaccounts.verification.SetUpValidator;
import org.springframework.stereotype.Component;

/** Refuses "Set up account" until the account meets the guide; keeps the values normalised. */
@Component("setUpListener")
public class SetUpListener implements TaskListener {

  private final SetUpValidator validator;

  public SetUpListener(SetUpValidator validator) {
    this.validator = validator;
  }

  @Override
  public void notify(DelegateTask task) {
    Map<String, Object> submitted = new HashMap<>();
    for (String name : new String[] {Var.FINAL_URL, Var.TWO_FACTOR, Var.RECOVERY_EMAIL, Var.ADMINISTRATORS,
        Var.VISUAL_IDENTITY, Var.GUIDE_ACKNOWLEDGED}) {
      submitted.put(name, task.getVariable(name));
    }
    SetUpValidator.Result result =
        validator.validate(
            VerificationVariables.accountId(task),
            (String) task.getVariable("unitCode"),
            Platform.valueOf((String) task.getVariable("platform")),
            (String) task.getVariable(Var.GUIDE_VERSION),
            submitted);
    EngineErrors.rejectIfInvalid(result.errors());
    task.setVariable(Var.FINAL_URL, result.setUp().account().canonicalUrl());
    task.setVariable(Var.RECOVERY_EMAIL, result.setUp().recoveryEmail());
    task.setVariable(Var.ADMINISTRATORS, String.join("\n", result.setUp().administrators()));
  }
}
