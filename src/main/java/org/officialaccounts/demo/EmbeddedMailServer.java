package org.officialaccounts.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * An SMTP server inside the demo application, so every demo email really travels over SMTP
 * and can be read on the demo mail page.
 */
@Component
@Profile("demo")
public class EmbeddedMailServer implements org.springframework.context.SmartLifecycle {

  private final GreenMail greenMail;
  private volatile boolean running;

  public EmbeddedMailServer(DemoProperties properties) {
    this.greenMail = new GreenMail(new ServerSetup(properties.smtpPort() == null ? 3025 : properties.smtpPort(), "127.0.0.1", "smtp"));
  }

  @Override
  public void start() {
    greenMail.start();
    running = true;
  }

  @Override
  public void stop() {
    greenMail.stop();
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Start before the process engine's job executor can send anything. */
  @Override
  public int getPhase() {
    return Integer.MIN_VALUE + 100;
  }

  /** Every message received since start, newest first. */
  public List<MimeMessage> messages() {
    List<MimeMessage> all = Arrays.asList(greenMail.getReceivedMessages());
    java.util.Collections.reverse(all);
    return all;
  }
}
