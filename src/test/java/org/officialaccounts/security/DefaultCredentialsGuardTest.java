package org.officialaccounts.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.officialaccounts.OfficialAccountsApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

class DefaultCredentialsGuardTest {

  final DefaultCredentialsGuard guard = new DefaultCredentialsGuard();

  @Test
  void productionRefusesToStartWithoutOrWithDefaultAdministratorCredentials() {
    for (String[] credentials : new String[][] {
        {"", ""}, {"demo", "demo"}, {"admin", "Long-Enough-Password"}, {"ops", "short"},
        {"ops", "password"}, {"operator-on-duty", "operator-on-duty"}}) {
      MockEnvironment env = production()
          .withProperty("camunda.bpm.admin-user.id", credentials[0])
          .withProperty("camunda.bpm.admin-user.password", credentials[1]);
      assertThatThrownBy(() -> guard.postProcessEnvironment(env, new SpringApplication()))
          .as("%s / %s", credentials[0], credentials[1])
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Refusing to start");
    }
  }

  @Test
  void productionStartsWithANamedAdministratorAndAStrongPassword() {
    MockEnvironment env = production()
        .withProperty("camunda.bpm.admin-user.id", "ops-admin")
        .withProperty("camunda.bpm.admin-user.password", "c0rrect-h0rse-battery");
    assertThatCode(() -> guard.postProcessEnvironment(env, new SpringApplication())).doesNotThrowAnyException();
  }

  @Test
  void theDemoMayUseItsKnownCredentialsButNeverWithPostgres() {
    MockEnvironment demo = new MockEnvironment();
    demo.setDefaultProfiles("demo");
    assertThatCode(() -> guard.postProcessEnvironment(demo, new SpringApplication())).doesNotThrowAnyException();

    MockEnvironment mixed = new MockEnvironment();
    mixed.setActiveProfiles("demo", "postgres");
    assertThatThrownBy(() -> guard.postProcessEnvironment(mixed, new SpringApplication()))
        .hasMessageContaining("cannot run with the postgres profile");

    MockEnvironment elsewhere = new MockEnvironment()
        .withProperty("spring.datasource.url", "jdbc:postgresql://db.ministry.example:5432/accounts");
    elsewhere.setDefaultProfiles("demo");
    assertThatThrownBy(() -> guard.postProcessEnvironment(elsewhere, new SpringApplication()))
        .hasMessageContaining("runs only on its embedded H2 database")
        .hasMessageContaining("SPRING_PROFILES_ACTIVE=postgres");
    MockEnvironment embedded = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:mem:demo");
    embedded.setDefaultProfiles("demo");
    assertThatCode(() -> guard.postProcessEnvironment(embedded, new SpringApplication())).doesNotThrowAnyException();
  }

  @Test
  void thePostgresProfileRefusesToStartWithTheDemoCredentialsOrNone() {
    // The real start-up, as `java -jar` with SPRING_PROFILES_ACTIVE=postgres: it stops before a
    // database or a port is touched (the URL points nowhere).
    for (String[] credentials : new String[][] {{"demo", "demo"}, {"", ""}}) {
      assertThatThrownBy(() -> new SpringApplicationBuilder(OfficialAccountsApplication.class)
              .profiles("postgres")
              .properties("camunda.bpm.admin-user.id=" + credentials[0],
                  "camunda.bpm.admin-user.password=" + credentials[1],
                  "spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nowhere")
              .run())
          .as("%s / %s", credentials[0], credentials[1])
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Refusing to start");
    }
  }

  @Test
  void explainsWhatIsWrong() {
    assertThat(DefaultCredentialsGuard.problem("", "x")).contains("no administrator");
    assertThat(DefaultCredentialsGuard.problem("ops", "tiny")).contains("shorter than 12");
  }

  private static MockEnvironment production() {
    MockEnvironment env = new MockEnvironment();
    env.setActiveProfiles("postgres");
    return env;
  }
}
