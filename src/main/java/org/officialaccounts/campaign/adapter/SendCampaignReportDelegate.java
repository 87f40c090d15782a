package org.officialaccounts.campaign.adapter;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.campaign.Campaign;
import org.officialaccounts.campaign.CampaignRepository;
import org.officialaccounts.campaign.ReviewCampaign.Var;
import org.officialaccounts.notification.Directory;
import org.officialaccounts.notification.MailService;
import org.officialaccounts.security.Groups;
import org.springframework.stereotype.Component;

/**
 * "Email the report" to PR &amp; Media and the Undersecretary: outcomes by unit (right below the
 * ministry) and by platform, with the no-response count.
 */
@Component("sendCampaignReportDelegate")
public class SendCampaignReportDelegate implements JavaDelegate {

  static final String TEMPLATE = "campaign-report";

  private final CampaignRepository campaigns;
  private final MailService mail;
  private final Directory directory;
  private final Clock clock;

  public SendCampaignReportDelegate(CampaignRepository campaigns, MailService mail, Directory directory, Clock clock) {
    this.campaigns = campaigns;
    this.mail = mail;
    this.directory = directory;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String id = (String) execution.getVariable(Var.CAMPAIGN_ID);
    Campaign campaign = campaigns.find(id).orElseThrow(() -> new IllegalStateException("No campaign " + id));
    Set<String> recipients = new LinkedHashSet<>();
    recipients.addAll(directory.emailsOfGroup(Groups.PR_MEDIA));
    recipients.addAll(directory.emailsOfGroup(Groups.UNDERSECRETARY));
    Map<String, Object> values = new HashMap<>();
    values.put("campaignId", campaign.id());
    values.put("campaignName", campaign.name());
    values.put("scopeDescription", campaign.scope().describe());
    values.put("startedAt", campaign.startedAt().toLocalDate().toString());
    values.put("progress", campaigns.progress(id));
    values.put("byUnit", campaigns.report(id, true));
    values.put("byPlatform", campaigns.report(id, false));
    mail.send(TEMPLATE, new ArrayList<>(recipients), values, execution.getProcessInstanceId(), null);
    campaigns.markReported(id, OffsetDateTime.now(clock));
  }

}
