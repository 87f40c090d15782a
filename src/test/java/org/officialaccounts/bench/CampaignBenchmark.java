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
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.officialaccounts.bench.RegistryGenerator.Registry;
import org.officialaccounts.bench.RegistryGenerator.StatusMix;
import org.officialaccounts.campaign.CampaignProgress;
import org.officialaccounts.campaign.CampaignService;
import org.officialaccounts.campaign.CampaignSettings;
import org.officialaccounts.security.Groups;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A review campaign over every account of a ministry-sized registry on PostgreSQL, with the job
 * executor, the mail and the authorization checks of production; next to it, in the same run, on
 * the same engine and database, the naive engine loop (start → user task, one instance per
 * transaction, from as many threads as the campaign has partitions). Then Tasklist's REST calls
 * with the campaign's tasks open. Prints the figures; asserts only that the work was really done.
 *
 * <p>It starts from an empty schema: the database must be one of its own (its name contains
 * "bench"). Run with {@code mvn -Pbench verify -Dit.test=CampaignBenchmark}; see docs/performance.md.
 */
@ApplicationUnderBench
class CampaignBenchmark {

  static final String BASELINE_KEY = "BenchmarkBaseline";
  static final String REVIEWER = "bench-reviewer";
  static final String PASSWORD = BenchApplication.PASSWORD;
  /** Every hundredth manager is not a known user: their task is offered to PR &amp; Media instead. */
  static final int UNKNOWN_MANAGER_EVERY = 100;
  static final int QUERY_ROUNDS = 200;

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired CampaignService campaigns;
  @Autowired CampaignSettings settings;
  @Autowired ObjectMapper json;
  private BenchApplication.Http http;


  @DynamicPropertySource
  static void environment(DynamicPropertyRegistry registry) {
    BenchApplication.configure(registry);
  }

  @Test
  void opensEveryReviewFasterThanTheNaiveLoop() throws Exception {
    int accounts = Integer.getInteger("bench.accounts", RegistryGenerator.DEFAULT_ACCOUNTS);
    int threads = settings.getPartitions();
    // How long to follow the reviews' own jobs (pre-checks, task, email) after the opening.
    long waitSeconds = Long.getLong("bench.wait-seconds", 600);

    long started = System.nanoTime();
    Registry registry = RegistryGenerator.generate(dataSource, accounts, StatusMix.ALL_ACTIVE);
    int users = loadManagers();
    System.out.printf("registry: units=%d accounts=%d manager_users=%d loaded_in_ms=%d%n",
        registry.units().size(), registry.accounts().size(), users, millisSince(started));
    createUsers();
    // The engine's job table grows from nothing to hundreds of thousands of rows within minutes;
    // the plan of the job executor's acquisition query depends on its statistics being fresh.
    System.out.println("postgres: " + jdbc.sql("SELECT string_agg(name || '=' || setting, ' ' ORDER BY name)"
        + " FROM pg_settings WHERE name IN ('autovacuum', 'shared_buffers', 'synchronous_commit', 'random_page_cost')")
        .query(String.class).single());

    // The naive loop first, on the empty engine: the campaign then runs on top of its instances.
    PublicVerifyBenchmark.CpuTimes cpu = PublicVerifyBenchmark.CpuTimes.now();
    Rate baseline = baseline(accounts, threads);
    System.out.printf(Locale.ROOT, "baseline: instances=%d threads=%d seconds=%.1f per_s=%.1f %s%n",
        baseline.count(), threads, baseline.seconds(), baseline.perSecond(), cpuSince(cpu));

    resetPeakHeap();
    cpu = PublicVerifyBenchmark.CpuTimes.now();
    long launched = System.nanoTime();
    JsonNode answer = call("POST", "/api/campaigns", REVIEWER,
        "{\"campaignName\":\"Benchmark\",\"scope\":\"all\"}", 202);
    String campaignId = answer.get("campaignId").asText();
    CampaignProgress progress = awaitOpened(campaignId, launched);
    double openedSeconds = secondsSince(launched);
    long heapMb = peakHeapBytes() / (1024 * 1024);
    long mailsAtOpen = attestationMails();
    String openingCpu = cpuSince(cpu);
    long readyAtOpen = attestationTasks();

    long reviews = jdbc.sql("SELECT COUNT(DISTINCT BUSINESS_KEY_) FROM ACT_RU_EXECUTION WHERE BUSINESS_KEY_ LIKE ?"
        + " AND PARENT_ID_ IS NULL").param("campaign:" + campaignId + ":%").query(Long.class).single();

    // Each review's pre-checks, its manager's task and timers follow in the review's own job.
    cpu = PublicVerifyBenchmark.CpuTimes.now();
    long tasks = await(this::attestationTasks, accounts, waitSeconds);
    double readySeconds = secondsSince(launched);
    // A manager who is not a user still has an address: every review announces itself by email.
    long expectedMails = accounts;
    long mails = await(this::attestationMails, expectedMails, waitSeconds);
    double mailSeconds = secondsSince(launched);
    String followUpCpu = cpuSince(cpu);

    // Tasklist's own calls (a filter's page of 15 with its variables, and its count), with
    // authorization on and the campaign's attestation tasks open.
    String manager = jdbc.sql("SELECT ID_ FROM ACT_ID_USER WHERE ID_ LIKE 'mgr-%' ORDER BY ID_ LIMIT 1")
        .query(String.class).single();
    givePassword(manager);
    long tasksDuringQueries = attestationTasks();
    Latency reviewer = tasklist(REVIEWER, filterId("pr-media"));
    Latency managerQueue = tasklist(manager, filterId("my-tasks"));

    long reviewerQueue = jdbc.sql("SELECT COUNT(*) FROM ACT_RU_IDENTITYLINK WHERE GROUP_ID_ = ? AND TYPE_ = 'candidate'")
        .param(Groups.PR_MEDIA).query(Long.class).single();
    long incidents = jdbc.sql("SELECT COUNT(*) FROM ACT_RU_INCIDENT").query(Long.class).single();

    double perSecond = progress.opened() / openedSeconds;
    System.out.printf(Locale.ROOT, "reviews: opened=%d skipped=%d distinct_business_keys=%d ready_while_opening=%d%n",
        progress.opened(), progress.skipped(), reviews, readyAtOpen);
    System.out.printf(Locale.ROOT, "reviews ready (pre-checks done, manager's task open): %d of %d after %.1f s;"
        + " offered_to_pr_media=%d incidents=%d%n", tasks, accounts, readySeconds, reviewerQueue, incidents);
    System.out.printf(Locale.ROOT, "mail: attestation_requests=%d of %d after %.1f s (sent while opening: %d)%n",
        mails, expectedMails, mailSeconds, mailsAtOpen);
    System.out.printf(Locale.ROOT, "follow-up: reviews_ready_per_s=%.1f after the opening, %s%n",
        (tasks - readyAtOpen) / Math.max(0.001, readySeconds - openedSeconds), followUpCpu);
    System.out.printf(Locale.ROOT, "tasklist: attestation_tasks_open=%d reviewer_queue=%d reviewer_p50_ms=%.1f"
        + " reviewer_p95_ms=%.1f reviewer_max_ms=%.1f manager_p50_ms=%.1f manager_p95_ms=%.1f manager_max_ms=%.1f"
        + " (list of 15 + count, %d rounds each)%n",
        tasksDuringQueries, reviewer.total(), reviewer.p50(), reviewer.p95(), reviewer.max(),
        managerQueue.p50(), managerQueue.p95(), managerQueue.max(), QUERY_ROUNDS);
    System.out.println("campaign cpu while opening: " + openingCpu);
    System.out.printf(Locale.ROOT, "campaign: accounts=%d opened_s=%.1f per_s=%.1f baseline_per_s=%.1f ratio=%.2f"
        + " heap_mb=%d%n", accounts, openedSeconds, perSecond, baseline.perSecond(),
        perSecond / baseline.perSecond(), heapMb);

    assertThat(progress.opened()).isEqualTo(accounts);
    assertThat(reviews).isEqualTo(accounts);
    assertThat(tasks).isPositive();
    assertThat(mails).isPositive();
    assertThat(reviewer.total()).isPositive();
    assertThat(managerQueue.total()).isEqualTo(1);
    assertThat(incidents).isZero();
  }

  // ---------------------------------------------------------------------------------------------
  // The baseline

  record Rate(long count, double seconds) {
    double perSecond() {
      return count / seconds;
    }
  }

  private Rate baseline(int instances, int threads) throws Exception {
    BpmnModelInstance model = Bpmn.createExecutableProcess(BASELINE_KEY)
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask("Task_Baseline")
        .endEvent()
        .done();
    repository.createDeployment().name("benchmark baseline").addModelInstance("baseline.bpmn", model).deploy();
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long started = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      done.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < instances; i = next.getAndIncrement()) {
          runtime.startProcessInstanceByKey(BASELINE_KEY, "baseline:" + i);
        }
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    double seconds = secondsSince(started);
    pool.shutdown();
    long count = runtime.createProcessInstanceQuery().processDefinitionKey(BASELINE_KEY).count();
    assertThat(count).isEqualTo(instances);
    return new Rate(count, seconds);
  }

  // ---------------------------------------------------------------------------------------------
  // The campaign

  private CampaignProgress awaitOpened(String campaignId, long launched) throws InterruptedException {
    long lastPrint = 0;
    while (true) {
      Integer selected = jdbc.sql("SELECT selected FROM review_campaign WHERE id = ?").param(campaignId)
          .query(Integer.class).optional().orElse(null);
      CampaignProgress progress = campaigns.progress(campaignId);
      if (selected != null && progress.unopened() == 0) {
        return progress;
      }
      long now = System.nanoTime();
      if (now - lastPrint > TimeUnit.SECONDS.toNanos(15)) {
        lastPrint = now;
        System.out.printf(Locale.ROOT, "  %.0f s: selected=%s opened=%d%n", secondsSince(launched), selected,
            progress.opened());
      }
      if (secondsSince(launched) > 3_600) {
        throw new IllegalStateException("Campaign not opened within an hour: " + progress);
      }
      Thread.sleep(250);
    }
  }

  private long attestationMails() {
    return jdbc.sql("SELECT COUNT(*) FROM notification WHERE template = 'review-attestation-request'")
        .query(Long.class).single();
  }

  private long attestationTasks() {
    return jdbc.sql("SELECT COUNT(*) FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = 'Task_ReviewAttestation'")
        .query(Long.class).single();
  }

  // ---------------------------------------------------------------------------------------------
  // Tasklist

  record Latency(long total, double p50, double p95, double max) {}

  private Latency tasklist(String user, String filterId) throws Exception {
    String page = "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15";
    String body = "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";
    long total = 0;
    double[] millis = new double[QUERY_ROUNDS];
    for (int round = -20; round < QUERY_ROUNDS; round++) {
      long started = System.nanoTime();
      JsonNode list = call("POST", page, user, body, 200, "application/hal+json");
      JsonNode count = call("GET", "/engine-rest/filter/" + filterId + "/count", user, null, 200, "application/json");
      double ms = (System.nanoTime() - started) / 1e6;
      assertThat(list.path("_embedded").path("task").size()).isLessThanOrEqualTo(15);
      total = count.get("count").asLong();
      if (round >= 0) {
        millis[round] = ms;
      }
    }
    Arrays.sort(millis);
    return new Latency(total, millis[QUERY_ROUNDS / 2], millis[(int) Math.ceil(QUERY_ROUNDS * 0.95) - 1],
        millis[QUERY_ROUNDS - 1]);
  }

  private String filterId(String key) {
    for (Filter filter : filters.createTaskFilterQuery().list()) {
      if (filter.getProperties() != null && key.equals(filter.getProperties().get("key"))) {
        return filter.getId();
      }
    }
    throw new IllegalStateException("No Tasklist filter " + key);
  }

  // ---------------------------------------------------------------------------------------------
  // People

  /**
   * Every account's manager becomes a user (as with the ministry's directory behind the engine),
   * except every hundredth, whose tasks then go to PR &amp; Media; loaded with COPY, no password.
   */
  private int loadManagers() throws SQLException, java.io.IOException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
      StringBuilder rows = new StringBuilder();
      int count = 0;
      try (ResultSet rs = statement.executeQuery("SELECT id, manager_name, manager_email FROM account ORDER BY id")) {
        while (rs.next()) {
          long id = rs.getLong(1);
          if (id % UNKNOWN_MANAGER_EVERY == 0) {
            continue;
          }
          String[] name = rs.getString(2).split(" ", 2);
          rows.append("mgr-").append(id).append('\t').append(1).append('\t').append(name[0]).append('\t')
              .append(name.length > 1 ? name[1] : "").append('\t').append(rs.getString(3)).append('\n');
          count++;
        }
      }
      copy.copyIn("COPY act_id_user (id_, rev_, first_, last_, email_) FROM STDIN",
          new java.io.StringReader(rows.toString()));
      statement.execute("ANALYZE act_id_user");
      return count;
    }
  }

  private void createUsers() {
    User reviewer = identity.newUser(REVIEWER);
    reviewer.setFirstName("Bench");
    reviewer.setLastName("Reviewer");
    reviewer.setEmail(REVIEWER + "@moe.example");
    reviewer.setPassword(PASSWORD);
    identity.saveUser(reviewer);
    identity.createMembership(REVIEWER, Groups.PR_MEDIA);
  }

  private void givePassword(String userId) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    user.setPassword(PASSWORD);
    identity.saveUser(user);
  }

  // ---------------------------------------------------------------------------------------------
  // HTTP

  private JsonNode call(String method, String path, String user, String body, int expected) throws Exception {
    return http().call(method, path, user, body, expected);
  }

  private JsonNode call(String method, String path, String user, String body, int expected, String accept)
      throws Exception {
    return http().call(method, path, user, body, expected, accept);
  }

  /** One client for the whole run, so Tasklist's calls reuse their connection as a browser's do. */
  private BenchApplication.Http http() {
    if (http == null) {
      http = new BenchApplication.Http(port, json);
    }
    return http;
  }
}
