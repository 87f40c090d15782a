package org.officialaccounts.guide.adapter;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.guide.GuidePublication.Var;
import org.officialaccounts.guide.GuideService;
import org.officialaccounts.guide.GuideVersionRules;
import org.officialaccounts.system.EngineErrors;
import org.springframework.stereotype.Component;

/**
 * "Publish version": the version is in the registry and every manager of a live account is in
 * the ledger of those who must acknowledge it. Repeating it adds only who is missing.
 */
@Component("publishVersionDelegate")
public class PublishVersionDelegate implements JavaDelegate {

  private final GuideService guides;
  private final GuideVersionRules rules;

  public PublishVersionDelegate(GuideService guides, GuideVersionRules rules) {
    this.guides = guides;
    this.rules = rules;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // Started over the engine's REST API instead of POST /api/guide-versions: the same checks.
    Map<String, Object> submitted = new HashMap<>();
    submitted.put("version", execution.getVariable(Var.GUIDE_VERSION));
    submitted.put("effectiveDate", execution.getVariable(Var.EFFECTIVE_DATE));
    submitted.put("summary", execution.getVariable(Var.GUIDE_SUMMARY));
    submitted.put("link", execution.getVariable(Var.GUIDE_LINK));
    EngineErrors.rejectIfInvalid(rules.check(submitted).errors());
    Object by = execution.getVariable(Var.PUBLISHED_BY);
    long requested = guides.requestAcknowledgements(GuideVariables.guide(execution), by == null ? "system" : by.toString());
    execution.setVariable(Var.MANAGERS_REQUESTED, requested);
    execution.setVariable(Var.MANAGERS_ASKED, 0L);
  }
}
