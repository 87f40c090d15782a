package org.officialaccounts.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.officialaccounts.system.FactoryLookups;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What the benchmarks that run the whole application share: a fresh schema on a database of
 * their own, a real SMTP server that keeps nothing, HTTP calls as a client makes them, and their
 * clocks (wall, CPU, heap).
 */
final class BenchApplication {

  static final String DB_URL = PublicVerifyBenchmark.DB_URL;
  static final String DB_USER = PublicVerifyBenchmark.DB_USER;
  static final String DB_PASSWORD = PublicVerifyBenchmark.DB_PASSWORD;
  /** The password of the users a benchmark creates. */
  static final String PASSWORD = "Bench-User-2026-Long-Enough";

  private static GreenMail mail;

  private BenchApplication() {}

  /** Empties the database, points the application at it and at a mail sink; for a {@code @DynamicPropertySource}. */
  static void configure(DynamicPropertyRegistry registry) {
    emptySchema();
    registry.add("spring.datasource.url", () -> DB_URL);
    registry.add("spring.datasource.username", () -> DB_USER);
    registry.add("spring.datasource.password", () -> DB_PASSWORD);
    FactoryLookups.install();
    int smtp = mailSink();
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> smtp);
  }

  /**
   * A real SMTP server that keeps nothing, in one mailbox: GreenMail would otherwise open a
   * mailbox per recipient and look each one up among all the others (a cost of the test server
   * that grows with the run, not of the app), and 130,000 kept messages would weigh on the heap
   * measured. One per JVM, whichever benchmark starts it.
   */
  private static synchronized int mailSink() {
    if (mail == null) {
      mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      mail.start();
      GreenMailUser sink = mail.setUser("sink@bench.example", "sink", PASSWORD);
      mail.getUserManager().setMessageDeliveryHandler((message, address) -> sink);
      Thread sweeper = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          try {
            Thread.sleep(2_000);
            mail.purgeEmailFromAllMailboxes();
          } catch (InterruptedException e) {
            return;
          } catch (Exception e) {
            // a message arriving while it is purged; the next sweep takes it
          }
        }
      }, "bench-mail-sweeper");
      sweeper.setDaemon(true);
      sweeper.start();
    }
    return mail.getSmtp().getPort();
  }

  /**
   * The benchmark measures a fresh installation: the schema is dropped and Flyway and the engine
   * create it again. Refused on any database not named for benchmarks.
   */
  private static void emptySchema() {
    Matcher url = Pattern.compile("^jdbc:postgresql://[^/]+/([^/?]+)(\\?.*)?$").matcher(DB_URL);
    if (!url.matches() || !url.group(1).contains("bench")) {
      throw new IllegalStateException("The benchmarks empty their database; give them one whose name"
          + " contains \"bench\" (SPRING_DATASOURCE_URL), not " + DB_URL);
    }
    PublicVerifyBenchmark.createDatabaseIfMissing();
    try (Connection connection = DriverManager.getConnection(DB_URL, DB_USER, DB_PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA public CASCADE");
      statement.execute("CREATE SCHEMA public");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot empty " + DB_URL, e);
    }
  }

  /** Calls the application over HTTP as a user with the benchmarks' password. */
  record Http(int port, ObjectMapper json, HttpClient client) {

    Http(int port, ObjectMapper json) {
      this(port, json, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    JsonNode call(String method, String path, String user, String body, int expected) throws Exception {
      return call(method, path, user, body, expected, "application/json");
    }

    JsonNode call(String method, String path, String user, String body, int expected, String accept)
        throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(60))
          .header("Accept", accept)
          .header("Authorization", "Basic " + Base64.getEncoder()
              .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      }
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expected) {
        throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
            + response.body());
      }
      return response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
    }
  }

  static void resetPeakHeap() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  /** The sum of the heap pools' peaks since the reset: an upper bound of the heap used. */
  static long peakHeapBytes() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes;
  }

  /** CPU seconds used since then by this JVM and by PostgreSQL, and the machine's busy share. */
  static String cpuSince(PublicVerifyBenchmark.CpuTimes before) {
    PublicVerifyBenchmark.CpuTimes used = PublicVerifyBenchmark.CpuTimes.now().minus(before);
    return String.format(Locale.ROOT, "cpu_s(app=%.1f postgres=%.1f machine=%.1f)", used.app(), used.postgres(),
        used.busy());
  }

  /** Polls a count until it reaches the expected figure or the time is up; returns the last count. */
  static long await(LongSupplier count, long expected, long maxSeconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
    long now = count.getAsLong();
    while (now < expected && System.nanoTime() < deadline) {
      Thread.sleep(1_000);
      now = count.getAsLong();
    }
    return now;
  }

  static long millisSince(long started) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
  }

  static double secondsSince(long started) {
    return (System.nanoTime() - started) / 1e9;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
