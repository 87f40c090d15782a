package org.officialaccounts.campaign.adapter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.campaign.CampaignService;
import org.officialaccounts.campaign.ReviewCampaign.Var;
import org.springframework.stereotype.Component;

/** "Select accounts in scope": fixes the campaign's ledger once. */
@Component("selectAccountsDelegate")
public class SelectAccountsDelegate implements JavaDelegate {

  private final CampaignService campaigns;

  public SelectAccountsDelegate(CampaignService campaigns) {
    this.campaigns = campaigns;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(Var.SELECTED, (long) campaigns.select((String) execution.getVariable(Var.CAMPAIGN_ID)));
  }
}
