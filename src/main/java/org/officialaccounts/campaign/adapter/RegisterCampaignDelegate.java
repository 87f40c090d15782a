package org.officialaccounts.campaign.adapter;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.campaign.Campaign;
import org.officialaccounts.campaign.CampaignScope;
import org.officialaccounts.campaign.CampaignService;
import org.officialaccounts.campaign.ReviewCampaign.Var;
import org.springframework.stereotype.Component;

/**
 * "Register campaign": records the campaign (a scheduled one covers the accounts due within the
 * configured period) and names the instance by the campaign's id. A scheduled campaign that
 * exists already for the day is not started twice.
 */
@Component("registerCampaignDelegate")
public class RegisterCampaignDelegate implements JavaDelegate {

  static final String SCHEDULED_NAME = "\u2067المراجعة الدورية المجدولة\u2069 / Scheduled periodic review";

  private final CampaignService campaigns;

  public RegisterCampaignDelegate(CampaignService campaigns) {
    this.campaigns = campaigns;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean scheduled = Boolean.TRUE.equals(execution.getVariable(Var.SCHEDULED));
    CampaignScope scope;
    String name;
    if (scheduled) {
      scope = campaigns.scheduledScope();
      name = SCHEDULED_NAME;
    } else {
      Map<String, Object> submitted = new HashMap<>(execution.getVariables());
      scope = campaigns.scopeOf(submitted);
      name = ((String) execution.getVariable(Var.CAMPAIGN_NAME)).strip();
    }
    Object startedBy = execution.getVariable(Var.STARTED_BY);
    Campaign campaign = campaigns.register(execution.getProcessInstanceId(), name, scope,
        startedBy == null ? "system" : startedBy.toString(), scheduled);
    execution.setVariable("duplicateCampaign", campaign == null);
    if (campaign != null) {
      execution.setVariable(Var.CAMPAIGN_ID, campaign.id());
      execution.setVariable(Var.CAMPAIGN_NAME, campaign.name());
      execution.setVariable("scopeDescription", scope.describe());
      execution.setProcessBusinessKey(campaign.id());
    }
  }
}
