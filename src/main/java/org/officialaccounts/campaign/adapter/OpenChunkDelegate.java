package org.officialaccounts.campaign.adapter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.officialaccounts.campaign.CampaignService;
import org.officialaccounts.campaign.ReviewCampaign.Var;
import org.officialaccounts.campaign.ReviewStarter;
import org.officialaccounts.system.PartitionChunkDelegate;
import org.springframework.stereotype.Component;

/** "Open next chunk" of one partition: starts a chunk of reviews in this job's transaction. */
@Component("openChunkDelegate")
public class OpenChunkDelegate extends PartitionChunkDelegate {

  private final CampaignService campaigns;
  private final ReviewStarter starter;

  public OpenChunkDelegate(CampaignService campaigns, ReviewStarter starter) {
    this.campaigns = campaigns;
    this.starter = starter;
  }

  @Override
  protected boolean openChunk(DelegateExecution execution, int partition, int partitions) {
    return campaigns.openChunk((String) execution.getVariable(Var.CAMPAIGN_ID), partition, partitions, starter);
  }
}
