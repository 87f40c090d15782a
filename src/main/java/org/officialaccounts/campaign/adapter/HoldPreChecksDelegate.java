package org.officialaccounts.campaign.adapter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Hold reviews' pre-checks": see {@link ReviewPreCheckHold}. */
@Component("holdPreChecksDelegate")
public class HoldPreChecksDelegate implements JavaDelegate {

  private final ReviewPreCheckHold hold;

  public HoldPreChecksDelegate(ReviewPreCheckHold hold) {
    this.hold = hold;
  }

  @Override
  public void execute(DelegateExecution execution) {
    hold.hold();
  }
}
