package org.officialaccounts.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends a bilingual email (plain text and HTML in one message) and logs it in the registry.
 *
 * <p>Failures propagate: the caller is a retried job, so a mail outage becomes retries and then
 * an incident instead of a lost email. The email is handed to the mail server when the caller's
 * transaction is about to commit (see {@link #send}). Each failure counts in {@code oa.mail.failures}, each email
 * sent in {@code oa.mail.sent}, by template.
 */
@Service
public class MailService {

  private static final Logger LOG = LoggerFactory.getLogger(MailService.class);
  static final String SENT = "oa.mail.sent";
  static final String FAILURES = "oa.mail.failures";

  private final JavaMailSender sender;
  private final MailTemplates templates;
  private final NotificationRepository log;
  private final MailProperties properties;
  private final Clock clock;
  private final MeterRegistry meters;

  public MailService(
      JavaMailSender sender,
      MailTemplates templates,
      NotificationRepository log,
      MailProperties properties,
      Clock clock,
      MeterRegistry meters) {
    this.sender = sender;
    this.templates = templates;
    this.log = log;
    this.properties = properties;
    this.clock = clock;
    this.meters = meters;
  }

  public void send(
      String template,
      List<String> recipients,
      Map<String, Object> values,
      String processInstanceId,
      Long accountId) {
    if (recipients.isEmpty()) {
      throw new IllegalStateException("No recipient for email '" + template + "'");
    }
    Map<String, Object> model = new HashMap<>(values);
    model.put("baseUrl", properties.baseUrl());
    model.put("tasklistUrl", properties.baseUrl() + "/camunda/app/tasklist/");
    MailTemplates.RenderedMail mail = templates.render(template, model);
    MimeMessage message;
    try {
      message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(properties.from());
      helper.setTo(recipients.toArray(String[]::new));
      helper.setSubject(mail.subject());
      helper.setText(mail.text(), mail.html());
    } catch (MessagingException e) {
      failed(template);
      throw new IllegalStateException("Could not compose email '" + template + "'", e);
    }
    log.logSent(
        String.join(", ", recipients),
        template,
        mail.subject(),
        OffsetDateTime.now(clock),
        processInstanceId,
        accountId);
    Runnable handOver = () -> {
      try {
        sender.send(message);
      } catch (MailException e) {
        failed(template);
        throw e;
      }
      counter(SENT, "Emails handed to the mail server", template).increment();
      LOG.info("Sent '{}' to {} (process instance {})", template, recipients, processInstanceId);
    };
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      // Handed over as the last step before the caller's transaction commits, after everything
      // else it writes: a failure before then (a database error, a concurrent change the engine
      // detects) sends nothing and the job runs again. Only a connection lost while the mail
      // server takes the email, or during the commit, can still repeat it: SMTP takes no part in
      // the transaction. A mail server that refuses rolls the transaction back, log row included.
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void beforeCommit(boolean readOnly) {
          handOver.run();
        }
      });
    } else {
      handOver.run();
    }
  }

  private void failed(String template) {
    counter(FAILURES, "Emails that could not be composed or handed to the mail server", template).increment();
  }

  private Counter counter(String name, String description, String template) {
    return Counter.builder(name).description(description).tag("template", template).register(meters);
  }
}
