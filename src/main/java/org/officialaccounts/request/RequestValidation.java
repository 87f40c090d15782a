package org.officialaccounts.request;

import java.util.List;
import java.util.stream.Collectors;

/** The outcome of checking a request: either a valid request or the list of what to fix. */
public record RequestValidation(ValidatedRequest request, List<FieldError> errors) {

  public boolean valid() {
    return errors.isEmpty();
  }

  /** One line per problem, each in English and Arabic, for the requester's correction task. */
  public String errorText() {
    return errors.stream().map(FieldError::bilingual).collect(Collectors.joining("\n"));
  }
}
