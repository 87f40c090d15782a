package org.officialaccounts.campaign.adapter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.campaign.CampaignService;
import org.officialaccounts.campaign.ReviewCampaign.Var;
import org.officialaccounts.campaign.ReviewStarter;
import org.springframework.stereotype.Component;

/**
 * "Open next chunk" of one partition (the multi-instance's loop counter): starts a chunk of
 * reviews in this job's transaction and says, in a variable local to the partition, whether to
 * come back for more.
 */
@Component("openChunkDelegate")
public class OpenChunkDelegate implements JavaDelegate {

  private final CampaignService campaigns;
  private final ReviewStarter starter;

  public OpenChunkDelegate(CampaignService campaigns, ReviewStarter starter) {
    this.campaigns = campaigns;
    this.starter = starter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int partition = ((Number) execution.getVariable(Var.PARTITION)).intValue();
    int partitions = ((Number) execution.getVariable(Var.PARTITIONS)).intValue();
    boolean more = campaigns.openChunk((String) execution.getVariable(Var.CAMPAIGN_ID), partition, partitions, starter);
    execution.setVariableLocal(Var.MORE_TO_OPEN, more);
  }
}
