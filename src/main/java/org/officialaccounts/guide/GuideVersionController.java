package org.officialaccounts.guide;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.officialaccounts.api.ApiProblems.ForbiddenException;
import org.officialaccounts.api.ApiProblems.InvalidInputException;
import org.officialaccounts.api.ApiProblems.NotFoundException;
import org.officialaccounts.request.FieldError;
import org.officialaccounts.security.Actor;
import org.officialaccounts.security.CurrentActor;
import org.officialaccounts.security.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The governance guide's versions: PR &amp; Media and administrators publish one, which asks
 * every manager of a live account to acknowledge it; PR &amp; Media, the Undersecretary and
 * administrators follow the acknowledgements.
 */
@RestController
@RequestMapping("/api/guide-versions")
public class GuideVersionController {

  /** What publishing answers: the version and the process asking its managers. */
  public record Publication(String version, String processInstanceId) {}

  private final GuideService guides;
  private final GuideVersionRules rules;

  public GuideVersionController(GuideService guides, GuideVersionRules rules) {
    this.guides = guides;
    this.rules = rules;
  }

  /** Body: {@code {version, effectiveDate (YYYY-MM-DD), summary, link (optional, https)}}. */
  @PostMapping
  public ResponseEntity<Publication> publish(
      @RequestBody(required = false) Map<String, Object> body, Authentication authentication) {
    Actor actor = CurrentActor.of(authentication);
    if (!actor.groups().contains(Groups.PR_MEDIA) && !actor.groups().contains(Groups.CAMUNDA_ADMIN)) {
      throw new ForbiddenException("Versions of the guide are published by PR & Media and administrators");
    }
    GuideVersionRules.Result checked = rules.check(body == null ? Map.of() : body);
    if (!checked.errors().isEmpty()) {
      throw new InvalidGuideVersionException(checked.errors());
    }
    String processInstanceId = guides.publish(checked.version(), actor.userId());
    String version = checked.version().version();
    return ResponseEntity.accepted()
        .location(URI.create("/api/guide-versions/" + version))
        .body(new Publication(version, processInstanceId));
  }

  /** Every version, newest first, with its acknowledgements. */
  @GetMapping
  public List<PublishedVersion> list(Authentication authentication) {
    requireReader(authentication);
    return guides.list();
  }

  @GetMapping("/{version}")
  public PublishedVersion version(@PathVariable String version, Authentication authentication) {
    requireReader(authentication);
    String v = GuideVersionRules.version(version);
    if (v == null) {
      FieldError error = GuideVersionRules.versionError("version");
      throw new InvalidInputException("version", error.messageEn(), error.messageAr());
    }
    return guides.find(v).orElseThrow(() -> new NotFoundException("No version " + v + " of the guide"));
  }

  private static void requireReader(Authentication authentication) {
    if (!CurrentActor.of(authentication).seesAllUnits()) {
      throw new ForbiddenException("The guide's versions are open to PR & Media, the Undersecretary and administrators");
    }
  }

  /** A body with one or more fields to fix. */
  static class InvalidGuideVersionException extends RuntimeException {
    final transient List<FieldError> errors;

    InvalidGuideVersionException(List<FieldError> errors) {
      super(String.join("; ", errors.stream().map(e -> e.field() + ": " + e.messageEn()).toList()));
      this.errors = errors;
    }
  }

  /** The same problem shape as the rest of the API, with every field named at once. */
  @ExceptionHandler(InvalidGuideVersionException.class)
  ProblemDetail invalid(InvalidGuideVersionException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid input");
    problem.setType(URI.create("urn:official-accounts:problem:invalid-input"));
    problem.setProperty("errors", e.errors.stream()
        .map(f -> Map.of("field", f.field(), "reason", f.messageEn(), "reasonAr", f.messageAr()))
        .toList());
    return problem;
  }

  @ExceptionHandler(GuideVersionExistsException.class)
  ProblemDetail exists(GuideVersionExistsException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setTitle("Version exists");
    problem.setType(URI.create("urn:official-accounts:problem:conflict"));
    return problem;
  }
}
