package org.officialaccounts.security;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat answers "Expect: 100-continue" only when the application starts reading the body
 * (its default answers at once): a client such as curl then gets a 413 for a body over a size
 * limit before uploading it, instead of a connection closed halfway through the upload.
 */
@Configuration
public class ContinueOnRead {

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> continueResponseOnRead() {
    return factory -> factory.addConnectorCustomizers(
        connector -> connector.setProperty("continueResponseTiming", "onRead"));
  }
}
