package org.officialaccounts.system;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/** The engine exceptions that Tasklist and the REST API report as a client's mistake (400). */
public final class EngineErrors {

  private EngineErrors() {}

  /** A submitted value the user must fix; the message says what. */
  public static RuntimeException invalidInput(String message) {
    return new FormFieldValidationException(message, message);
  }
}
