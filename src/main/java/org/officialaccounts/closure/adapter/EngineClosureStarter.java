package org.officialaccounts.closure.adapter;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.officialaccounts.closure.Closure;
import org.officialaccounts.closure.ClosureOrder;
import org.officialaccounts.closure.ClosureStarter;
import org.springframework.stereotype.Component;

/**
 * Starts closures through the model's message start "Closure ordered", so Cockpit shows how each
 * began; the business key ties a closure to its account and to the directive that ordered it.
 */
@Component
public class EngineClosureStarter implements ClosureStarter {

  private final RuntimeService runtime;

  public EngineClosureStarter(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public List<String> startClosures(List<ClosureOrder> orders) {
    List<String> ids = new ArrayList<>(orders.size());
    for (ClosureOrder order : orders) {
      ids.add(runtime.createMessageCorrelation(Closure.START_MESSAGE)
          .processInstanceBusinessKey(order.businessKey())
          .setVariables(ClosureVariables.of(order))
          .correlateStartMessage()
          .getId());
    }
    return ids;
  }
}
