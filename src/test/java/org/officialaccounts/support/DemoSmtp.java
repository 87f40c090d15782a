package org.officialaccounts.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A free port for the embedded demo's own SMTP server, so demo applications under test never clash. */
public final class DemoSmtp {

  private DemoSmtp() {}

  public static void onFreePort(DynamicPropertyRegistry registry) {
    try (ServerSocket socket = new ServerSocket(0)) {
      int port = socket.getLocalPort();
      registry.add("spring.mail.port", () -> port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
