package org.officialaccounts.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what over HTTP. The JSON API and the engine REST API need HTTP Basic against
 * the engine's users; the Camunda webapps keep their own session login and CSRF protection.
 */
@Configuration
public class SecurityConfig {

  /**
   * The actuator: the liveness and readiness probes answer anyone (load balancers and
   * orchestrators carry no password, and the probes show no detail); health details, metrics and
   * the rest are for administrators.
   */
  @Bean
  @Order(0)
  SecurityFilterChain operationsSecurity(HttpSecurity http, CamundaAuthenticationProvider provider)
      throws Exception {
    http.securityMatcher(EndpointRequest.toAnyEndpoint())
        .authenticationProvider(provider)
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(path("/actuator/health/liveness"), path("/actuator/health/readiness")).permitAll()
            .anyRequest().hasAuthority(Groups.CAMUNDA_ADMIN))
        .httpBasic(Customizer.withDefaults())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(
      HttpSecurity http, CamundaAuthenticationProvider provider, IdentityService identity)
      throws Exception {
    // Path patterns rather than MVC matchers: /engine-rest is served by Jersey, not Spring MVC.
    http.securityMatcher(
            new OrRequestMatcher(path("/api/**"), path("/engine-rest/**"), path("/demo/**")))
        .authenticationProvider(provider)
        .authorizeHttpRequests(
            auth -> auth.requestMatchers(path("/api/public/**")).permitAll().anyRequest().authenticated())
        .httpBasic(Customizer.withDefaults())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // Stateless Basic authentication sends no cookie a foreign page could ride on.
        .csrf(csrf -> csrf.disable())
        .addFilterAfter(new EngineAuthenticationFilter(identity), BasicAuthenticationFilter.class);
    SecurityHeaders.api(http);
    return http.build();
  }

  private static RequestMatcher path(String pattern) {
    return SecurityHeaders.path(pattern);
  }

  @Bean
  @Order(2)
  SecurityFilterChain webSecurity(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        // The Camunda webapps (/camunda/**) authenticate and guard against CSRF themselves.
        .csrf(csrf -> csrf.disable());
    SecurityHeaders.web(http);
    return http.build();
  }
}
