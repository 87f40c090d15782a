package org.officialaccounts.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sender and link settings of outgoing email.
 *
 * @param from the From header
 * @param baseUrl where the app is reached, for links in emails
 */
@ConfigurationProperties("official-accounts.mail")
public record MailProperties(String from, String baseUrl) {}
