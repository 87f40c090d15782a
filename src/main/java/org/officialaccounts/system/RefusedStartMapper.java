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
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * The engine's REST API answers a process start that a listener or delegate refused for its
 * input with 400, as it already does a refused task completion or form submission; its start
 * endpoint would otherwise report the client's mistake as a server error.
 */
@Priority(Priorities.USER - 100)
public class RefusedStartMapper implements ExceptionMapper<RestException> {

  private final RestExceptionHandler camunda = new RestExceptionHandler();

  @Override
  public Response toResponse(RestException exception) {
    for (Throwable cause = exception.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause instanceof FormFieldValidationException) {
        ExceptionDto dto = ExceptionDto.fromException(exception);
        dto.setType("InvalidRequestException");
        return Response.status(Response.Status.BAD_REQUEST).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
      }
    }
    return camunda.toResponse(exception);
  }

  /** Registers the mapper with the engine's REST API under /engine-rest. */
  @Component
  static class Registration implements ResourceConfigCustomizer {
    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
      config.register(RefusedStartMapper.class);
    }
  }
}
