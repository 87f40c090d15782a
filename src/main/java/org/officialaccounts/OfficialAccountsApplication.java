package org.officialaccounts;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the official-accounts workflow application. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OfficialAccountsApplication {

  public static void main(String[] args) {
    SpringApplication.run(OfficialAccountsApplication.class, args);
  }
}
