package org.officialaccounts.review.adapter;

import static org.officialaccounts.review.PeriodicReview.Var;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.officialaccounts.registry.adapter.AccountVariables;
import org.officialaccounts.review.ReviewRules;
import org.officialaccounts.review.ReviewService;
import org.officialaccounts.system.EngineErrors;
import org.springframework.stereotype.Component;

/** "Review attestation" completes only with well-formed answers. */
@Component("attestationListener")
public class AttestationListener implements TaskListener {

  private final ReviewRules rules;
  private final ReviewService reviews;

  public AttestationListener(ReviewRules rules, ReviewService reviews) {
    this.rules = rules;
    this.reviews = reviews;
  }

  @Override
  public void notify(DelegateTask task) {
    Map<String, Object> submitted = new HashMap<>();
    for (String name : new String[] {Var.STILL_NEEDED, Var.LAST_POST_DATE, Var.TWO_FACTOR_STILL_ON,
        Var.ADMINISTRATORS, Var.FOLLOWS_GUIDE, Var.VISUAL_IDENTITY_OK, Var.ATTESTATION_NOTES}) {
      submitted.put(name, task.getVariable(name));
    }
    EngineErrors.rejectIfInvalid(rules.checkAttestation(submitted));
    task.setVariable(Var.LAST_POST_DATE, rules.lastPostDate(submitted.get(Var.LAST_POST_DATE)).toString());
    task.setVariable(Var.ATTESTATION_RECEIVED, true);
    reviews.recordAttestation(AccountVariables.accountId(task.getExecution()),
        (String) task.getVariable(Var.CAMPAIGN_ID), true);
  }
}
