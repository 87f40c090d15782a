package org.officialaccounts.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded demo.
 *
 * @param smtpPort the port of the in-process SMTP server
 */
@ConfigurationProperties("official-accounts.demo")
public record DemoProperties(Integer smtpPort) {}
