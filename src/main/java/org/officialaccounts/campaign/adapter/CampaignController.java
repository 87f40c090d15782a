package org.officialaccounts.campaign.adapter;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.officialaccounts.api.ApiProblems.ForbiddenException;
import org.officialaccounts.api.ApiProblems.InvalidFieldsException;
import org.officialaccounts.api.ApiProblems.InvalidInputException;
import org.officialaccounts.api.ApiProblems.NotFoundException;
import org.officialaccounts.api.Params;
import org.officialaccounts.campaign.Campaign;
import org.officialaccounts.campaign.CampaignProgress;
import org.officialaccounts.campaign.CampaignReportRow;
import org.officialaccounts.campaign.CampaignRepository;
import org.officialaccounts.campaign.CampaignService;
import org.officialaccounts.campaign.ReviewCampaign;
import org.officialaccounts.campaign.ReviewCampaign.Var;
import org.officialaccounts.request.FieldError;
import org.officialaccounts.security.Actor;
import org.officialaccounts.security.CurrentActor;
import org.officialaccounts.security.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Review campaigns: PR &amp; Media and administrators start them; they and the leadership follow
 * their progress and read their report.
 */
@RestController
@RequestMapping("/api/campaigns")
public class CampaignController {

  static final Set<String> FIELDS = Set.of(Var.CAMPAIGN_NAME, Var.SCOPE, Var.UNIT_CODE, Var.PLATFORM, Var.DUE_BEFORE);

  /** A campaign and where it stands. */
  public record CampaignView(Campaign campaign, CampaignProgress progress) {}

  /** A campaign's outcomes by unit (right below the ministry) and by platform. */
  public record ReportView(String campaignId, CampaignProgress total, List<CampaignReportRow> byUnit,
      List<CampaignReportRow> byPlatform) {}

  private final CampaignService campaigns;
  private final CampaignRepository ledger;
  private final RuntimeService runtime;

  public CampaignController(CampaignService campaigns, CampaignRepository ledger, RuntimeService runtime) {
    this.campaigns = campaigns;
    this.ledger = ledger;
    this.runtime = runtime;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.ACCEPTED)
  public Map<String, Object> start(@RequestBody(required = false) Map<String, Object> body, Authentication authentication) {
    Actor actor = CurrentActor.of(authentication);
    if (!actor.groups().contains(Groups.PR_MEDIA) && !actor.groups().contains(Groups.CAMUNDA_ADMIN)) {
      throw new ForbiddenException("Campaigns are started by PR & Media and administrators");
    }
    Map<String, Object> submitted = new HashMap<>();
    if (body != null) {
      for (Map.Entry<String, Object> e : body.entrySet()) {
        if (!FIELDS.contains(e.getKey())) {
          throw new InvalidInputException(e.getKey(), "Unknown field; expected " + FIELDS);
        }
        submitted.put(e.getKey(), e.getValue());
      }
    }
    List<FieldError> errors = campaigns.check(submitted);
    if (!errors.isEmpty()) {
      throw new InvalidFieldsException(errors);
    }
    ProcessInstance instance = runtime.createProcessInstanceByKey(ReviewCampaign.PROCESS_KEY)
        .setVariables(submitted)
        .setVariable(Var.STARTED_BY, actor.userId())
        .execute();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("campaignId", instance.getBusinessKey());
    answer.put("processInstanceId", instance.getId());
    return answer;
  }

  @GetMapping
  public List<Campaign> list(@RequestParam(defaultValue = "50") String limit, Authentication authentication) {
    requireOverview(authentication);
return ledger.list(Params.number("limit", limit, 1, 500));
  }

  @GetMapping("/{id}")
  public CampaignView get(@PathVariable String id, Authentication authentication) {
    requireOverview(authentication);
    Campaign campaign = find(id);
    return new CampaignView(campaign, campaigns.progress(campaign.id()));
  }

  @GetMapping("/{id}/report")
  public ReportView report(@PathVariable String id, Authentication authentication) {
    requireOverview(authentication);
    Campaign campaign = find(id);
    return new ReportView(campaign.id(), campaigns.progress(campaign.id()), ledger.report(campaign.id(), true),
        ledger.report(campaign.id(), false));
  }

  private Campaign find(String id) {
    if (id.length() > 64) {
      throw new InvalidInputException("id", "At most 64 characters");
    }
    return ledger.find(id).orElseThrow(() -> new NotFoundException("No campaign " + id));
  }

  private static void requireOverview(Authentication authentication) {
    if (!CurrentActor.of(authentication).seesAllUnits()) {
      throw new ForbiddenException("Campaigns are open to PR & Media, the Undersecretary and administrators");
    }
  }
}
