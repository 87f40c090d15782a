package org.officialaccounts.campaign.adapter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Release reviews' pre-checks" once every review is open, and the campaign's end listener, so
 * a campaign cancelled in Cockpit mid-opening leaves nothing held (see {@link ReviewPreCheckHold}).
 */
@Component("releasePreChecksDelegate")
public class ReleasePreChecksDelegate implements JavaDelegate {

  private final ReviewPreCheckHold hold;

  public ReleasePreChecksDelegate(ReviewPreCheckHold hold) {
    this.hold = hold;
  }

  @Override
  public void execute(DelegateExecution execution) {
    hold.release();
  }
}
