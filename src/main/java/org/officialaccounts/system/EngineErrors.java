package org.officialaccounts.system;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/** The engine exceptions that Tasklist and the REST API report as a client's mistake (400). */
public final class EngineErrors {

  private EngineErrors() {}

  /** Refuses a task completion or start whose submitted values have problems, naming each. */
  public static void rejectIfInvalid(java.util.List<org.officialaccounts.request.FieldError> errors) {
    if (!errors.isEmpty()) {
      throw invalidInput(
          errors.stream()
              .map(org.officialaccounts.request.FieldError::bilingual)
              .collect(java.util.stream.Collectors.joining("; ")));
    }
  }

  /** A submitted value the user must fix; the message says what. */
  public static RuntimeException invalidInput(String message) {
    return new FormFieldValidationException(message, message);
  }
}
