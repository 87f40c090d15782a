package org.officialaccounts.security;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Servlet filters in front of the engine's REST APIs (the public one and the webapps'). */
@Configuration
public class WebFilters {

  static final int MAX_BODY_BYTES = 1024 * 1024;

  @Bean
  FilterRegistrationBean<RequestBodyGuardFilter> requestBodyGuard() {
    FilterRegistrationBean<RequestBodyGuardFilter> registration =
        new FilterRegistrationBean<>(new RequestBodyGuardFilter(MAX_BODY_BYTES));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*", "/api/*");
    // After Spring Security: nobody gets their body parsed before logging in.
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
    return registration;
  }
}
