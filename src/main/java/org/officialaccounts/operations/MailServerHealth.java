package org.officialaccounts.operations;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.mail.MailHealthIndicator;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Spring Boot's mail health check (a connection to the SMTP server), asked at most once per
 * {@code mail-check-ttl} and answered within {@code mail-check-timeout}: a mail server that
 * accepts the connection and then says nothing would otherwise hold the health endpoint for the
 * mail client's full timeouts, and every health request would open a connection to it.
 */
@Component("mailHealthIndicator")
public class MailServerHealth implements HealthIndicator, DisposableBean {

  private final HealthIndicator check;
  private final long ttlNanos;
  private final Duration timeout;
  private final ExecutorService checker = Executors.newSingleThreadExecutor(task -> {
    Thread thread = new Thread(task, "mail-health-check");
    thread.setDaemon(true);
    return thread;
  });
  private Health last;
  private long lastAt;
  private Future<Health> pending;

  public MailServerHealth(JavaMailSender sender, OperationsSettings settings) {
    this.check = sender instanceof JavaMailSenderImpl impl ? new MailHealthIndicator(impl)
        : () -> Health.unknown().withDetail("reason", "not an SMTP sender").build();
    this.ttlNanos = settings.mailCheckTtl().toNanos();
    this.timeout = settings.mailCheckTimeout();
  }

  @Override
  public synchronized Health health() {
    if (last != null && System.nanoTime() - lastAt < ttlNanos) {
      return last;
    }
    if (pending == null) {
      pending = checker.submit(check::health);
    }
    try {
      last = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // The check goes on; a later request takes its answer.
      return Health.down().withDetail("error", "no answer from the mail server within " + timeout.toMillis() + " ms")
          .build();
    } catch (ExecutionException e) {
      last = Health.down(e.getCause()).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Health.unknown().build();
    }
    pending = null;
    lastAt = System.nanoTime();
    return last;
  }

  @Override
  public void destroy() {
    checker.shutdownNow();
  }
}
