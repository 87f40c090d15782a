package org.officialaccounts.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.officialaccounts.bench.BenchApplication.await;
import static org.officialaccounts.bench.BenchApplication.cpuSince;
import static org.officialaccounts.bench.BenchApplication.millisSince;
import static org.officialaccounts.bench.BenchApplication.peakHeapBytes;
import static org.officialaccounts.bench.BenchApplication.resetPeakHeap;
import static org.officialaccounts.bench.BenchApplication.secondsSince;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.officialaccounts.bench.RegistryGenerator.Registry;
import org.officialaccounts.bench.RegistryGenerator.StatusMix;
import org.officialaccounts.directive.DirectiveSettings;
import org.officialaccounts.security.Groups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A consolidation directive over every account in the 47 education departments of a ministry-
 * sized unit tree on PostgreSQL (about 5,000 accounts, as the Saudi ministry closed 4,795 in a
 * month), with the job executor, the mail and the authorization checks of production: from the
 * Undersecretary's completing "Hold leadership meeting" to every AccountClosureProcess started and
 * recorded in the ledger. Prints the figures; asserts only that the work was really done, once
 * per account.
 *
 * <p>It starts from an empty schema: the database must be one of its own (its name contains
 * "bench"). Run with {@code mvn -Pbench verify -Dit.test=DirectiveBenchmark}; see docs/performance.md.
 */
@ApplicationUnderBench
class DirectiveBenchmark {

  static final String UNDERSECRETARY = "bench-undersecretary";
  /**
   * Accounts in the registry: with the registry's mix (8% already closed) and its shape (the
   * departments' subtrees hold 96% of the units), about 5,000 of them are in scope.
   */
  static final int DEFAULT_ACCOUNTS = 5_650;

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;
  @Autowired IdentityService identity;
  @Autowired DirectiveSettings settings;
  @Autowired ObjectMapper json;

  @DynamicPropertySource
  static void environment(DynamicPropertyRegistry registry) {
    BenchApplication.configure(registry);
  }

  @Test
  void opensEveryClosureOfTheDirective() throws Exception {
    int accounts = Integer.getInteger("bench.directive-accounts", DEFAULT_ACCOUNTS);
    long waitSeconds = Long.getLong("bench.wait-seconds", 600);
    BenchApplication.Http http = new BenchApplication.Http(port, json);

    long started = System.nanoTime();
    Registry registry = RegistryGenerator.generate(dataSource, accounts, StatusMix.IN_SERVICE);
    System.out.printf("registry: units=%d accounts=%d loaded_in_ms=%d%n", registry.units().size(),
        registry.accounts().size(), millisSince(started));
    createUndersecretary();

    // The ministry's own official accounts remain; the departments close all of theirs.
    List<String> officials = jdbc.sql("SELECT canonical_url FROM account WHERE unit_code = 'MOE' AND status = 'ACTIVE'"
        + " AND official ORDER BY platform").query(String.class).list();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Map<String, Object> directive = new LinkedHashMap<>();
    directive.put("directiveSource", "Government Communication Center");
    directive.put("directiveSourceEmail", "directives@gcc.example");
    directive.put("directiveReference", "BENCH-" + System.currentTimeMillis());
    directive.put("directiveDate", today.toString());
    directive.put("directiveSummary", "One official account per body; every other account closes.");
    directive.put("scopeUnitTypes", List.of("EDUCATION_DEPARTMENT"));
    directive.put("deadline", today.plusDays(30).toString());
    directive.put("officialAccounts", officials);
    JsonNode answer = http.call("POST", "/api/directives", UNDERSECRETARY, json.writeValueAsString(directive), 202);
    String id = answer.get("directiveId").asText();
    String instance = answer.get("processInstanceId").asText();
    String task = jdbc.sql("SELECT ID_ FROM ACT_RU_TASK WHERE PROC_INST_ID_ = ?").param(instance)
        .query(String.class).single();

    Map<String, Object> meeting = new LinkedHashMap<>();
    meeting.put("meetingDate", Map.of("value", today.toString()));
    meeting.put("meetingAttendees", Map.of("value", "The Undersecretary\nThe directors of the 47 departments"));
    meeting.put("meetingDecision", Map.of("value", "confirm"));
    meeting.put("deadline", Map.of("value", today.plusDays(30).toString()));
    meeting.put("meetingMinutes", Map.of("value", "Every department complies."));

    PublicVerifyBenchmark.waitForQuietMachine(Integer.getInteger("bench.quiet-wait", 120));
    System.out.println("load average before the meeting's decision: " + loadAverage());
    resetPeakHeap();
    PublicVerifyBenchmark.CpuTimes cpu = PublicVerifyBenchmark.CpuTimes.now();
    long launched = System.nanoTime();
    http.call("POST", "/engine-rest/task/" + task + "/complete", UNDERSECRETARY,
        json.writeValueAsString(Map.of("variables", meeting)), 204);
    long selected = awaitOpened(id, launched);
    double openedSeconds = secondsSince(launched);
    long heapMb = peakHeapBytes() / (1024 * 1024);
    String openingCpu = cpuSince(cpu);
    String openingLoad = loadAverage();

    long closures = jdbc.sql("SELECT COUNT(DISTINCT BUSINESS_KEY_) FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ LIKE ?")
        .param("closure:" + id + ":%").query(Long.class).single();
    long instances = jdbc.sql("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ LIKE ?")
        .param("closure:" + id + ":%").query(Long.class).single();
    long units = jdbc.sql("SELECT COUNT(*) FROM directive_unit WHERE directive_id = ?").param(id)
        .query(Long.class).single();

    // What follows on its own: each unit's notice, and each closure's first step (the account turns CLOSING).
    cpu = PublicVerifyBenchmark.CpuTimes.now();
    long notices = await(() -> jdbc.sql("SELECT COUNT(*) FROM directive_unit WHERE directive_id = ?"
        + " AND notice_sent_at IS NOT NULL").param(id).query(Long.class).single(), units, waitSeconds);
    double noticesSeconds = secondsSince(launched);
    long recorded = await(() -> jdbc.sql("SELECT COUNT(*) FROM account_closure WHERE directive_id = ?").param(id)
        .query(Long.class).single(), selected, waitSeconds);
    double recordedSeconds = secondsSince(launched);
    String followUpCpu = cpuSince(cpu);
    long incidents = jdbc.sql("SELECT COUNT(*) FROM ACT_RU_INCIDENT").query(Long.class).single();

    System.out.printf(Locale.ROOT, "directive %s: in_scope=%d units=%d closures_started=%d distinct_business_keys=%d%n",
        id, selected, units, instances, closures);
    System.out.printf(Locale.ROOT, "follow-up: notices=%d of %d after %.1f s, closures_recorded=%d of %d after %.1f s,"
        + " incidents=%d, %s%n", notices, units, noticesSeconds, recorded, selected, recordedSeconds, incidents,
        followUpCpu);
    System.out.println("directive cpu while opening: " + openingCpu + " partitions=" + settings.getPartitions()
        + " chunk_size=" + settings.getChunkSize() + "; load average when opened: " + openingLoad);
    System.out.printf(Locale.ROOT, "directive: accounts=%d opened_s=%.1f per_s=%.1f heap_mb=%d%n", selected,
        openedSeconds, selected / openedSeconds, heapMb);

    assertThat(selected).isGreaterThan(accounts / 2);
    assertThat(instances).isEqualTo(selected);
    assertThat(closures).isEqualTo(selected);
    assertThat(units).isEqualTo(47);
    assertThat(incidents).isZero();
  }

  /** Waits until every account in scope has its closure recorded in the ledger; returns how many. */
  private long awaitOpened(String id, long launched) throws InterruptedException {
    long lastPrint = 0;
    while (true) {
      Integer selected = jdbc.sql("SELECT selected FROM consolidation_directive WHERE id = ?").param(id)
          .query(Integer.class).optional().orElse(null);
      long opened = jdbc.sql("SELECT COUNT(*) FROM directive_closure WHERE directive_id = ?"
          + " AND process_instance_id IS NOT NULL").param(id).query(Long.class).single();
      if (selected != null && opened >= selected) {
        return selected;
      }
      long now = System.nanoTime();
      if (now - lastPrint > TimeUnit.SECONDS.toNanos(10)) {
        lastPrint = now;
        System.out.printf(Locale.ROOT, "  %.0f s: selected=%s opened=%d%n", secondsSince(launched), selected, opened);
      }
      if (secondsSince(launched) > 1_800) {
        throw new IllegalStateException("Directive not opened within half an hour: " + opened + " of " + selected);
      }
      Thread.sleep(100);
    }
  }

  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  private void createUndersecretary() {
    User user = identity.newUser(UNDERSECRETARY);
    user.setFirstName("Bench");
    user.setLastName("Undersecretary");
    user.setEmail(UNDERSECRETARY + "@moe.example");
    user.setPassword(BenchApplication.PASSWORD);
    identity.saveUser(user);
    identity.createMembership(UNDERSECRETARY, Groups.UNDERSECRETARY);
  }
}
