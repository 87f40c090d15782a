package org.officialaccounts.operations;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often the operations figures and the mail server check may cost a query or a connection.
 *
 * @param figuresTtl how long the database figures behind the gauges are reused (every scrape
 *     within it reads the same snapshot)
 * @param mailCheckTtl how long the mail server's last answer is reused by the health endpoint
 * @param mailCheckTimeout how long the health endpoint waits for the mail server before it
 *     reports it down
 */
@ConfigurationProperties("official-accounts.operations")
public record OperationsSettings(
    @DefaultValue("PT10S") Duration figuresTtl,
    @DefaultValue("PT30S") Duration mailCheckTtl,
    @DefaultValue("PT3S") Duration mailCheckTimeout) {}
