package org.officialaccounts.campaign.adapter;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.officialaccounts.campaign.CampaignService;
import org.officialaccounts.campaign.ReviewCampaign.Var;
import org.officialaccounts.system.EngineErrors;
import org.springframework.stereotype.Component;

/** A campaign started by hand starts only with a name and a well-formed scope; the scheduled one has its own. */
@Component("campaignStartListener")
public class CampaignStartListener implements ExecutionListener {

  private final CampaignService campaigns;

  public CampaignStartListener(CampaignService campaigns) {
    this.campaigns = campaigns;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (Boolean.TRUE.equals(execution.getVariable(Var.SCHEDULED))) {
      return;
    }
    Map<String, Object> submitted = new HashMap<>();
    for (String name : new String[] {Var.CAMPAIGN_NAME, Var.SCOPE, Var.UNIT_CODE, Var.PLATFORM, Var.DUE_BEFORE}) {
      submitted.put(name, execution.getVariable(name));
    }
    EngineErrors.rejectIfInvalid(campaigns.check(submitted));
  }
}
