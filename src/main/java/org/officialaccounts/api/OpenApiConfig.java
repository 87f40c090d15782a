package org.officialaccounts.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description of the registry and public APIs, served at /v3/api-docs. */
@Configuration
public class OpenApiConfig {

  @Bean
  OpenAPI officialAccountsApi() {
    return new OpenAPI()
        .info(new Info()
            .title("Official accounts registry API")
            .version("1")
            .description("The registry of the ministry's official social media accounts. "
                + "/api/public/** needs no login; everything else HTTP Basic with a Camunda user. "
                + "Errors are RFC 9457 problem details."))
        .components(new Components().addSecuritySchemes("basic",
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }
}
