package org.officialaccounts.directive.adapter;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.closure.Closure;
import org.officialaccounts.system.JobDefinitionHold;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * "Hold closures' first step" and "Release closures' first step": while a directive opens its
 * closures, their "Open closure" jobs wait (see {@link JobDefinitionHold}); Cockpit shows the job
 * definition "Open closure" of AccountClosureProcess suspended meanwhile. The directive's end
 * listener releases too, so a directive cancelled mid-opening leaves nothing held.
 */
@Configuration
public class ClosureFirstStepHold {

  private final JobDefinitionHold hold;

  public ClosureFirstStepHold(ManagementService management, RepositoryService repository) {
    this.hold = new JobDefinitionHold(management, repository, Closure.PROCESS_KEY, Closure.Element.OPEN,
        "Closures' first step");
  }

  @Bean
  JavaDelegate holdClosuresDelegate() {
    return execution -> hold.hold();
  }

  @Bean
  JavaDelegate releaseClosuresDelegate() {
    return execution -> hold.release();
  }
}
