package org.officialaccounts.guide.adapter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.guide.GuidePublication.Var;
import org.officialaccounts.guide.GuideService;
import org.springframework.stereotype.Component;

/**
 * "Publish version": the version is in the registry and every manager of a live account is in
 * the ledger of those who must acknowledge it. Repeating it adds only who is missing.
 */
@Component("publishVersionDelegate")
public class PublishVersionDelegate implements JavaDelegate {

  private final GuideService guides;

  public PublishVersionDelegate(GuideService guides) {
    this.guides = guides;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object by = execution.getVariable(Var.PUBLISHED_BY);
    long requested = guides.requestAcknowledgements(GuideVariables.guide(execution), by == null ? "system" : by.toString());
    execution.setVariable(Var.MANAGERS_REQUESTED, requested);
    execution.setVariable(Var.MANAGERS_ASKED, 0L);
  }
}
