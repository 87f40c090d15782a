package org.officialaccounts.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class HttpsSwitchTest {

  final HttpsSwitch https = new HttpsSwitch();

  @Test
  void offChangesNothing() {
    MockEnvironment env = new MockEnvironment().withProperty(HttpsSwitch.PROPERTY, "false");
    https.postProcessEnvironment(env, new SpringApplication());

    assertThat(env.getPropertySources().contains(HttpsSwitch.SOURCE)).isFalse();
    assertThat(env.getProperty("server.forward-headers-strategy")).isNull();
    assertThat(env.getProperty("server.servlet.session.cookie.secure")).isNull();
  }

  @Test
  void onBelievesTheProxyAndKeepsCookiesToHttps() {
    MockEnvironment env = new MockEnvironment().withProperty(HttpsSwitch.PROPERTY, "true");
    https.postProcessEnvironment(env, new SpringApplication());

    assertThat(env.getProperty("server.forward-headers-strategy")).isEqualTo("native");
    assertThat(env.getProperty("server.servlet.session.cookie.secure", Boolean.class)).isTrue();
    assertThat(env.getProperty("camunda.bpm.webapp.csrf.enable-secure-cookie", Boolean.class)).isTrue();
    assertThat(env.getProperty("camunda.bpm.webapp.session-cookie.enable-secure-cookie", Boolean.class)).isTrue();
  }

  @Test
  void anExplicitSettingStillWins() {
    MockEnvironment env = new MockEnvironment()
        .withProperty(HttpsSwitch.PROPERTY, "true")
        .withProperty("server.forward-headers-strategy", "framework");
    https.postProcessEnvironment(env, new SpringApplication());

    assertThat(env.getProperty("server.forward-headers-strategy")).isEqualTo("framework");
    assertThat(env.getProperty("server.servlet.session.cookie.secure", Boolean.class)).isTrue();
  }
}
