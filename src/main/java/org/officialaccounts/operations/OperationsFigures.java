package org.officialaccounts.operations;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What an operator watches, read from the database at most once per
 * {@code official-accounts.operations.figures-ttl} however often it is scraped. Every query is
 * bound to an index or to a table that stays small: at 130,000 accounts the job table holds
 * half a million timers, and no scrape reads them all.
 */
@Component
public class OperationsFigures {

  /** One reading. */
  public record Snapshot(
      long openCampaigns,
      long openDirectives,
      Map<String, Long> incidentsByType,
      long dueJobs,
      long lockedJobs,
      long expiredLocks,
      long jobsWithoutRetries) {

    public long incidents(String type) {
      return incidentsByType.getOrDefault(type, 0L);
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(OperationsFigures.class);

  /** A backlog beyond this is reported as this: a count that large is an alert either way. */
  static final int DUE_JOBS_COUNTED = 100_000;
  /** Priorities in use are a handful (the models use 0 and 100); this bounds a surprise. */
  private static final int PRIORITIES_COUNTED = 20;

  private final JdbcTemplate jdbc;
  private final ObjectProvider<OpenDirectives> directives;
  private final long ttlNanos;
  private Snapshot snapshot;
  private long readAt;
  private boolean read;

  public OperationsFigures(DataSource dataSource, ObjectProvider<OpenDirectives> directives,
      OperationsSettings settings) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.directives = directives;
    this.ttlNanos = settings.figuresTtl().toNanos();
  }

  /** The latest reading, taken now if the last one is older than the time to live; empty while the database fails. */
  public synchronized Optional<Snapshot> current() {
    long now = System.nanoTime();
    if (!read || now - readAt >= ttlNanos) {
      read = true;
      try {
        snapshot = readNow();
      } catch (RuntimeException e) {
        // Gauges then show no value rather than a stale one; the health endpoint says why.
        snapshot = null;
        LOG.debug("Operations figures not read: {}", e.getMessage());
      }
      readAt = System.nanoTime();
    }
    return Optional.ofNullable(snapshot);
  }

  private Snapshot readNow() {
    // The engine writes its timestamps from the JVM's clock, so they are compared with the same.
    Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
    long campaigns = count("""
        SELECT COUNT(*) FROM review_campaign c
         WHERE c.reported_at IS NULL
           AND EXISTS (SELECT 1 FROM ACT_RU_EXECUTION e WHERE e.ID_ = c.process_instance_id)""");
    Map<String, Long> incidents = new HashMap<>();
    jdbc.query("SELECT INCIDENT_TYPE_, COUNT(*) FROM ACT_RU_INCIDENT GROUP BY INCIDENT_TYPE_",
        rs -> {
          incidents.put(rs.getString(1), rs.getLong(2));
        });
    long due = dueJobs(now);
    long[] locked = new long[2];
    // The locked jobs have an index of their own on PostgreSQL (EngineIndexPlugin); they are few.
    jdbc.query("SELECT COUNT(*), SUM(CASE WHEN LOCK_EXP_TIME_ < ? THEN 1 ELSE 0 END) FROM ACT_RU_JOB"
        + " WHERE LOCK_OWNER_ IS NOT NULL", rs -> {
          locked[0] = rs.getLong(1);
          locked[1] = rs.getLong(2);
        }, now);
    // A job whose retries ran out has a failedJob incident, so the incidents lead to it.
    long withoutRetries = count("""
        SELECT COUNT(DISTINCT j.ID_) FROM ACT_RU_INCIDENT i JOIN ACT_RU_JOB j ON j.ID_ = i.CONFIGURATION_
         WHERE i.INCIDENT_TYPE_ = 'failedJob' AND j.RETRIES_ = 0""");
    return new Snapshot(campaigns, openDirectives(), Map.copyOf(incidents), due, locked[0] - locked[1], locked[1],
        withoutRetries);
  }

  private long openDirectives() {
    OpenDirectives source = directives.getIfAvailable();
    return source == null ? 0 : source.count();
  }

  private long count(String sql, Object... params) {
    Long count = jdbc.queryForObject(sql, Long.class, params);
    return count == null ? 0 : count;
  }

  /**
   * Jobs due now, counted one priority at a time through the acquisition index (priority, due
   * date): the count then reads the due jobs only, not the half a million timers waiting for
   * days, and each statement stays cheap enough that PostgreSQL does not compile it.
   */
  private long dueJobs(Timestamp now) {
    long due = 0;
    Long priority = jdbc.queryForObject("SELECT MAX(PRIORITY_) FROM ACT_RU_JOB", Long.class);
    for (int i = 0; priority != null && i < PRIORITIES_COUNTED; i++) {
      due += count("""
          SELECT COUNT(*) FROM (SELECT 1 FROM ACT_RU_JOB
                                 WHERE PRIORITY_ = ? AND DUEDATE_ <= ? AND RETRIES_ > 0 AND SUSPENSION_STATE_ = 1
                                   AND (LOCK_EXP_TIME_ IS NULL OR LOCK_EXP_TIME_ < ?)
                                 FETCH FIRST %d ROWS ONLY) due""".formatted(DUE_JOBS_COUNTED), priority, now, now);
      priority = jdbc.queryForObject("SELECT MAX(PRIORITY_) FROM ACT_RU_JOB WHERE PRIORITY_ < ?", Long.class, priority);
    }
    return due;
  }
}
