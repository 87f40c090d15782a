package org.officialaccounts.system;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.FormException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine wraps what a task listener throws; a rejected form value or a missing permission
 * would then reach Tasklist and REST clients as a server error. This outermost interceptor
 * hands them the original "bad request" or "forbidden" instead, after the transaction has been
 * rolled back.
 */
@Component
public class UserErrorUnwrappingPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> pre =
        configuration.getCustomPreCommandInterceptorsTxRequired() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    pre.add(0, new Unwrapping());
    configuration.setCustomPreCommandInterceptorsTxRequired(pre);
  }

  static class Unwrapping extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (BadUserRequestException | AuthorizationException | FormException e) {
        throw e;
      } catch (ProcessEngineException e) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
          if (cause instanceof BadUserRequestException
              || cause instanceof AuthorizationException
              || cause instanceof FormException) {
            throw (ProcessEngineException) cause;
          }
        }
        throw e;
      }
    }
  }
}
