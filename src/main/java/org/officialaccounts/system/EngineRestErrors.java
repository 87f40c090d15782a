package org.officialaccounts.system;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * The engine REST API answers a process start whose values a start listener refused with a
 * server error, although its "submit form" twin answers the same refusal with 400. Clients of
 * {@code /process-definition/.../start} get the 400 and the reason here too.
 */
@Component
public class EngineRestErrors implements ResourceConfigCustomizer {

  @Override
  public void customize(ResourceConfig config) {
    config.register(RefusedValues.class);
  }

  /** Camunda's own handler, but for refused values. */
  @Priority(Priorities.USER - 100)
  public static class RefusedValues implements ExceptionMapper<RestException> {

    private final RestExceptionHandler engine = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      if (exception.getCause() instanceof FormFieldValidationException refused) {
        return Response.status(Response.Status.BAD_REQUEST)
            .entity(ExceptionDto.fromException(refused))
            .type(MediaType.APPLICATION_JSON_TYPE)
            .build();
      }
      return engine.toResponse(exception);
    }
  }
}
