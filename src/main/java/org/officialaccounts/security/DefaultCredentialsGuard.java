package org.officialaccounts.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start anything but the embedded demo with missing or well-known administrator
 * credentials, before a database or a port is touched.
 */
public class DefaultCredentialsGuard implements EnvironmentPostProcessor {

  static final String DEMO_PROFILE = "demo";
  static final int MIN_PASSWORD_LENGTH = 12;
  private static final Set<String> WELL_KNOWN =
      Set.of("demo", "admin", "administrator", "camunda", "password", "changeme", "secret",
          "123456", "12345678", "123456789012", "password123", "admin123");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String[] active = environment.getActiveProfiles();
    boolean demo =
        active.length == 0
            ? Arrays.asList(environment.getDefaultProfiles()).contains(DEMO_PROFILE)
            : Arrays.asList(active).contains(DEMO_PROFILE);
    if (demo) {
      if (Arrays.asList(active).contains("postgres")) {
        throw new IllegalStateException(
            "The demo profile (demo users, password = user id) cannot run with the postgres profile");
      }
      // A shared database given to the demo (SPRING_DATASOURCE_URL, say) would serve the demo
      // users' well-known passwords to whoever reaches it: the demo keeps to its own H2 file.
      String url = environment.getProperty("spring.datasource.url", "");
      if (!url.isBlank() && !url.startsWith("jdbc:h2:")) {
        throw new IllegalStateException("The demo profile (demo users, password = user id) runs only on its"
            + " embedded H2 database, not on " + url.replaceAll("//[^/@]*@", "//") + ": for that database start"
            + " with SPRING_PROFILES_ACTIVE=postgres and a named administrator (OA_ADMIN_USER, OA_ADMIN_PASSWORD)");
      }
      return;
    }
    String user = environment.getProperty("camunda.bpm.admin-user.id", "");
    String password = environment.getProperty("camunda.bpm.admin-user.password", "");
    String problem = problem(user, password);
    if (problem != null) {
      throw new IllegalStateException(
          "Refusing to start: " + problem + ". Set OA_ADMIN_USER and OA_ADMIN_PASSWORD"
              + " (camunda.bpm.admin-user.id / .password) to a named administrator and a strong"
              + " password of at least " + MIN_PASSWORD_LENGTH + " characters.");
    }
  }

  /** What is wrong with the administrator credentials, or null when they are acceptable. */
  static String problem(String user, String password) {
    if (user == null || user.isBlank()) {
      return "no administrator user is configured";
    }
    if (WELL_KNOWN.contains(user.toLowerCase(Locale.ROOT))) {
      return "the administrator user '" + user + "' is a well-known default";
    }
    if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
      return "the administrator password is missing or shorter than " + MIN_PASSWORD_LENGTH;
    }
    if (WELL_KNOWN.contains(password.toLowerCase(Locale.ROOT))
        || password.equalsIgnoreCase(user)) {
      return "the administrator password is a well-known default";
    }
    return null;
  }
}
