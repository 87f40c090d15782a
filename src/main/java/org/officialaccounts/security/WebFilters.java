package org.officialaccounts.security;

import java.util.Set;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.officialaccounts.publicverify.PublicProperties;
import org.officialaccounts.publicverify.PublicRateLimitFilter;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/** Servlet filters in front of the engine's REST APIs (the public one and the webapps'). */
@Configuration
public class WebFilters {

  static final int MAX_JSON_BYTES = 1024 * 1024;
  /** As spring.servlet.multipart.max-request-size: the engine's REST API parses multipart itself. */
  static final int MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
  /** The inventory import reads its CSV within its own limit and names it in its answer. */
  static final Set<String> OWN_LIMITS = Set.of("/api/accounts/import");

  @Bean
  FilterRegistrationBean<PublicRateLimitFilter> publicRateLimit(PublicProperties properties) {
    FilterRegistrationBean<PublicRateLimitFilter> registration =
        new FilterRegistrationBean<>(new PublicRateLimitFilter(properties));
    registration.addUrlPatterns("/api/public/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /** Lets browsers and proxies revalidate public answers cheaply (304 Not Modified). */
  @Bean
  FilterRegistrationBean<ShallowEtagHeaderFilter> publicEtags() {
    FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
        new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
    registration.addUrlPatterns("/api/public/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  @Bean
  FilterRegistrationBean<WebappAccessFilter> webappAccess(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String applicationPath) {
    FilterRegistrationBean<WebappAccessFilter> registration =
        new FilterRegistrationBean<>(new WebappAccessFilter(applicationPath));
    registration.addUrlPatterns(applicationPath + "/api/*");
    return registration;
  }

  @Bean
  FilterRegistrationBean<FormVariablesGuard> formVariablesGuard(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String applicationPath,
      FormService forms, RepositoryService repository) {
    FilterRegistrationBean<FormVariablesGuard> registration =
        new FilterRegistrationBean<>(new FormVariablesGuard(applicationPath, forms, repository));
    registration.addUrlPatterns("/engine-rest/*", applicationPath + "/api/engine/*");
    // After the body guard: it has read and checked the body, and replays it.
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 90);
    return registration;
  }

  @Bean
  FilterRegistrationBean<RequestBodyGuardFilter> requestBodyGuard(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String applicationPath) {
    FilterRegistrationBean<RequestBodyGuardFilter> registration =
        new FilterRegistrationBean<>(new RequestBodyGuardFilter(MAX_JSON_BYTES, MAX_UPLOAD_BYTES, OWN_LIMITS));
    registration.addUrlPatterns("/engine-rest/*", applicationPath + "/api/*", "/api/*");
    // After Spring Security: nobody gets their body parsed before logging in.
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
    return registration;
  }
}
