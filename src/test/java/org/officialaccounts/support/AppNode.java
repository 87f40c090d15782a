package org.officialaccounts.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One application process started from the packaged jar, as production starts it ({@code java
 * -jar} with the {@code postgres} profile and its settings in the environment); its output goes
 * to a log file for diagnosis.
 */
public final class AppNode implements AutoCloseable {

  /** An HTTP answer. */
  public record Answer(int status, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
      }
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<AppNode> STARTED = new ArrayList<>();

  static {
    // A test JVM that dies leaves no application behind.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      synchronized (STARTED) {
        STARTED.forEach(node -> node.process.destroyForcibly());
      }
    }));
  }

  private final String name;
  private final int port;
  private final Path log;
  private final Process process;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private AppNode(String name, int port, Path log, Process process) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.process = process;
  }

  /**
   * Starts {@code java -jar} on a free port with exactly the given environment (nothing of the
   * test JVM's own SPRING_ or OA_ settings leaks in) and arguments.
   */
  public static AppNode start(String name, Path jar, Path logDir, Map<String, String> environment, List<String> args)
      throws IOException {
    int port = freePort();
    Files.createDirectories(logDir);
    Path log = logDir.resolve(name + ".log");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // Small and quick to start: the tests are about failures, not speed.
        "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-jar", jar.toString()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().keySet().removeIf(key -> key.startsWith("SPRING_") || key.startsWith("OA_")
        || key.startsWith("OFFICIALACCOUNTS_") || key.startsWith("CAMUNDA_") || key.equals("PORT"));
    builder.environment().putAll(environment);
    builder.environment().put("PORT", Integer.toString(port));
    Files.writeString(log, "=== " + name + ": " + String.join(" ", command) + "\n",
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    AppNode node = new AppNode(name, port, log, builder.start());
    synchronized (STARTED) {
      STARTED.add(node);
    }
    return node;
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Waits until the readiness probe answers UP. */
  public AppNode awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Node " + name + " exited with " + process.exitValue() + ":\n" + logTail());
      }
      try {
        if (get("/actuator/health/readiness", null, null).status() == 200) {
          return this;
        }
      } catch (IllegalStateException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("Node " + name + " not ready within " + timeout + ":\n" + logTail());
  }

  /** SIGKILL: the process ends at once, in the middle of whatever it does. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM: the process shuts down as an orchestrator asks it to. */
  public void terminate() {
    process.destroy();
  }

  /** The exit code, or null if the process is still running after the timeout. */
  public Integer awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
  }

  public String log() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  public Answer get(String path, String user, String password) {
    return call("GET", path, user, password, null);
  }

  public Answer post(String path, String user, String password, Object body) {
    return call("POST", path, user, password, body);
  }

  public Answer put(String path, String user, String password, Object body) {
    return call("PUT", path, user, password, body);
  }

  private Answer call(String method, String path, String user, String password, Object body) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(30))
          .header("Accept", "application/json, text/plain;q=0.9, */*;q=0.8");
      if (user != null) {
        request.header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
      }
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
      }
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " on node " + name + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
