package org.officialaccounts.campaign.adapter;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.officialaccounts.campaign.ReviewCampaign;
import org.officialaccounts.campaign.ReviewStarter;
import org.officialaccounts.review.PeriodicReview;
import org.springframework.stereotype.Component;

/**
 * Starts a campaign's review as a PeriodicReviewProcess keyed by campaign and account. The key
 * is all it is given: its pre-checks, the review's first job, turn it into the review's
 * variables, so that opening (the launcher's transaction) writes as little as it can.
 */
@Component
public class EngineReviewStarter implements ReviewStarter {

  private final RuntimeService runtime;
  private final RepositoryService repository;

  public EngineReviewStarter(RuntimeService runtime, RepositoryService repository) {
    this.runtime = runtime;
    this.repository = repository;
  }

  @Override
  public String startReview(long accountId, String campaignId) {
    return start(runtime.createProcessInstanceByKey(PeriodicReview.PROCESS_KEY), accountId, campaignId);
  }

  /**
   * Looks the model's latest version up once per chunk instead of once per review (starting by
   * key reads it from the database each time); a version deployed meanwhile serves the next chunk.
   */
  @Override
  public List<String> startReviews(List<Long> accountIds, String campaignId) {
    if (accountIds.isEmpty()) {
      return List.of();
    }
    ProcessDefinition latest = repository.createProcessDefinitionQuery()
        .processDefinitionKey(PeriodicReview.PROCESS_KEY).latestVersion().withoutTenantId().singleResult();
    List<String> ids = new ArrayList<>(accountIds.size());
    for (long accountId : accountIds) {
      ids.add(start(runtime.createProcessInstanceById(latest.getId()), accountId, campaignId));
    }
    return ids;
  }

  private static String start(ProcessInstantiationBuilder builder, long accountId,
      String campaignId) {
    return builder.businessKey(ReviewCampaign.reviewKey(campaignId, accountId)).execute().getId();
  }
}
