package org.officialaccounts.system;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.UnlockJobCmd;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The threads the job executor runs jobs on, and the job executor's part in a graceful shutdown.
 *
 * <p>On SIGTERM the node stops acquiring jobs, lets the jobs it is running finish and commit,
 * and hands back the jobs it had acquired but not started, before the context closes the
 * database pool; the other nodes take those at their next acquisition instead of waiting for
 * the locks to expire. Without this, Spring would interrupt the running jobs and the pool would
 * close under them: their transactions roll back, and an email already handed to the mail server
 * goes out again when its job runs a second time. The wait is bounded by
 * {@code spring.lifecycle.timeout-per-shutdown-phase}, the same bound as the web server's
 * requests in flight, which stop alongside.
 */
@Component(JobWorkers.BEAN_NAME)
@ConditionalOnProperty(prefix = "camunda.bpm.job-execution", name = "enabled", havingValue = "true", matchIfMissing = true)
public class JobWorkers implements TaskExecutor, SmartLifecycle, DisposableBean {

  /** The name the Camunda starter looks the job executor's threads up by (it backs off from its own). */
  static final String BEAN_NAME = "camundaTaskExecutor";

  private static final Logger LOG = LoggerFactory.getLogger(JobWorkers.class);

  private final ThreadPoolExecutor pool;
  private final ObjectProvider<JobExecutor> jobExecutor;
  private final ObjectProvider<ProcessEngine> engine;
  private final Duration drainTimeout;
  private volatile boolean running;

  public JobWorkers(CamundaBpmProperties camunda, ObjectProvider<JobExecutor> jobExecutor,
      ObjectProvider<ProcessEngine> engine,
      @Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration drainTimeout) {
    JobExecutionProperty settings = camunda.getJobExecution();
    int capacity = settings.getQueueCapacity();
    BlockingQueue<Runnable> queue = capacity > 0 ? new LinkedBlockingQueue<>(capacity) : new SynchronousQueue<>();
    AtomicInteger count = new AtomicInteger();
    // Daemon threads: a context that fails to start must not keep the JVM alive.
    this.pool = new ThreadPoolExecutor(settings.getCorePoolSize(), settings.getMaxPoolSize(),
        settings.getKeepAliveSeconds() == null ? 60 : settings.getKeepAliveSeconds(), TimeUnit.SECONDS, queue,
        task -> {
          Thread thread = new Thread(task, "job-worker-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    this.jobExecutor = jobExecutor;
    this.engine = engine;
    // A little under the phase's bound, so the hand-back still runs inside it.
    this.drainTimeout = drainTimeout.minusSeconds(Math.min(5, drainTimeout.toSeconds() / 4));
  }

  /** A job batch the job executor acquired; a full queue refuses it and the job executor backs off. */
  @Override
  public void execute(Runnable task) {
    pool.execute(task);
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Alongside the web server's graceful shutdown: both wait for their work in flight. */
  @Override
  public int getPhase() {
    return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE;
  }

  @Override
  public void stop() {
    drain();
  }

  @Override
  public void stop(Runnable callback) {
    Thread thread = new Thread(() -> {
      try {
        drain();
      } finally {
        callback.run();
      }
    }, "job-workers-shutdown");
    thread.setDaemon(true);
    thread.start();
  }

  private void drain() {
    if (!running) {
      return;
    }
    running = false;
    long started = System.nanoTime();
    JobExecutor executor = jobExecutor.getIfAvailable();
    String lockOwner = executor == null ? null : executor.getLockOwner();
    if (executor != null) {
      // Stops acquisition; a batch still queued then unlocks its jobs instead of running them.
      executor.shutdown();
    }
    int active = pool.getActiveCount();
    int queued = pool.getQueue().size();
    pool.shutdown();
    LOG.info("Job executor stopped acquiring; waiting up to {} s for {} running and {} queued job batches",
        drainTimeout.toSeconds(), active, queued);
    boolean finished;
    try {
      finished = pool.awaitTermination(drainTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      finished = false;
    }
    if (!finished) {
      LOG.warn("Job executor: {} job batches still running after {} s; their transactions roll back when the"
          + " process ends and their jobs run again once their locks expire", pool.getActiveCount(),
          drainTimeout.toSeconds());
      return;
    }
    int handedBack = unlockLeftovers(lockOwner);
    LOG.info("Job executor stopped: every job it started has finished, {} acquired but not started were handed"
        + " back, none is left locked by {} ({} ms)", handedBack, lockOwner,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }

  /**
   * Jobs this node locked but never ran: batches the full queue refused. Nothing of this node
   * touches them any more, so they are unlocked through the engine as a queued batch would be.
   */
  private int unlockLeftovers(String lockOwner) {
    ProcessEngine processEngine = engine.getIfAvailable();
    if (lockOwner == null || processEngine == null) {
      return 0;
    }
    try {
      ProcessEngineConfigurationImpl configuration =
          (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
      List<String> ids = new JdbcTemplate(configuration.getDataSource()).queryForList(
          "SELECT ID_ FROM " + configuration.getDatabaseTablePrefix() + "ACT_RU_JOB WHERE LOCK_OWNER_ = ?",
          String.class, lockOwner);
      ids.forEach(id -> configuration.getCommandExecutorTxRequired().execute(new UnlockJobCmd(id)));
      return ids.size();
    } catch (RuntimeException e) {
      // The database may be what is failing; the locks then expire on their own.
      LOG.warn("Could not hand back the jobs locked by {}: {}", lockOwner, e.getMessage());
      return 0;
    }
  }

  /** Last resort after the shutdown phase: anything still running is interrupted. */
  @Override
  public void destroy() {
    pool.shutdownNow();
  }
}
