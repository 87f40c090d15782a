package org.officialaccounts.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.officialaccounts.support.AppNode;
import org.officialaccounts.support.AppNode.Answer;
import org.officialaccounts.support.TcpProxy;
import org.officialaccounts.support.TestDatabase;
import org.officialaccounts.support.TestMailServer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Two application processes started from the packaged jar, on two ports, on one PostgreSQL
 * database, each with its job executor: one Camunda cluster, as production runs it. Their
 * database connections go through a {@link TcpProxy} the test can cut; their mail goes to a
 * GreenMail server in this JVM the test can stop. Each node's log is in target/cluster-logs/.
 *
 * <p>Settings that make failures quick to watch: jobs stay locked 10 s (production: 5 min), a
 * failing job retries three times a second apart ({@code official-accounts.jobs.retry-cycle};
 * the models say five times five minutes apart), a campaign opens five reviews per chunk, and
 * a node waits at most 3 s for a database connection.
 *
 * <p>How "no job ran twice to completion" is proved: a job's effects and its completion commit
 * in one transaction. The mail job writes its row in the {@code notification} log in that
 * transaction, a chunk writes its ledger marks and the accounts' history entries in its; a job
 * that ran to completion twice leaves two rows. And the one effect outside the database, the
 * email, is counted at the SMTP server: a job that sent its email and was then rolled back (a
 * half-run job) shows up as a second delivery to the same recipient.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  static final String ADMIN = "cluster-admin";
  static final String ADMIN_PASSWORD = "Cluster-Drill-Admin-2026";
  static final String VIEWER = "cluster-viewer";
  static final String VIEWER_PASSWORD = "Cluster-Drill-Viewer-2026";
  static final String ATTESTATION = "review-attestation-request";
  static final Duration START = Duration.ofSeconds(240);

  private static Path jar;
  private static Path logs;
  private static TcpProxy proxy;
  private static JdbcTemplate db;
  private static SingleConnectionDataSource dataSource;
  private static AppNode a;
  private static AppNode b;
  /** Node A started again after it was killed. */
  private static AppNode a2;

  @BeforeAll
  static void startCluster() throws Exception {
    assumeTrue(TestDatabase.prepare(), "PostgreSQL not reachable: cluster test skipped");
    jar = Path.of(System.getProperty("cluster.jar", "target/official-accounts.jar"));
    logs = Path.of(System.getProperty("cluster.logs", "target/cluster-logs"));
    assertThat(jar).as("the packaged application (mvn verify builds it before the integration tests)").exists();
    Files.createDirectories(logs);
    Matcher url = Pattern.compile("^jdbc:postgresql://([^/:]+)(?::(\\d+))?/([^?]+).*$").matcher(TestDatabase.URL);
    assertThat(url.matches()).as("a PostgreSQL URL: %s", TestDatabase.URL).isTrue();
    proxy = new TcpProxy(url.group(1), url.group(2) == null ? 5432 : Integer.parseInt(url.group(2)));
    dataSource = new SingleConnectionDataSource(TestDatabase.URL, TestDatabase.USER, TestDatabase.PASSWORD, true);
    db = new JdbcTemplate(dataSource);
    TestMailServer.port();

    // One after the other: the first creates the schema, which two nodes must not do at once.
    a = node("a").awaitReady(START);
    b = node("b").awaitReady(START);
    db.update("INSERT INTO unit (code, type, name_ar, name_en, parent_code) VALUES ('CL-MOE', 'MINISTRY', 'وزارة',"
        + " 'Ministry', NULL)");
  }

  @AfterAll
  static void stopCluster() throws Exception {
    for (AppNode node : new AppNode[] {a, b, a2}) {
      if (node != null) {
        node.close();
      }
    }
    if (proxy != null) {
      proxy.close();
    }
    if (dataSource != null) {
      dataSource.destroy();
    }
  }

  // ---------------------------------------------------------------------------------------------

  @Test
  @Order(1)
  void probesAnswerAnyoneAndEverythingElseOnlyAnAdministrator() {
    Answer created = b.post("/engine-rest/user/create", ADMIN, ADMIN_PASSWORD, Map.of(
        "profile", Map.of("id", VIEWER, "firstName", "Cluster", "lastName", "Viewer", "email", "viewer@moe.example"),
        "credentials", Map.of("password", VIEWER_PASSWORD)));
    assertThat(created.status()).as("%s", created.body()).isEqualTo(204);
    assertThat(b.put("/engine-rest/group/pr-media/members/" + VIEWER, ADMIN, ADMIN_PASSWORD, null).status())
        .isEqualTo(204);

    for (AppNode node : List.of(a, b)) {
      for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
        Answer answer = node.get(probe, null, null);
        assertThat(answer.status()).as("%s %s", node.name(), probe).isEqualTo(200);
        assertThat(answer.json().get("status").asText()).isEqualTo("UP");
        assertThat(answer.json().has("components")).as("no detail without login").isFalse();
      }
      for (String path : List.of("/actuator/health", "/actuator/prometheus", "/actuator/metrics", "/actuator")) {
        assertThat(node.get(path, null, null).status()).as("%s without login", path).isEqualTo(401);
        assertThat(node.get(path, VIEWER, VIEWER_PASSWORD).status()).as("%s for PR & Media", path).isEqualTo(403);
      }
      JsonNode health = node.get("/actuator/health", ADMIN, ADMIN_PASSWORD).json();
      assertThat(health.get("status").asText()).isEqualTo("UP");
      for (String component : List.of("db", "engine", "jobExecutor", "mail", "livenessState", "readinessState")) {
        assertThat(health.at("/components/" + component + "/status").asText()).as(component).isEqualTo("UP");
      }
      assertThat(health.at("/components/jobExecutor/details/acquiring").asBoolean()).isTrue();
      assertThat(health.at("/components/jobExecutor/details/lockTimeInMillis").asInt()).isEqualTo(10_000);
      assertThat(health.at("/components/jobExecutor/details/dueJobs").isNumber()).isTrue();
      assertThat(health.at("/components/engine/details/historyLevel").asText()).isEqualTo("full-lean");

      Answer metrics = node.get("/actuator/prometheus", ADMIN, ADMIN_PASSWORD);
      assertThat(metrics.status()).isEqualTo(200);
      assertThat(metric(metrics.body(), "oa_campaigns_open", "")).isZero();
      assertThat(metric(metrics.body(), "oa_incidents_open", "type=\"failedJob\"")).isZero();
      assertThat(metric(metrics.body(), "oa_directives_open", "")).isZero();
      assertThat(metric(metrics.body(), "oa_jobs_due", "")).isGreaterThanOrEqualTo(0);
      assertThat(metric(metrics.body(), "hikaricp_connections", "")).isPositive();
    }
    assertThat(lockOwner(a)).isNotEqualTo(lockOwner(b));
  }

  @Test
  @Order(2)
  void aNodeKilledWhileOpeningACampaignLosesNothingAndTheOtherFinishes() throws Exception {
    int accounts = 300;
    seed("CL-KILL", "kill", accounts);
    String ownerA = lockOwner(a);
    String campaign = launch(a, "CL-KILL");

    // SIGKILL once the ledger is partly opened, at a moment A holds the lock of a chunk it opens.
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline && (opened(campaign) < 40
        || count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ = ?", ownerA) == 0)) {
      Thread.sleep(20);
    }
    a.kill();
    long killedAt = System.nanoTime();
    long openedAtKill = opened(campaign);
    long lockedByA = count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ = ?", ownerA);
    assertThat(openedAtKill).as("killed in the middle of the opening (lower the chunk size if it was too fast)")
        .isLessThan(accounts);
    assertThat(lockedByA).as("killed while it held jobs, which B must take over").isPositive();

    // B takes A's jobs once their locks expire, opens the rest, runs every review's pre-checks and email.
    await("reviews opened", () -> opened(campaign), accounts, Duration.ofSeconds(120));
    double openedSeconds = secondsSince(killedAt);
    await("attestation emails logged", () -> attestationsLogged(campaign), accounts, Duration.ofSeconds(150));
    await("attestation emails delivered", () -> delivered("kill_").values().stream().mapToLong(Long::longValue).sum(),
        accounts, Duration.ofSeconds(30));
    double mailSeconds = secondsSince(killedAt);

    assertExactlyOneReviewEach(campaign, accounts);
    Map<String, Long> deliveries = delivered("kill_");
    assertThat(deliveries).as("one email delivered to each manager, none twice").hasSize(accounts)
        .allSatisfy((recipient, times) -> assertThat(times).as(recipient).isEqualTo(1L));
    assertThat(count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ = ?", ownerA)).as("A's jobs all ran on B")
        .isZero();
    assertThat(count("SELECT COUNT(*) FROM ACT_RU_JOBDEF WHERE SUSPENSION_STATE_ = 2")).as("pre-checks released")
        .isZero();
    assertThat(incidentsOf(campaign)).isZero();
    System.out.printf(Locale.ROOT, "kill: accounts=%d opened_at_kill=%d jobs_locked_by_killed_node=%d"
        + " all_opened_after_s=%.1f all_mail_after_s=%.1f emails=%d duplicates=0 incidents=0%n",
        accounts, openedAtKill, lockedByA, openedSeconds, mailSeconds, accounts);

    // Back for the tests that follow; it starts while the next one runs.
    restartedA();
  }

  @Test
  @Order(3)
  void aMailOutageBecomesIncidentsThatARetryClearsWithEveryEmailSentOnce() throws Exception {
    // Both nodes send, and both count what fails.
    restartedA().awaitReady(START);
    int accounts = 12;
    seed("CL-MAIL", "mail", accounts);
    double failuresBefore = mailFailures();
    TestMailServer.stop();
    try {
      String campaign = launch(b, "CL-MAIL");
      await("incidents", () -> incidents(b), accounts, Duration.ofSeconds(120));

      // What Cockpit shows: one failedJob incident per review's email, with the reason.
      JsonNode listed = b.get("/engine-rest/incident?incidentType=failedJob", ADMIN, ADMIN_PASSWORD).json();
      assertThat(listed).hasSize(accounts);
      List<String> jobs = new ArrayList<>();
      for (JsonNode incident : listed) {
        assertThat(incident.get("activityId").asText()).isEqualTo("Task_RequestAttestation");
        assertThat(incident.get("incidentMessage").asText()).containsIgnoringCase("mail");
        jobs.add(incident.get("configuration").asText());
      }
      assertThat(attestationsLogged(campaign)).isZero();
      // The node stays in service; its health says where the trouble is.
      assertThat(b.get("/actuator/health/readiness", null, null).status()).isEqualTo(200);
      JsonNode health = b.get("/actuator/health", ADMIN, ADMIN_PASSWORD).json();
      assertThat(health.at("/components/mail/status").asText()).isEqualTo("DOWN");
      assertThat(health.at("/components/jobExecutor/details/jobsWithoutRetries").asLong()).isEqualTo(accounts);
      String metrics = awaitMetric(b, "oa_incidents_open", "type=\"failedJob\"", accounts);
      assertThat(metric(metrics, "oa_jobs_no_retries", "")).isEqualTo(accounts);
      assertThat(metric(metrics, "oa_campaigns_open", "")).isEqualTo(2);
      // R3: each email is tried three times before its incident, on whichever node acquires it.
      double failures = mailFailures() - failuresBefore;
      assertThat(failures).as("every attempt of every email failed and was counted once").isEqualTo(accounts * 3.0);

      TestMailServer.start();
      // Cockpit's "Retry" on one incident, then the "set retries" batch for the others.
      assertThat(b.put("/engine-rest/job/" + jobs.get(0) + "/retries", ADMIN, ADMIN_PASSWORD, Map.of("retries", 1))
          .status()).isEqualTo(204);
      Answer batch = b.post("/engine-rest/job/retries", ADMIN, ADMIN_PASSWORD,
          Map.of("retries", 1, "jobIds", jobs.subList(1, jobs.size())));
      assertThat(batch.status()).as("%s", batch.body()).isEqualTo(200);

      await("incidents resolved", () -> accounts - incidents(b), accounts, Duration.ofSeconds(60));
      await("attestation emails logged", () -> attestationsLogged(campaign), accounts, Duration.ofSeconds(60));
      Map<String, Long> delivered = awaitDelivered("mail_", accounts);
      assertThat(delivered).hasSize(accounts).allSatisfy((recipient, copies) -> assertThat(copies).isEqualTo(1));
      assertExactlyOneReviewEach(campaign, accounts);
      awaitMetric(b, "oa_incidents_open", "type=\"failedJob\"", 0);
      System.out.printf(Locale.ROOT, "mail outage: emails=%d incidents_at_outage=%d failed_attempts_counted=%.0f"
          + " delivered_after_retry=%d duplicates=0%n", accounts, accounts, failures, accounts);
    } finally {
      if (!TestMailServer.isRunning()) {
        TestMailServer.start();
      }
    }
  }

  @Test
  @Order(4)
  void aDatabaseOutageIsRiddenOutAndTheWorkCompletes() throws Exception {
    restartedA().awaitReady(START);
    int accounts = 150;
    seed("CL-DB", "db", accounts);
    String campaign = launch(b, "CL-DB");
    await("work under way", () -> attestationsLogged(campaign), 15, Duration.ofSeconds(120));

    long lockedAtCut = count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ IS NOT NULL");
    long loggedAtCut = attestationsLogged(campaign);
    proxy.cut();
    long cutAt = System.nanoTime();
    // Without its database a node leaves the load balancer: readiness goes down.
    int readiness = 200;
    while (readiness == 200 && secondsSince(cutAt) < 20) {
      readiness = b.get("/actuator/health/readiness", null, null).status();
    }
    assertThat(readiness).as("readiness while the database is away").isEqualTo(503);
    while (secondsSince(cutAt) < 6) {
      Thread.sleep(200);
    }
    proxy.restore();
    double outageSeconds = secondsSince(cutAt);
    a2.awaitReady(Duration.ofSeconds(60));
    b.awaitReady(Duration.ofSeconds(60));
    double backAfter = secondsSince(cutAt);

    // A second blow once they are back: the database ends every session of the application.
    await("connections again", () -> count("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name LIKE"
        + " 'oa-node-%'"), 2, Duration.ofSeconds(30));
    long lockedAtTerminate = count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ IS NOT NULL");
    long terminated = count("SELECT COUNT(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
        + " WHERE application_name LIKE 'oa-node-%') t");
    assertThat(terminated).isPositive();

    await("reviews opened", () -> opened(campaign), accounts, Duration.ofSeconds(120));
    await("attestation emails logged", () -> attestationsLogged(campaign), accounts, Duration.ofSeconds(120));
    Map<String, Long> delivered = awaitDelivered("db_", accounts);
    // Nothing lost: every manager has the email, and the log holds it once per review.
    assertThat(delivered).hasSize(accounts);
    assertExactlyOneReviewEach(campaign, accounts);
    assertThat(incidentsOf(campaign)).isZero();
    // An email whose hand-over to the mail server was under way when its job's connection died
    // goes again when the job runs again: SMTP takes no part in the transaction. At most one per
    // job in flight.
    long duplicates = delivered.values().stream().mapToLong(c -> c - 1).sum();
    assertThat(duplicates).isLessThanOrEqualTo(lockedAtCut + lockedAtTerminate);
    System.out.printf(Locale.ROOT, "database outage: accounts=%d logged_at_cut=%d outage_s=%.1f"
        + " nodes_ready_again_after_s=%.1f sessions_terminated=%d jobs_in_flight=%d+%d duplicates=%d incidents=0%n",
        accounts, loggedAtCut, outageSeconds, backAfter, terminated, lockedAtCut, lockedAtTerminate, duplicates);
  }

  @Test
  @Order(5)
  void sigtermLetsRunningJobsFinishHandsBackTheRestAndExits() throws Exception {
    restartedA().awaitReady(START);
    int accounts = 200;
    seed("CL-TERM", "term", accounts);
    String owner = lockOwner(a2);
    String campaign = launch(a2, "CL-TERM");
    // Stop it while both nodes send the reviews' emails.
    await("emails under way", () -> attestationsLogged(campaign), 40, Duration.ofSeconds(120));
    long lockedAtTerm = count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ = ?", owner);
    a2.terminate();
    long termAt = System.nanoTime();
    Integer exit = a2.awaitExit(Duration.ofSeconds(60));
    double exitSeconds = secondsSince(termAt);

    // 143: the JVM's status after SIGTERM once its shutdown hooks have run; within the 30 s phase bound.
    assertThat(exit).as("exit code of a node stopped by SIGTERM").isEqualTo(143);
    assertThat(exitSeconds).isLessThan(40);
    String log = a2.log();
    assertThat(log).contains("Commencing graceful shutdown").contains("Job executor stopped acquiring")
        .contains("Job executor stopped: every job it started has finished");
    assertThat(count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ = ?", owner))
        .as("no job left locked by the stopped node").isZero();

    await("attestation emails logged", () -> attestationsLogged(campaign), accounts, Duration.ofSeconds(120));
    Map<String, Long> delivered = awaitDelivered("term_", accounts);
    // No half-run job: an email sent by the stopping node without its commit would come twice.
    assertThat(delivered).hasSize(accounts).allSatisfy((recipient, copies) -> assertThat(copies).isEqualTo(1));
    assertExactlyOneReviewEach(campaign, accounts);
    assertThat(incidentsOf(campaign)).isZero();
    System.out.printf(Locale.ROOT, "sigterm: accounts=%d jobs_locked_at_sigterm=%d exit=%d exit_after_s=%.1f"
        + " emails=%d duplicates=0%n", accounts, lockedAtTerm, exit, exitSeconds, accounts);
  }

  // ---------------------------------------------------------------------------------------------
  // The cluster

  /** Failed attempts to send an attestation request, counted by both running nodes. */
  private double mailFailures() throws Exception {
    double failures = 0;
    for (AppNode node : List.of(b, a2)) {
      failures += samples(node.get("/actuator/prometheus", ADMIN, ADMIN_PASSWORD).body(), "oa_mail_failures_total",
          "template=\"" + ATTESTATION + "\"").stream().mapToDouble(Double::doubleValue).sum();
    }
    return failures;
  }

  private static AppNode node(String name) throws Exception {
    String database = TestDatabase.URL.replaceAll("^jdbc:postgresql://[^/]+/([^?]+).*$", "$1");
    Map<String, String> environment = new HashMap<>();
    environment.put("SPRING_PROFILES_ACTIVE", "postgres");
    // Through the proxy, named so the database can tell the nodes' sessions apart.
    environment.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + database
        + "?ApplicationName=oa-node-" + name);
    environment.put("SPRING_DATASOURCE_USERNAME", TestDatabase.USER);
    environment.put("SPRING_DATASOURCE_PASSWORD", TestDatabase.PASSWORD);
    environment.put("SPRING_MAIL_HOST", "127.0.0.1");
    environment.put("SPRING_MAIL_PORT", Integer.toString(TestMailServer.port()));
    environment.put("OA_ADMIN_USER", ADMIN);
    environment.put("OA_ADMIN_PASSWORD", ADMIN_PASSWORD);
    return AppNode.start(name, jar, logs, environment, List.of(
        "--camunda.bpm.job-execution.lock-time-in-millis=10000",
        "--camunda.bpm.job-execution.wait-time-in-millis=500",
        "--camunda.bpm.job-execution.max-wait=2000",
        "--official-accounts.jobs.retry-cycle=R3/PT1S",
        "--official-accounts.campaign.chunk-size=5",
        "--official-accounts.operations.figures-ttl=PT1S",
        "--official-accounts.operations.mail-check-ttl=PT1S",
        "--spring.datasource.hikari.connection-timeout=3000",
        "--spring.datasource.hikari.validation-timeout=1000"));
  }

  /** Node A started again after the kill, on a port of its own. */
  private static AppNode restartedA() throws Exception {
    if (a2 == null) {
      a2 = node("a2");
    }
    return a2;
  }

  private static String lockOwner(AppNode node) {
    String owner = node.get("/actuator/health", ADMIN, ADMIN_PASSWORD).json()
        .at("/components/jobExecutor/details/lockOwner").asText();
    assertThat(owner).as("lock owner of %s", node.name()).isNotBlank();
    return owner;
  }

  /** A school under the ministry with {@code count} active accounts, each with its own manager's address. */
  private static void seed(String unit, String prefix, int count) {
    db.update("INSERT INTO unit (code, type, name_ar, name_en, parent_code) VALUES (?, 'SCHOOL', 'مدرسة', ?, 'CL-MOE')",
        unit, unit);
    db.update("""
        INSERT INTO account (unit_code, platform, handle, canonical_url, status, official, manager_name, manager_email,
                             approved_at, verified_at, created_at, updated_at)
        SELECT ?, 'X', ? || g, 'https://x.com/' || ? || g, 'ACTIVE', TRUE, 'Manager ' || g,
               ? || g || '@moe.example', t, t, t, t
          FROM generate_series(1, ?) g, (SELECT now() - INTERVAL '1 year' AS t) y""",
        unit, prefix + "_", prefix + "_", prefix + "_", count);
  }

  private static String launch(AppNode node, String unit) {
    Answer started = node.post("/api/campaigns", ADMIN, ADMIN_PASSWORD,
        Map.of("campaignName", "Drill " + unit, "scope", "unit", "scopeUnitCode", unit));
    assertThat(started.status()).as("%s", started.body()).isEqualTo(202);
    return started.json().get("campaignId").asText();
  }

  // ---------------------------------------------------------------------------------------------
  // What happened

  /**
   * Every account in the campaign has exactly one review, recorded once: one instance per
   * business key, the ledger pointing at it, one history entry, one email in the log.
   */
  private static void assertExactlyOneReviewEach(String campaign, int accounts) {
    String keys = "campaign:" + campaign + ":%";
    assertThat(db.queryForMap("SELECT COUNT(*) AS instances, COUNT(DISTINCT BUSINESS_KEY_) AS keys FROM ACT_HI_PROCINST"
        + " WHERE PROC_DEF_KEY_ = 'PeriodicReviewProcess' AND BUSINESS_KEY_ LIKE ?", keys))
        .containsEntry("instances", (long) accounts).containsEntry("keys", (long) accounts);
    assertThat(count("""
        SELECT COUNT(*) FROM campaign_review cr JOIN ACT_HI_PROCINST p ON p.ID_ = cr.process_instance_id
         WHERE cr.campaign_id = ? AND p.BUSINESS_KEY_ = 'campaign:' || cr.campaign_id || ':' || cr.account_id""",
        campaign)).as("ledger rows pointing at their review").isEqualTo(accounts);
    assertThat(count("""
        SELECT COUNT(*) FROM account_history h JOIN campaign_review cr ON cr.account_id = h.account_id
         WHERE cr.campaign_id = ? AND h.to_status = 'UNDER_REVIEW'""", campaign))
        .as("one history entry per account").isEqualTo(accounts);
    assertThat(db.queryForMap("""
        SELECT COUNT(*) AS logged, COUNT(DISTINCT n.process_instance_id) AS reviews FROM notification n
          JOIN campaign_review cr ON cr.process_instance_id = n.process_instance_id
         WHERE cr.campaign_id = ? AND n.template = ?""", campaign, ATTESTATION))
        .as("one logged email per review").containsEntry("logged", (long) accounts)
        .containsEntry("reviews", (long) accounts);
  }

  private static long opened(String campaign) {
    return count("SELECT COUNT(process_instance_id) FROM campaign_review WHERE campaign_id = ?", campaign);
  }

  private static long attestationsLogged(String campaign) {
    return count("SELECT COUNT(*) FROM notification n JOIN campaign_review cr ON cr.process_instance_id ="
        + " n.process_instance_id WHERE cr.campaign_id = ? AND n.template = ?", campaign, ATTESTATION);
  }

  /** Open incidents as Cockpit reads them. */
  private static long incidents(AppNode node) {
    Answer answer = node.get("/engine-rest/incident/count", ADMIN, ADMIN_PASSWORD);
    assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
    return answer.json().get("count").asLong();
  }

  /** Open incidents of the campaign's own instance and of its reviews. */
  private static long incidentsOf(String campaign) {
    return count("""
        SELECT COUNT(*) FROM ACT_RU_INCIDENT i
         WHERE i.PROC_INST_ID_ IN (SELECT process_instance_id FROM campaign_review WHERE campaign_id = ?)
            OR i.PROC_INST_ID_ = (SELECT process_instance_id FROM review_campaign WHERE id = ?)""", campaign, campaign);
  }

  /** Copies delivered per recipient whose address starts with the prefix (one copy per recipient). */
  private static Map<String, Long> delivered(String prefix) {
    Map<String, Long> copies = new HashMap<>();
    for (MimeMessage message : TestMailServer.messages()) {
      try {
        Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString)
            .filter(address -> address.startsWith(prefix)).forEach(address -> copies.merge(address, 1L, Long::sum));
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return copies;
  }

  private static Map<String, Long> awaitDelivered(String prefix, int recipients) throws InterruptedException {
    await("recipients reached", () -> delivered(prefix).size(), recipients, Duration.ofSeconds(30));
    // A late duplicate would arrive within a job's lock time.
    Thread.sleep(1_000);
    return delivered(prefix);
  }

  /** Scrapes the node until the metric has the value; returns the last scrape. */
  private static String awaitMetric(AppNode node, String name, String labels, double expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    String body;
    do {
      body = node.get("/actuator/prometheus", ADMIN, ADMIN_PASSWORD).body();
      if (metric(body, name, labels) == expected) {
        return body;
      }
      Thread.sleep(300);
    } while (System.nanoTime() < deadline);
    assertThat(metric(body, name, labels)).as("%s{%s}", name, labels).isEqualTo(expected);
    return body;
  }

  /** The sum of the samples of a metric whose labels contain the given text; the metric must be there. */
  static double metric(String exposition, String name, String labels) {
    List<Double> samples = samples(exposition, name, labels);
    assertThat(samples).as("metric %s{%s} in the scrape", name, labels).isNotEmpty();
    return samples.stream().mapToDouble(Double::doubleValue).sum();
  }

  /** The samples of a metric whose labels contain the given text (a counter never incremented has none). */
  static List<Double> samples(String exposition, String name, String labels) {
    List<Double> samples = new ArrayList<>();
    for (String line : exposition.split("\n")) {
      if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
        int space = line.lastIndexOf(' ');
        if (line.substring(0, space).contains(labels)) {
          samples.add(Double.parseDouble(line.substring(space + 1)));
        }
      }
    }
    return samples;
  }

  private static long count(String sql, Object... params) {
    Long count = db.queryForObject(sql, Long.class, params);
    return count == null ? 0 : count;
  }

  private static void await(String what, LongSupplier count, long expected, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long now = count.getAsLong();
    while (now < expected && System.nanoTime() < deadline) {
      Thread.sleep(100);
      now = count.getAsLong();
    }
    assertThat(now).as("%s within %s", what, timeout).isGreaterThanOrEqualTo(expected);
  }

  private static double secondsSince(long nanos) {
    return (System.nanoTime() - nanos) / 1e9;
  }
}
