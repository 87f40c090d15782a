package org.officialaccounts.operations;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * The process engine answers: one small read through the engine itself (its own property
 * table), so a broken engine configuration shows even when the database is fine.
 */
@Component("engineHealthIndicator")
public class EngineHealth extends AbstractHealthIndicator {

  private final ProcessEngine engine;

  public EngineHealth(ProcessEngine engine) {
    super("Process engine not answering");
    this.engine = engine;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    Map<String, String> properties = engine.getManagementService().getProperties();
    builder.up()
        .withDetail("name", engine.getName())
        .withDetail("schemaVersion", properties.getOrDefault("schema.version", "?"))
        .withDetail("historyLevel", engine.getProcessEngineConfiguration().getHistory());
  }
}
