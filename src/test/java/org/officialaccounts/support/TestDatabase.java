package org.officialaccounts.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL database of the integration tests: {@code SPRING_DATASOURCE_URL} or the local
 * default, emptied once per test run so every run starts from the migrations.
 */
public final class TestDatabase {

  public static final String URL =
      env("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  public static final String USER = env("SPRING_DATASOURCE_USERNAME", "postgres");
  public static final String PASSWORD = env("SPRING_DATASOURCE_PASSWORD", "");

  private static Boolean available;

  private TestDatabase() {}

  /** Whether PostgreSQL answers; when it must (CI), a missing database fails the run instead. */
  public static synchronized boolean prepare() {
    if (available != null) {
      return available;
    }
    String database = URL.replaceAll("^.*/([^/?]+)(\\?.*)?$", "$1");
    if (!database.contains("test")) {
      throw new IllegalStateException(
          "Refusing to empty database '" + database + "': integration tests only run on a database whose name contains 'test'");
    }
    DriverManager.setLoginTimeout(5);
    try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
      statement.execute("CREATE SCHEMA public");
      available = true;
    } catch (SQLException e) {
      if (Boolean.parseBoolean(env("OA_REQUIRE_POSTGRES", "false"))) {
        throw new IllegalStateException("PostgreSQL is required but not reachable at " + URL, e);
      }
      System.err.println(
          "\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n"
              + "!! PostgreSQL is not reachable at " + URL + ": integration tests are SKIPPED.\n"
              + "!! Start PostgreSQL or set SPRING_DATASOURCE_URL; CI sets OA_REQUIRE_POSTGRES=true.\n"
              + "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n");
      available = false;
    }
    return available;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
