package org.officialaccounts.guide.adapter;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RuntimeService;
import org.officialaccounts.api.ApiProblems.ForbiddenException;
import org.officialaccounts.guide.GuidePublication;
import org.officialaccounts.guide.PublicationStarter;
import org.officialaccounts.verification.GuideVersion;
import org.springframework.stereotype.Component;

/**
 * Starts GuidePublicationProcess as the person publishing: the engine's own authorization
 * applies, as it does to anyone starting a process through the engine's REST API.
 */
@Component
public class EnginePublicationStarter implements PublicationStarter {

  private final RuntimeService runtime;

  public EnginePublicationStarter(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public String start(GuideVersion version, String publishedBy) {
    try {
      return runtime
          .createProcessInstanceByKey(GuidePublication.PROCESS_KEY)
          .businessKey(GuidePublication.businessKey(version.version()))
          .setVariables(GuideVariables.of(version))
          .setVariable(GuidePublication.Var.PUBLISHED_BY, publishedBy)
          .execute()
          .getId();
    } catch (AuthorizationException e) {
      throw new ForbiddenException("You may not start " + GuidePublication.PROCESS_KEY + ": " + e.getMessage());
    }
  }
}
