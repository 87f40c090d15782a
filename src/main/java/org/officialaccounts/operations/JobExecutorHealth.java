package org.officialaccounts.operations;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * This node's job executor: whether it acquires jobs, its lock owner (as the job table shows it
 * in {@code LOCK_OWNER_}) and the cluster's backlog. Down when it should run and does not;
 * unknown where it is switched off, which does not make the node unhealthy.
 */
@Component("jobExecutorHealthIndicator")
public class JobExecutorHealth extends AbstractHealthIndicator {

  private final ProcessEngine engine;
  private final OperationsFigures figures;
  private final boolean enabled;

  public JobExecutorHealth(ProcessEngine engine, OperationsFigures figures,
      @Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled) {
    super("Job executor state not readable");
    this.engine = engine;
    this.figures = figures;
    this.enabled = enabled;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    if (!enabled || executor == null) {
      builder.unknown().withDetail("reason", "job execution is switched off (camunda.bpm.job-execution.enabled)");
      return;
    }
    builder.status(executor.isActive() ? Status.UP : Status.DOWN)
        .withDetail("acquiring", executor.isActive())
        .withDetail("lockOwner", executor.getLockOwner())
        .withDetail("lockTimeInMillis", executor.getLockTimeInMillis())
        .withDetail("maxJobsPerAcquisition", executor.getMaxJobsPerAcquisition());
    figures.current().ifPresent(s -> builder
        .withDetail("dueJobs", s.dueJobs())
        .withDetail("lockedJobs", s.lockedJobs())
        .withDetail("expiredLocks", s.expiredLocks())
        .withDetail("jobsWithoutRetries", s.jobsWithoutRetries()));
  }
}
