package org.officialaccounts.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;

/** One real SMTP server for the whole test run, on a port chosen at start. */
public final class TestMailServer {

  private static GreenMail greenMail;
  private static int port;
  private static boolean running;

  private TestMailServer() {}

  public static synchronized int port() {
    if (greenMail == null) {
      port = freePort();
      greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      greenMail.start();
      running = true;
    }
    return port;
  }

  public static List<MimeMessage> messages() {
    port();
    return List.of(greenMail.getReceivedMessages());
  }

  /** The text and HTML parts of a message, decoded. */
  public static String text(MimeMessage mail) throws Exception {
    StringBuilder all = new StringBuilder();
    collect(mail.getContent(), all);
    return all.toString();
  }

  /** The HTML part of a message, decoded. */
  public static String html(MimeMessage mail) throws Exception {
    return part(mail.getContent(), "text/html");
  }

  private static String part(Object content, String type) throws Exception {
    if (content instanceof jakarta.mail.Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        jakarta.mail.BodyPart part = multipart.getBodyPart(i);
        String found = part.isMimeType(type) ? (String) part.getContent() : part(part.getContent(), type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static void collect(Object content, StringBuilder all) throws Exception {
    if (content instanceof jakarta.mail.Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        collect(multipart.getBodyPart(i).getContent(), all);
      }
    } else {
      all.append(content).append('\n');
    }
  }

  public static void clear() throws Exception {
    port();
    greenMail.purgeEmailFromAllMailboxes();
  }

  /** Simulates a mail outage. */
  public static void stop() {
    port();
    greenMail.stop();
    running = false;
  }

  public static void start() {
    greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
    running = true;
  }

  public static boolean isRunning() {
    return running;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
