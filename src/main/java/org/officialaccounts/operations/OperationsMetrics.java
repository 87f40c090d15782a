package org.officialaccounts.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.function.ToLongFunction;
import org.officialaccounts.operations.OperationsFigures.Snapshot;
import org.springframework.stereotype.Component;

/**
 * The gauges an operator alerts on (see the README, "Operating it"). Each reads the shared
 * snapshot, so a scrape costs at most one round of queries; a gauge has no value while the
 * database cannot be read.
 */
@Component
public class OperationsMetrics implements MeterBinder {

  /** The engine's own incident types; any other type is counted as "other". */
  static final List<String> INCIDENT_TYPES = List.of("failedJob", "failedExternalTask");

  private final OperationsFigures figures;

  public OperationsMetrics(OperationsFigures figures) {
    this.figures = figures;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    gauge(registry, "oa.campaigns.open", "Review campaigns running and not yet reported", Snapshot::openCampaigns);
    gauge(registry, "oa.directives.open", "Consolidation directives not yet concluded", Snapshot::openDirectives);
    gauge(registry, "oa.jobs.due", "Jobs due now and waiting for a job executor thread", Snapshot::dueJobs);
    gauge(registry, "oa.jobs.locked", "Jobs a node has acquired and holds the lock of", Snapshot::lockedJobs);
    gauge(registry, "oa.jobs.lock.expired",
        "Jobs still locked after their lock expired: their node died or a job outlived its lock", Snapshot::expiredLocks);
    gauge(registry, "oa.jobs.no.retries", "Jobs whose retries ran out (each has an incident)",
        Snapshot::jobsWithoutRetries);
    for (String type : INCIDENT_TYPES) {
      Gauge.builder("oa.incidents.open", figures, f -> value(f, s -> s.incidents(type)))
          .description("Open incidents, as Cockpit lists them").tag("type", type).register(registry);
    }
    Gauge.builder("oa.incidents.open", figures, f -> value(f, OperationsMetrics::otherIncidents))
        .description("Open incidents, as Cockpit lists them").tag("type", "other").register(registry);
  }

  private void gauge(MeterRegistry registry, String name, String description, ToLongFunction<Snapshot> figure) {
    Gauge.builder(name, figures, f -> value(f, figure)).description(description).register(registry);
  }

  private static double value(OperationsFigures figures, ToLongFunction<Snapshot> figure) {
    return figures.current().map(s -> (double) figure.applyAsLong(s)).orElse(Double.NaN);
  }

  private static long otherIncidents(Snapshot snapshot) {
    return snapshot.incidentsByType().entrySet().stream()
        .filter(e -> !INCIDENT_TYPES.contains(e.getKey()))
        .mapToLong(java.util.Map.Entry::getValue)
        .sum();
  }
}
