package org.officialaccounts.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.officialaccounts.bench.RegistryGenerator.GeneratedAccount;
import org.officialaccounts.bench.RegistryGenerator.Registry;
import org.officialaccounts.registry.AccountStatus;
import org.officialaccounts.registry.AccountUrlCanonicalizer;
import org.officialaccounts.registry.CanonicalAccount;
import org.officialaccounts.registry.InvalidAccountUrlException;
import org.officialaccounts.registry.Platform;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Measures {@code GET /api/public/verify} with wrk against a registry of the ministry's size on
 * PostgreSQL, next to a static page of the same app as the baseline; prints the figures and
 * asserts only that the load really ran.
 *
 * <p>Run with {@code mvn -Pbench verify}; see docs/performance.md.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      // The per-address limit would answer 429 to a load tool on one address within a second.
      "official-accounts.public.requests-per-window=100000000",
      "camunda.bpm.job-execution.enabled=false",
      "camunda.bpm.admin-user.id=bench-admin",
      "camunda.bpm.admin-user.password=Bench-Admin-2026-Quiet-Harbour",
      "camunda.bpm.admin-user.email=bench-admin@moe.example",
      // No mail is sent during the benchmark; port 1 makes any attempt fail at once.
      "spring.mail.host=127.0.0.1",
      "spring.mail.port=1",
    })
@ActiveProfiles("bench")
class PublicVerifyBenchmark {

  static final String DB_URL = env("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/oa_bench");
  static final String DB_USER = env("SPRING_DATASOURCE_USERNAME", "postgres");
  static final String DB_PASSWORD = env("SPRING_DATASOURCE_PASSWORD", "");

  private static final Path WORK = Path.of("target", "bench");
  private static final int POOL_SIZE = 200_000;
  private static final int CHECKS_PER_KIND = 300;
  /** Socket errors and non-2xx/3xx answers tolerated, as a share of all requests. */
  private static final double TOLERATED_FAILURES = 0.001;

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired ObjectMapper json;

  private final AccountUrlCanonicalizer canonicalizer = new AccountUrlCanonicalizer();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    createDatabaseIfMissing();
    registry.add("spring.datasource.url", () -> DB_URL);
    registry.add("spring.datasource.username", () -> DB_USER);
    registry.add("spring.datasource.password", () -> DB_PASSWORD);
  }

  @Test
  void measuresPublicVerificationAgainstStaticPage() throws Exception {
    int accounts = Integer.getInteger("bench.accounts", RegistryGenerator.DEFAULT_ACCOUNTS);
    String threads = System.getProperty("bench.threads", "2");
    String connections = System.getProperty("bench.connections", "32");
    String duration = System.getProperty("bench.duration", "30s");
    String warmup = System.getProperty("bench.warmup", "60s");
    int quietWait = Integer.getInteger("bench.quiet-wait", 120);
    String wrk = requireWrk();

    long started = System.nanoTime();
    Registry registry = RegistryGenerator.generate(dataSource, accounts);
    long generatedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    Files.createDirectories(WORK);
    registry.writeAccounts(WORK.resolve("accounts.tsv"));
    System.out.printf("registry: units=%d accounts=%d official=%d closed=%d unregistered=%d loaded_in_ms=%d%n",
        registry.units().size(), registry.accounts().size(), registry.liveOfficial().size(),
        registry.withStatus(AccountStatus.CLOSED).size(), registry.withStatus(AccountStatus.UNREGISTERED).size(),
        generatedMs);

    List<Probe> pool = requestPool(registry, new Random(7));
    checkAnswers(pool);
    Path paths = WORK.resolve("verify-paths.txt");
    try (Writer out = Files.newBufferedWriter(paths, StandardCharsets.UTF_8)) {
      for (Probe probe : pool) {
        out.write(probe.path() + "\n");
      }
    }
    Path script = WORK.resolve("verify.lua");
    Files.writeString(script, luaScript(paths.toAbsolutePath()), StandardCharsets.UTF_8);

    String base = "http://127.0.0.1:" + port;
    String verifyUrl = base + "/api/public/verify";
    String baselineUrl = base + "/index.html";
    // One unknown handle, asked again and again: the whole public stack, answered from the cache.
    String fixedUrl = base + "/api/public/verify?url=%40no_such_school&platform=X";
    List<String> load = List.of(wrk, "-t" + threads, "-c" + connections, "--latency");

    // The JIT compiles the framework's hot paths first.
    waitForQuietMachine(quietWait);
    run(load, "10s", null, baselineUrl);
    run(load, "10s", null, fixedUrl);

    // The answer cache keeps an entry 60 s after it is written, so the verify warm-up leads
    // straight into the measured run: the cache is then as full as in a service that has been
    // answering this mix for the length of the warm-up (60 s or more: steady state).
    waitForQuietMachine(quietWait);
    run(load, warmup, script, verifyUrl);
    // PostgreSQL's statistics lag by at most a second under load: the count is approximate.
    long scansBefore = canonicalUrlIndexScans();
    WrkRun verify = run(load, duration, script, verifyUrl);
    // Idle backends publish their statistics after 10 s.
    Thread.sleep(11_000);
    long lookups = canonicalUrlIndexScans() - scansBefore;

    waitForQuietMachine(quietWait);
    WrkRun baseline = run(load, duration, null, baselineUrl);
    waitForQuietMachine(quietWait);
    WrkRun fixed = run(load, duration, null, fixedUrl);

    for (WrkRun wrkRun : List.of(verify, baseline, fixed)) {
      System.out.println("---- " + wrkRun.label() + "\n" + wrkRun.output().stripTrailing());
      System.out.println(wrkRun.cpu());
    }
    System.out.printf(Locale.ROOT, "database lookups during the verify run: about %d for %d requests (%.0f per 100 requests)%n",
        lookups, verify.requests(), verify.requests() == 0 ? 0 : 100.0 * lookups / verify.requests());
    System.out.printf(Locale.ROOT, "public-verify-cached: rps=%.0f p99_ms=%.2f (one unknown handle, %s)%n",
        fixed.rps(), fixed.p99Ms(), fixedUrl.substring(base.length()));
    System.out.printf(Locale.ROOT,
        "public-verify: accounts=%d rps=%.0f p99_ms=%.2f baseline_rps=%.0f baseline_p99_ms=%.2f ratio=%.2f%n",
        registry.accounts().size(), verify.rps(), verify.p99Ms(), baseline.rps(), baseline.p99Ms(),
        verify.rps() / baseline.rps());

    for (WrkRun wrkRun : List.of(verify, baseline, fixed)) {
      assertThat(wrkRun.requests()).as("requests of %s", wrkRun.label()).isPositive();
      assertThat(wrkRun.socketErrors())
          .as("socket errors of %s", wrkRun.label())
          .isLessThanOrEqualTo((long) (wrkRun.requests() * TOLERATED_FAILURES));
      assertThat(wrkRun.failedResponses())
          .as("non-2xx/3xx answers of %s", wrkRun.label())
          .isLessThanOrEqualTo((long) (wrkRun.requests() * TOLERATED_FAILURES));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The request mix

  /** What the public pastes and what the answer must say. */
  enum Kind { OFFICIAL, CLOSED, UNKNOWN }

  record Probe(Kind kind, String input, Platform platform, String path) {}

  /**
   * 70% official accounts, 20% closed ones, 10% unknown (unregistered accounts, look-alikes of
   * official handles, handles nobody registered), each in one of the forms people paste.
   */
  private List<Probe> requestPool(Registry registry, Random random) {
    List<GeneratedAccount> official = registry.liveOfficial();
    List<GeneratedAccount> closed = registry.withStatus(AccountStatus.CLOSED);
    List<GeneratedAccount> unregistered = registry.withStatus(AccountStatus.UNREGISTERED);
    Set<String> registered = new HashSet<>(registry.canonicalUrls());
    List<Probe> pool = new ArrayList<>(POOL_SIZE);
    while (pool.size() < POOL_SIZE) {
      int dice = random.nextInt(100);
      if (dice < 70 || closed.isEmpty()) {
        pool.add(known(Kind.OFFICIAL, pick(official, random), random));
      } else if (dice < 90) {
        pool.add(known(Kind.CLOSED, pick(closed, random), random));
      } else if (dice < 94 && !unregistered.isEmpty()) {
        GeneratedAccount account = pick(unregistered, random);
        pool.add(probe(Kind.UNKNOWN, account.canonicalUrl(), null));
      } else {
        pool.add(unknown(pick(official, random), registered, random));
      }
    }
    return pool;
  }

  private Probe known(Kind kind, GeneratedAccount account, Random random) {
    String h = account.handle();
    String shown = random.nextBoolean() ? h : capitalised(h);
    int form = random.nextInt(10);
    if (form == 0) {
      // A bare @handle without a platform is looked up on all five.
      return checked(kind, account, "@" + shown, null);
    }
    if (form == 1) {
      return checked(kind, account, "@" + shown, account.platform());
    }
    List<String> forms = switch (account.platform()) {
      case X -> List.of("https://twitter.com/" + shown + "?lang=ar", "https://x.com/" + h, "x.com/" + shown,
          "https://mobile.twitter.com/" + h + "/media", "https://www.twitter.com/" + shown + "/");
      case INSTAGRAM -> List.of("https://www.instagram.com/" + h + "/", "https://instagram.com/" + shown + "?igsh=MWZ4dGd1",
          "instagram.com/" + h, "https://m.instagram.com/" + shown);
      case SNAPCHAT -> List.of("https://www.snapchat.com/add/" + h, "https://snapchat.com/add/" + shown + "?share_id=Q1w2E3",
          "snapchat.com/add/" + h);
      case YOUTUBE -> List.of("https://www.youtube.com/@" + h, "https://m.youtube.com/@" + shown + "/videos",
          "youtube.com/@" + h, "https://youtube.com/@" + shown + "?si=abc123");
      case FACEBOOK -> List.of("https://www.facebook.com/" + h, "https://m.facebook.com/" + dotted(shown) + "/",
          "fb.com/" + shown, "https://web.facebook.com/" + h + "?mibextid=ZbWKwL");
    };
    return checked(kind, account, forms.get(random.nextInt(forms.size())), null);
  }

  /** A pasted form must lead to the account, or the benchmark measures something else. */
  private Probe checked(Kind kind, GeneratedAccount account, String input, Platform platform) {
    List<CanonicalAccount> candidates = platform != null
        ? List.of(canonicalizer.canonicalize(platform, input))
        : canonicalizer.canonicalizeOnAnyPlatform(input);
    if (candidates.stream().noneMatch(c -> c.canonicalUrl().equals(account.canonicalUrl()))) {
      throw new IllegalStateException(input + " does not lead to " + account.canonicalUrl());
    }
    return probe(kind, input, platform);
  }

  /** A handle one or two characters away from an official one, or one nobody registered. */
  private Probe unknown(GeneratedAccount model, Set<String> registered, Random random) {
    String h = model.handle();
    List<Function<String, String>> mutations = List.of(
        s -> s.replaceFirst("0", "o"), s -> s.replaceFirst("o", "0"), s -> s.replaceFirst("1", "l"),
        s -> s + "1", s -> "the" + s, s -> s.substring(0, s.length() - 1),
        s -> "moe" + Integer.toString(random.nextInt(1_000_000), 36) + "x");
    for (int attempt = 0; attempt < 20; attempt++) {
      String candidate = mutations.get(random.nextInt(mutations.size())).apply(h);
      String input = model.platform().canonicalUrlPrefix() + candidate;
      try {
        CanonicalAccount canonical = canonicalizer.canonicalize(model.platform(), input);
        if (!registered.contains(canonical.canonicalUrl())) {
          return probe(Kind.UNKNOWN, input, null);
        }
      } catch (InvalidAccountUrlException e) {
        // too short, too long or badly shaped for the platform: try another mutation
      }
    }
    return probe(Kind.UNKNOWN, model.platform().canonicalUrlPrefix() + "nobody" + random.nextInt(100_000), null);
  }

  private static Probe probe(Kind kind, String input, Platform platform) {
    String path = "/api/public/verify?url=" + URLEncoder.encode(input, StandardCharsets.UTF_8)
        + (platform == null ? "" : "&platform=" + platform.name());
    return new Probe(kind, input, platform, path);
  }

  private static String capitalised(String handle) {
    return handle.substring(0, 1).toUpperCase(Locale.ROOT) + handle.substring(1);
  }

  /** Facebook ignores periods in usernames, and people do type them. */
  private static String dotted(String handle) {
    int middle = handle.length() / 2;
    return handle.substring(0, middle) + "." + handle.substring(middle);
  }

  private static <T> T pick(List<T> list, Random random) {
    return list.get(random.nextInt(list.size()));
  }

  /** Asks a sample of each kind over HTTP and checks the verdict, before any load. */
  private void checkAnswers(List<Probe> pool) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    List<String> wrong = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      List<Probe> sample = pool.stream().filter(p -> p.kind() == kind).limit(CHECKS_PER_KIND).toList();
      for (Probe probe : sample) {
        HttpResponse<String> response = http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + probe.path())).build(),
            HttpResponse.BodyHandlers.ofString());
        Set<String> statuses = new HashSet<>();
        if (response.statusCode() == 200) {
          for (JsonNode answer : json.readTree(response.body()).path("answers")) {
            statuses.add(answer.path("status").asText());
          }
        }
        boolean right = switch (kind) {
          case OFFICIAL -> statuses.contains("official");
          case CLOSED -> statuses.contains("closed");
          case UNKNOWN -> statuses.equals(Set.of("unknown"));
        };
        if (!right) {
          wrong.add(kind + " " + probe.input() + " -> " + response.statusCode() + " " + response.body());
        }
      }
    }
    assertThat(wrong).as("answers that contradict the registry").isEmpty();
  }

  private static String luaScript(Path paths) {
    return """
        -- Generated by PublicVerifyBenchmark: each request asks for a random line of the pool.
        local counter = 0
        function setup(thread)
          counter = counter + 1
          thread:set("thread_number", counter)
        end
        local paths = {}
        function init(args)
          for line in io.lines("%s") do
            paths[#paths + 1] = line
          end
          math.randomseed(1000 + thread_number)
        end
        function request()
          return wrk.format("GET", paths[math.random(#paths)])
        end
        """.formatted(paths.toString().replace("\\", "\\\\").replace("\"", "\\\""));
  }

  // ---------------------------------------------------------------------------------------------
  // wrk

  /** One wrk run: its output and what was read off it, with the CPU each party spent. */
  record WrkRun(String label, String output, double rps, double p99Ms, long requests, long socketErrors,
      long failedResponses, String cpu) {}

  private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
  private static final Pattern P99 = Pattern.compile("(?m)^\\s+99%\\s+([\\d.]+)(us|ms|s|m|h)\\s*$");
  private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
  private static final Pattern SOCKET_ERRORS =
      Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
  private static final Pattern FAILED = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

  private static WrkRun run(List<String> load, String duration, Path script, String url)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(load);
    command.add("-d" + duration);
    if (script != null) {
      command.add("-s");
      command.add(script.toAbsolutePath().toString());
    }
    command.add(url);
    CpuTimes before = CpuTimes.now();
    long started = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    double seconds = (System.nanoTime() - started) / 1e9;
    CpuTimes spent = CpuTimes.now().minus(before);
    if (exit != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed (" + exit + "):\n" + output);
    }
    String label = String.join(" ", command.subList(1, command.size()));
    double others = spent.busy() - spent.app() - spent.children() - spent.postgres();
    int cores = Runtime.getRuntime().availableProcessors();
    long requests = (long) number(REQUESTS, output);
    String cpu = String.format(Locale.ROOT,
        "cpu seconds over %.1f s wall on %d cores: app %.1f, wrk %.1f, postgresql %.1f, other processes %.1f;"
            + " per request: app %.0f us, postgresql %.0f us",
        seconds, cores, spent.app(), spent.children(), spent.postgres(), others,
        spent.app() * 1e6 / Math.max(1, requests), spent.postgres() * 1e6 / Math.max(1, requests))
        + (others > 0.05 * cores * seconds ? " -- WARNING: other processes competed; run again on a quiet machine" : "");
    Matcher errors = SOCKET_ERRORS.matcher(output);
    long socketErrors = 0;
    if (errors.find()) {
      for (int g = 1; g <= 4; g++) {
        socketErrors += Long.parseLong(errors.group(g));
      }
    }
    Matcher failed = FAILED.matcher(output);
    return new WrkRun(label, output, number(RPS, output), p99Ms(output), requests,
        socketErrors, failed.find() ? Long.parseLong(failed.group(1)) : 0, cpu);
  }

  private static double number(Pattern pattern, String output) {
    Matcher m = pattern.matcher(output);
    if (!m.find()) {
      throw new IllegalStateException("wrk output lacks " + pattern + ":\n" + output);
    }
    return Double.parseDouble(m.group(1));
  }

  private static double p99Ms(String output) {
    Matcher m = P99.matcher(output);
    if (!m.find()) {
      throw new IllegalStateException("wrk output lacks the 99% latency:\n" + output);
    }
    double value = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "us" -> value / 1000;
      case "ms" -> value;
      case "s" -> value * 1000;
      case "m" -> value * 60_000;
      default -> value * 3_600_000;
    };
  }

  /**
   * On a shared machine (other builds, CI) figures mean nothing while something else burns the
   * cores, so each measured run waits, up to {@code seconds}, for five seconds in which other
   * processes used less than 5% of the CPU.
   */
  static void waitForQuietMachine(int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    int cores = Runtime.getRuntime().availableProcessors();
    while (true) {
      CpuTimes before = CpuTimes.now();
      Thread.sleep(5_000);
      CpuTimes spent = CpuTimes.now().minus(before);
      double others = spent.busy() - spent.app() - spent.children() - spent.postgres();
      if (others < 0.05 * cores * 5) {
        return;
      }
      if (System.nanoTime() > deadline) {
        System.out.printf(Locale.ROOT, "machine still busy after %d s (other processes: %.1f CPU s in 5 s); measuring anyway%n",
            seconds, others);
        return;
      }
      System.out.printf(Locale.ROOT, "waiting for a quiet machine: other processes used %.1f CPU s in 5 s%n", others);
    }
  }

  private static String requireWrk() {
    for (String dir : env("PATH", "/usr/bin").split(File.pathSeparator)) {
      File wrk = new File(dir, "wrk");
      if (wrk.canExecute()) {
        return wrk.getAbsolutePath();
      }
    }
    throw new IllegalStateException("wrk is not installed: apt-get install -y wrk");
  }

  /**
   * CPU seconds from /proc: this JVM (the app), its reaped children (wrk), every PostgreSQL
   * process and the whole machine, so a run shows who used the two cores and whether anything
   * else competed for them.
   */
  record CpuTimes(double app, double children, double postgres, double busy) {
    private static final double TICKS_PER_SECOND = 100;

    static CpuTimes now() {
      try {
        long[] self = ticks(Path.of("/proc/self/stat"));
        long postgres = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
          for (Path dir : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
            try {
              if (Files.readString(dir.resolve("comm")).strip().equals("postgres")) {
                long[] t = ticks(dir.resolve("stat"));
                postgres += t[0] + t[1];
              }
            } catch (IOException e) {
              // the process ended while we looked
            }
          }
        }
        // The first line of /proc/stat: user nice system idle iowait irq softirq steal ...
        String[] machine = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i <= 8 && i < machine.length; i++) {
          busy += i == 4 || i == 5 ? 0 : Long.parseLong(machine[i]);
        }
        return new CpuTimes((self[0] + self[1]) / TICKS_PER_SECOND, (self[2] + self[3]) / TICKS_PER_SECOND,
            postgres / TICKS_PER_SECOND, busy / TICKS_PER_SECOND);
      } catch (IOException e) {
        return new CpuTimes(0, 0, 0, 0);
      }
    }

    /** utime, stime, cutime, cstime. */
    private static long[] ticks(Path stat) throws IOException {
      String text = Files.readString(stat);
      String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
      return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12]),
          Long.parseLong(fields[13]), Long.parseLong(fields[14])};
    }

    CpuTimes minus(CpuTimes other) {
      return new CpuTimes(app - other.app, children - other.children, postgres - other.postgres, busy - other.busy);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The database

  /** How often the unique index on canonical_url was used: one use per lookup of the database. */
  private long canonicalUrlIndexScans() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(
            "SELECT idx_scan FROM pg_stat_user_indexes WHERE indexrelname = 'uq_account_canonical_url'")) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /** The benchmark has a database of its own, created beside the others on first use. */
  static void createDatabaseIfMissing() {
    Matcher url = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^/?]+)(\\?.*)?$").matcher(DB_URL);
    if (!url.matches()) {
      throw new IllegalStateException("Not a PostgreSQL JDBC URL: " + DB_URL);
    }
    String database = url.group(2);
    if (!database.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalStateException("Unexpected database name " + database);
    }
    String maintenance = url.group(1) + "postgres" + (url.group(3) == null ? "" : url.group(3));
    try (Connection connection = DriverManager.getConnection(maintenance, DB_USER, DB_PASSWORD);
        Statement statement = connection.createStatement()) {
      try (ResultSet rs = statement.executeQuery(
          "SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
        if (rs.next()) {
          return;
        }
      }
      statement.execute("CREATE DATABASE " + database);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot reach PostgreSQL at " + maintenance + " to create " + database, e);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
