package org.officialaccounts.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.officialaccounts.registry.InvalidAccountUrlException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns the API's exceptions into RFC 9457 problem details with field-level reasons. */
@RestControllerAdvice(basePackages = "org.officialaccounts")
public class ApiProblems {

  /** A query parameter or body field the caller must fix. */
  public static class InvalidInputException extends RuntimeException {
    private final String field;
    private final String reasonAr;

    public InvalidInputException(String field, String reason) {
      this(field, reason, null);
    }

    /** With the reason in Arabic too, for what the public page shows. */
    public InvalidInputException(String field, String reason, String reasonAr) {
      super(field + ": " + reason);
      this.field = field;
      this.reasonAr = reasonAr;
    }

    Map<String, String> error() {
      String reason = getMessage().substring(field.length() + 2);
      return reasonAr == null
          ? Map.of("field", field, "reason", reason)
          : Map.of("field", field, "reason", reason, "reasonAr", reasonAr);
    }
  }

  /** Several body fields the caller must fix, each named with its reason in both languages. */
  public static class InvalidFieldsException extends RuntimeException {
    private final transient List<org.officialaccounts.request.FieldError> errors;

    public InvalidFieldsException(List<org.officialaccounts.request.FieldError> errors) {
      super(errors.stream().map(e -> e.field() + ": " + e.messageEn()).collect(java.util.stream.Collectors.joining("; ")));
      this.errors = List.copyOf(errors);
    }
  }

  /** The caller may not see or change this resource. */
  public static class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
      super(message);
    }
  }

  /** The resource is not in a state that allows this; the message says why. */
  public static class ConflictException extends RuntimeException {
    public ConflictException(String message) {
      super(message);
    }
  }

  /** Nothing exists under this identifier. */
  public static class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
      super(message);
    }
  }

  @ExceptionHandler(InvalidFieldsException.class)
  ProblemDetail invalidFields(InvalidFieldsException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid input");
    problem.setType(URI.create("urn:official-accounts:problem:invalid-input"));
    problem.setProperty("errors", e.errors.stream()
        .map(err -> Map.of("field", err.field(), "reason", err.messageEn(), "reasonAr", err.messageAr()))
        .toList());
    return problem;
  }

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalid(InvalidInputException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid input");
    problem.setType(URI.create("urn:official-accounts:problem:invalid-input"));
    problem.setProperty("errors", List.of(e.error()));
    return problem;
  }

  @ExceptionHandler(InvalidAccountUrlException.class)
  ProblemDetail invalidAccount(InvalidAccountUrlException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Not an account address");
    problem.setType(URI.create("urn:official-accounts:problem:invalid-input"));
    problem.setProperty(
        "errors", List.of(Map.of("field", "url", "reason", e.messageEn(), "reasonAr", e.messageAr())));
    return problem;
  }

  @ExceptionHandler(ForbiddenException.class)
  ProblemDetail forbidden(ForbiddenException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    problem.setTitle("Forbidden");
    return problem;
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setTitle("Conflict");
    return problem;
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Not found");
    return problem;
  }

}
