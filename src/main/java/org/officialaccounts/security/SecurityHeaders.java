package org.officialaccounts.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The security headers of every response: no sniffing, no framing by other sites, no address
 * handed to other sites, HSTS on HTTPS, and a Content-Security-Policy per kind of response.
 * Camunda's webapps send their own policy (with a nonce per page), so they get none from here.
 */
final class SecurityHeaders {

  /** The public page: its own script and stylesheet, its own API, nothing inline, no frames. */
  static final String PUBLIC_PAGE_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
          + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  /** JSON and CSV: nothing in them may load or run anything. */
  static final String DATA_POLICY = "default-src 'none'; frame-ancestors 'none'";

  /**
   * Other pages (API description, demo mailbox): scripts from here only; inline styles, since
   * the demo mailbox shows emails, which carry their own.
   */
  static final String OTHER_PAGE_POLICY =
      "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none';"
          + " base-uri 'self'; frame-ancestors 'self'";

  static final long HSTS_MAX_AGE_SECONDS = 365L * 24 * 60 * 60;

  private SecurityHeaders() {}

  /** For the JSON APIs (and the demo mailbox, which shares their login). */
  static void api(HttpSecurity http) throws Exception {
    common(http);
    http.headers(h -> h.frameOptions(f -> f.deny())
        .addHeaderWriter(policy(path("/demo/**"), OTHER_PAGE_POLICY))
        .addHeaderWriter(policy(new NegatedRequestMatcher(path("/demo/**")), DATA_POLICY)));
  }

  /** For the pages: the public page, the API description, Camunda's webapps. */
  static void web(HttpSecurity http) throws Exception {
    common(http);
    RequestMatcher publicPage = new OrRequestMatcher(path("/"), path("/index.html"), path("/public/**"));
    RequestMatcher camunda = path("/camunda/**");
    http.headers(h -> h.frameOptions(f -> f.sameOrigin())
        .addHeaderWriter(policy(publicPage, PUBLIC_PAGE_POLICY))
        .addHeaderWriter(policy(
            new NegatedRequestMatcher(new OrRequestMatcher(publicPage, camunda)), OTHER_PAGE_POLICY)));
  }

  private static void common(HttpSecurity http) throws Exception {
    http.headers(h -> h
        .contentTypeOptions(c -> { })
        // Links out of the public page (to the accounts it lists) carry no address of ours.
        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
        // Written only on secure requests: over HTTPS, or behind the proxy with OA_HTTPS=true.
        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(HSTS_MAX_AGE_SECONDS)));
  }

  private static DelegatingRequestMatcherHeaderWriter policy(RequestMatcher matcher, String policy) {
    return new DelegatingRequestMatcherHeaderWriter(matcher, new ContentSecurityPolicyHeaderWriter(policy));
  }

  static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }
}
