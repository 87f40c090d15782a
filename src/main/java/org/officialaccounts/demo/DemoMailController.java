package org.officialaccounts.demo;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The demo's mailbox: every email the in-process SMTP server received, readable in a browser. */
@Controller
@Profile("demo")
public class DemoMailController {

  private final EmbeddedMailServer server;

  public DemoMailController(EmbeddedMailServer server) {
    this.server = server;
  }

  /** One received email as the page shows it. */
  public record MailView(int index, String to, String subject, String sent, String text, String html) {}

  @GetMapping("/demo/mail")
  public String list(Model model) throws MessagingException, IOException {
    List<MimeMessage> messages = server.messages();
    List<MailView> views = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      views.add(view(i, messages.get(i), false));
    }
    model.addAttribute("mails", views);
    return "demo/mail";
  }

  @GetMapping("/demo/mail/{index}")
  public String show(@PathVariable int index, Model model) throws MessagingException, IOException {
    List<MimeMessage> messages = server.messages();
    if (index < 0 || index >= messages.size()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No email number " + index);
    }
    model.addAttribute("mail", view(index, messages.get(index), true));
    return "demo/mail-message";
  }

  private static MailView view(int index, MimeMessage message, boolean withBody)
      throws MessagingException, IOException {
    String text = null;
    String html = null;
    if (withBody && message.getContent() instanceof Multipart multipart) {
      List<BodyPart> parts = new ArrayList<>();
      collect(multipart, parts);
      for (BodyPart part : parts) {
        if (part.isMimeType("text/plain") && text == null) {
          text = (String) part.getContent();
        } else if (part.isMimeType("text/html") && html == null) {
          html = (String) part.getContent();
        }
      }
    }
    return new MailView(
        index,
        String.join(", ", addresses(message)),
        message.getSubject(),
        message.getSentDate() == null ? "" : message.getSentDate().toInstant().toString(),
        text,
        html);
  }

  private static void collect(Multipart multipart, List<BodyPart> parts)
      throws MessagingException, IOException {
    for (int i = 0; i < multipart.getCount(); i++) {
      BodyPart part = multipart.getBodyPart(i);
      if (part.getContent() instanceof Multipart nested) {
        collect(nested, parts);
      } else {
        parts.add(part);
      }
    }
  }

  private static List<String> addresses(MimeMessage message) throws MessagingException {
    List<String> result = new ArrayList<>();
    var recipients = message.getRecipients(Message.RecipientType.TO);
    if (recipients != null) {
      for (var address : recipients) {
        result.add(address.toString());
      }
    }
    return result;
  }
}
