package org.officialaccounts.directive.adapter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.officialaccounts.directive.DirectiveService;
import org.officialaccounts.system.EngineErrors;
import org.springframework.stereotype.Component;

/** A directive starts only with every field of its start form well formed, whoever submits it. */
@Component("directiveStartListener")
public class DirectiveStartListener implements ExecutionListener {

  private final DirectiveService directives;

  public DirectiveStartListener(DirectiveService directives) {
    this.directives = directives;
  }

  @Override
  public void notify(DelegateExecution execution) {
    EngineErrors.rejectIfInvalid(directives.check(DirectiveVariables.of(execution, DirectiveVariables.START)));
  }
}
