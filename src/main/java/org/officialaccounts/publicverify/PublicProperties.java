package org.officialaccounts.publicverify;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the public API.
 *
 * @param requestsPerWindow how many requests one client may make per window
 * @param window the length of the window
 * @param cacheSeconds how long browsers and proxies may keep an answer
 */
@ConfigurationProperties("official-accounts.public")
public record PublicProperties(Integer requestsPerWindow, Duration window, Integer cacheSeconds) {

  public PublicProperties {
    requestsPerWindow = requestsPerWindow == null ? 120 : requestsPerWindow;
    window = window == null ? Duration.ofMinutes(1) : window;
    cacheSeconds = cacheSeconds == null ? 60 : cacheSeconds;
  }
}
