package org.officialaccounts.security;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * One setting for running behind a proxy that terminates TLS ({@code OA_HTTPS=true}): the
 * proxy's forwarded headers are believed, and the session and CSRF cookies travel only over
 * HTTPS. Spring Security then sees such requests as secure and sends HSTS on them.
 */
public class HttpsSwitch implements EnvironmentPostProcessor {

  public static final String PROPERTY = "official-accounts.security.https";
  static final String SOURCE = "officialAccountsHttps";

  /** What the switch sets; each can still be overridden one by one, e.g. the trusted proxies. */
  static final Map<String, Object> SETTINGS = settings();

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.getProperty(PROPERTY, Boolean.class, false)) {
      return;
    }
    Map<String, Object> unset = new LinkedHashMap<>();
    // Explicit settings win, so an operator can still tune one of them (say, a proxy that
    // sends only X-Forwarded-For); the switch fills in the rest.
    SETTINGS.forEach((key, value) -> {
      if (!environment.containsProperty(key)) {
        unset.put(key, value);
      }
    });
    environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, unset));
  }

  private static Map<String, Object> settings() {
    Map<String, Object> settings = new LinkedHashMap<>();
    // Tomcat's RemoteIpValve: X-Forwarded-For/-Proto from a proxy on a private address.
    settings.put("server.forward-headers-strategy", "native");
    settings.put("server.servlet.session.cookie.secure", true);
    settings.put("camunda.bpm.webapp.csrf.enable-secure-cookie", true);
    settings.put("camunda.bpm.webapp.session-cookie.enable-secure-cookie", true);
    return Map.copyOf(settings);
  }
}
