package org.officialaccounts.registry;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans of the registry that are plain Java objects. */
@Configuration
public class RegistryConfig {

  @Bean
  AccountUrlCanonicalizer accountUrlCanonicalizer() {
    return new AccountUrlCanonicalizer();
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
