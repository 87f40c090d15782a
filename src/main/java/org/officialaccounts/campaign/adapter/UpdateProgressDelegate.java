package org.officialaccounts.campaign.adapter;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.campaign.CampaignProgress;
import org.officialaccounts.campaign.CampaignService;
import org.officialaccounts.campaign.ReviewCampaign.Var;
import org.springframework.stereotype.Component;

/**
 * "Update progress": the counts by state become variables of the campaign's instance, which is
 * where operators see them in Cockpit; decides whether the campaign can report.
 */
@Component("updateProgressDelegate")
public class UpdateProgressDelegate implements JavaDelegate {

  private final CampaignService campaigns;

  public UpdateProgressDelegate(CampaignService campaigns) {
    this.campaigns = campaigns;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String id = (String) execution.getVariable(Var.CAMPAIGN_ID);
    CampaignProgress progress = campaigns.progress(id);
    execution.setVariables(variables(progress));
    execution.setVariable(Var.DONE, campaigns.readyToReport(id, progress));
  }

  static Map<String, Object> variables(CampaignProgress p) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("progressSelected", p.selected());
    v.put("progressOpened", p.opened());
    v.put("progressSkipped", p.skipped());
    v.put("progressAwaitingAttestation", p.awaitingAttestation());
    v.put("progressAwaitingAssessment", p.awaitingAssessment());
    v.put("progressInCorrection", p.inCorrection());
    v.put("progressCompliant", p.compliant());
    v.put("progressCorrective", p.corrective());
    v.put("progressSuspended", p.suspended());
    v.put("progressClosed", p.closed());
    v.put("progressNoResponse", p.noResponse());
    v.put("progressConcluded", p.concluded());
    v.put("progressCancelled", p.cancelled());
    return v;
  }
}
