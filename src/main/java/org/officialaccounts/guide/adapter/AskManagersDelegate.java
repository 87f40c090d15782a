package org.officialaccounts.guide.adapter;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.VariableMap;
import org.officialaccounts.guide.GuideAcknowledgement;
import org.officialaccounts.guide.GuidePublication.Var;
import org.officialaccounts.guide.GuideService;
import org.officialaccounts.guide.GuideSettings;
import org.officialaccounts.verification.GuideVersion;
import org.springframework.stereotype.Component;

/**
 * "Ask managers to acknowledge": starts one GuideAcknowledgementProcess for each of the next
 * managers not yet asked, at most {@code guideSettings.launchChunkSize} per transaction, and
 * marks each in the ledger in the same transaction. A manager someone else has marked fails the
 * whole chunk, so a repeated or concurrent run, or a crash half-way, never gives a manager two
 * tasks: what was started with the chunk is rolled back with it.
 */
@Component("askManagersDelegate")
public class AskManagersDelegate implements JavaDelegate {

  private final GuideService guides;
  private final GuideSettings settings;

  public AskManagersDelegate(GuideService guides, GuideSettings settings) {
    this.guides = guides;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String version = GuideVariables.version(execution);
    List<String> managers = guides.notYetAsked(version, settings.getLaunchChunkSize());
    GuideVersion guide = GuideVariables.guide(execution);
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    for (String manager : managers) {
      VariableMap variables = GuideVariables.of(guide)
          .putValue(GuideAcknowledgement.Var.MANAGER_EMAIL, manager);
      String started = runtime
          .createProcessInstanceByKey(GuideAcknowledgement.PROCESS_KEY)
          .businessKey(GuideAcknowledgement.businessKey(version, manager))
          .setVariables(variables)
          .execute()
          .getId();
      if (!guides.markAsked(version, manager, started)) {
        throw new IllegalStateException("Manager " + manager + " is already being asked to acknowledge version "
            + version + "; nothing of this chunk is kept");
      }
    }
    Object asked = execution.getVariable(Var.MANAGERS_ASKED);
    execution.setVariable(Var.MANAGERS_ASKED, (asked instanceof Number n ? n.longValue() : 0L) + managers.size());
    execution.setVariable(Var.MANAGERS_LEFT, !managers.isEmpty() && guides.countNotYetAsked(version) > 0);
  }
}
