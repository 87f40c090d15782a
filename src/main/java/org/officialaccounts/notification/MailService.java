package org.officialaccounts.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Sends a bilingual email (plain text and HTML in one message) and logs it in the registry.
 *
 * <p>Failures propagate: the caller is a retried job, so a mail outage becomes retries and then
 * an incident instead of a lost email.
 */
@Service
public class MailService {

  private static final Logger LOG = LoggerFactory.getLogger(MailService.class);

  private final JavaMailSender sender;
  private final MailTemplates templates;
  private final NotificationRepository log;
  private final MailProperties properties;
  private final Clock clock;

  public MailService(
      JavaMailSender sender,
      MailTemplates templates,
      NotificationRepository log,
      MailProperties properties,
      Clock clock) {
    this.sender = sender;
    this.templates = templates;
    this.log = log;
    this.properties = properties;
    this.clock = clock;
  }

  /** A file sent along with an email. */
  public record Attachment(String filename, String contentType, byte[] content) {}

  public void send(
      String template,
      List<String> recipients,
      Map<String, Object> values,
      String processInstanceId,
      Long accountId) {
    send(template, recipients, List.of(), values, processInstanceId, accountId, List.of());
  }

  /** With people in copy and files attached. */
  public void send(
      String template,
      List<String> recipients,
      List<String> copyTo,
      Map<String, Object> values,
      String processInstanceId,
      Long accountId,
      List<Attachment> attachments) {
    if (recipients.isEmpty()) {
      throw new IllegalStateException("No recipient for email '" + template + "'");
    }
    Map<String, Object> model = new HashMap<>(values);
    model.put("baseUrl", properties.baseUrl());
    model.put("tasklistUrl", properties.baseUrl() + "/camunda/app/tasklist/");
    MailTemplates.RenderedMail mail = templates.render(template, model);
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(properties.from());
      helper.setTo(recipients.toArray(String[]::new));
      if (!copyTo.isEmpty()) {
        helper.setCc(copyTo.toArray(String[]::new));
      }
      helper.setSubject(mail.subject());
      helper.setText(mail.text(), mail.html());
      for (Attachment attachment : attachments) {
        helper.addAttachment(attachment.filename(), new ByteArrayResource(attachment.content()), attachment.contentType());
      }
      sender.send(message);
    } catch (MessagingException e) {
      throw new IllegalStateException("Could not compose email '" + template + "'", e);
    }
    List<String> everyone = new ArrayList<>(recipients);
    everyone.addAll(copyTo);
    log.logSent(
        String.join(", ", everyone),
        template,
        mail.subject(),
        OffsetDateTime.now(clock),
        processInstanceId,
        accountId);
    LOG.info("Sent '{}' to {} (process instance {})", template, everyone, processInstanceId);
  }
}
