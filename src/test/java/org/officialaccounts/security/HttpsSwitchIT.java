package org.officialaccounts.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.officialaccounts.support.DemoSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application behind a proxy that terminates TLS, with {@code OA_HTTPS=true}: the proxy's
 * forwarded headers count, HSTS is sent on what came in over HTTPS, and the session and CSRF
 * cookies are Secure. (WebSecurityIT shows the switch off.) The embedded demo in a JVM of its
 * own, since its settings differ from every other test's.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "official-accounts.security.https=true",
      "official-accounts.public.requests-per-window=2",
      "spring.datasource.url=jdbc:h2:mem:https-it;DB_CLOSE_DELAY=-1",
      "camunda.bpm.job-execution.enabled=false"
    })
@ActiveProfiles("demo")
class HttpsSwitchIT {

  @Autowired TestRestTemplate rest;

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    DemoSmtp.onFreePort(registry);
  }

  @Test
  void sendsHstsOnWhatTheProxyReceivedOverHttps() {
    ResponseEntity<String> viaHttps = get("/api/units", proxied("https", "203.0.113.10"));
    assertThat(viaHttps.getStatusCode().value()).isEqualTo(200);
    assertThat(viaHttps.getHeaders().getFirst("Strict-Transport-Security"))
        .isEqualTo("max-age=" + SecurityHeaders.HSTS_MAX_AGE_SECONDS + " ; includeSubDomains");
    assertThat(get("/", proxied("https", "203.0.113.10")).getHeaders().containsKey("Strict-Transport-Security")).isTrue();

    ResponseEntity<String> viaHttp = get("/api/units", proxied("http", "203.0.113.10"));
    assertThat(viaHttp.getHeaders().containsKey("Strict-Transport-Security")).isFalse();
  }

  @Test
  void sessionAndCsrfCookiesAreSecure() {
    ResponseEntity<String> page = get("/camunda/app/tasklist/default/", proxied("https", "203.0.113.11"));
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    List<String> cookies = page.getHeaders().get(HttpHeaders.SET_COOKIE);
    assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("Secure", "HttpOnly"));
    assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN=").contains("Secure", "SameSite=Lax"));
  }

  @Test
  void countsEachClientBehindTheProxyByItsOwnAddress() {
    String path = "/api/public/verify?url=@moe_kw";
    assertThat(get(path, proxied("https", "198.51.100.1")).getStatusCode().value()).isEqualTo(200);
    assertThat(get(path, proxied("https", "198.51.100.1")).getStatusCode().value()).isEqualTo(200);
    assertThat(get(path, proxied("https", "198.51.100.1")).getStatusCode().value()).isEqualTo(429);
    // Another person behind the same proxy has a budget of their own.
    assertThat(get(path, proxied("https", "198.51.100.2")).getStatusCode().value()).isEqualTo(200);
  }

  private ResponseEntity<String> get(String path, HttpHeaders headers) {
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  /** A request as the proxy (on this machine's loopback, a trusted address) passes it on. */
  private static HttpHeaders proxied(String protocol, String client) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Forwarded-Proto", protocol);
    headers.set("X-Forwarded-For", client);
    headers.setBasicAuth("reviewer", "reviewer");
    return headers;
  }
}
