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
    private final transient Map<String, String> fields;

    public InvalidInputException(String field, String reason) {
      super(field + ": " + reason);
      this.fields = Map.of(field, reason);
    }

    public Map<String, String> fields() {
      return fields;
    }
  }

  /** The caller may not see or change this resource. */
  public static class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
      super(message);
    }
  }

  /** Nothing exists under this identifier. */
  public static class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
      super(message);
    }
  }

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalid(InvalidInputException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid input");
    problem.setType(URI.create("urn:official-accounts:problem:invalid-input"));
    problem.setProperty(
        "errors",
        e.fields().entrySet().stream()
            .map(f -> Map.of("field", f.getKey(), "reason", f.getValue()))
            .toList());
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

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Not found");
    return problem;
  }

}
