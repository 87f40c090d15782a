package org.officialaccounts.directive.adapter;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.officialaccounts.api.ApiProblems.ForbiddenException;
import org.officialaccounts.api.ApiProblems.InvalidFieldsException;
import org.officialaccounts.api.ApiProblems.InvalidInputException;
import org.officialaccounts.api.ApiProblems.NotFoundException;
import org.officialaccounts.api.Params;
import org.officialaccounts.api.Csv;
import org.officialaccounts.directive.ConsolidationDirective;
import org.officialaccounts.directive.ConsolidationDirective.Var;
import org.officialaccounts.directive.Directive;
import org.officialaccounts.directive.DirectiveMail;
import org.officialaccounts.directive.DirectiveProgress;
import org.officialaccounts.directive.DirectiveRepository;
import org.officialaccounts.directive.DirectiveRepository.Kept;
import org.officialaccounts.directive.DirectiveRepository.OfficialAccount;
import org.officialaccounts.directive.DirectiveService;
import org.officialaccounts.directive.UnitProgress;
import org.officialaccounts.request.FieldError;
import org.officialaccounts.security.Actor;
import org.officialaccounts.security.CurrentActor;
import org.officialaccounts.security.Groups;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Consolidation directives: the Undersecretary, PR &amp; Media and administrators start them;
 * they follow their progress by unit and download the accounts with their outcomes.
 */
@RestController
@RequestMapping("/api/directives")
public class DirectiveController {

  static final Set<String> FIELDS = Set.of(DirectiveVariables.START);
  /** Fields that may also be given as a JSON array, one item per line. */
  static final Set<String> LIST_FIELDS = Set.of(Var.UNIT_TYPES, Var.UNIT_CODES, Var.OFFICIAL_ACCOUNTS);

  /** A directive, what it keeps, and where it stands. */
  public record DirectiveView(Directive directive, List<OfficialAccount> officialAccounts, List<Kept> exceptions,
      DirectiveProgress progress) {}

  /** A directive's closures by unit right below the ministry. */
  public record ProgressView(String directiveId, String deadline, boolean pastDeadline, DirectiveProgress total,
      List<UnitProgress> byUnit) {}

  private final DirectiveService service;
  private final DirectiveRepository directives;
  private final DirectiveMail reports;
  private final RuntimeService runtime;

  public DirectiveController(DirectiveService service, DirectiveRepository directives, DirectiveMail reports,
      RuntimeService runtime) {
    this.service = service;
    this.directives = directives;
    this.reports = reports;
    this.runtime = runtime;
  }

  /**
   * Body: {@code directiveSource, directiveSourceEmail, directiveReference, directiveDate,
   * directiveSummary, scopeUnitTypes, scopeUnitCodes, deadline, officialAccounts}; the three
   * lists as text (one item per line or comma) or JSON arrays.
   */
  @PostMapping
  @ResponseStatus(HttpStatus.ACCEPTED)
  public Map<String, Object> start(@RequestBody(required = false) Map<String, Object> body,
      Authentication authentication) {
    Actor actor = CurrentActor.of(authentication);
    if (!actor.groups().contains(Groups.UNDERSECRETARY) && !actor.groups().contains(Groups.PR_MEDIA)
        && !actor.groups().contains(Groups.CAMUNDA_ADMIN)) {
      throw new ForbiddenException("Directives are started by the Undersecretary, PR & Media and administrators");
    }
    Map<String, Object> submitted = new HashMap<>();
    if (body != null) {
      for (Map.Entry<String, Object> e : body.entrySet()) {
        submitted.put(e.getKey(), plain(e.getKey(), e.getValue()));
      }
    }
    List<FieldError> errors = service.check(submitted);
    if (!errors.isEmpty()) {
      throw new InvalidFieldsException(errors);
    }
    ProcessInstance instance = runtime.createProcessInstanceByKey(ConsolidationDirective.PROCESS_KEY)
        .setVariables(submitted)
        .setVariable(Var.STARTED_BY, actor.userId())
        .execute();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("directiveId", instance.getBusinessKey());
    answer.put("processInstanceId", instance.getId());
    return answer;
  }

  /** Text as it is; a list of texts as one per line; anything else refused, naming the field. */
  private static Object plain(String field, Object value) {
    if (!FIELDS.contains(field)) {
      throw new InvalidInputException(field, "Unknown field; expected " + Arrays.toString(DirectiveVariables.START));
    }
    if (value == null || value instanceof String) {
      return value;
    }
    if (value instanceof List<?> list && LIST_FIELDS.contains(field)
        && list.stream().allMatch(item -> item instanceof String)) {
      return String.join("\n", list.stream().map(String.class::cast).toList());
    }
    throw new InvalidInputException(field, LIST_FIELDS.contains(field) ? "Must be text or a list of texts" : "Must be text");
  }

  @GetMapping
  public List<Directive> list(@RequestParam(defaultValue = "50") String limit, Authentication authentication) {
    requireOverview(authentication);
return directives.list(Params.number("limit", limit, 1, 500));
  }

  @GetMapping("/{id}")
  public DirectiveView get(@PathVariable String id, Authentication authentication) {
    requireOverview(authentication);
    Directive directive = find(id);
    return new DirectiveView(directive, directives.officialAccounts(id), directives.exceptions(id),
        service.progress(directive));
  }

  @GetMapping("/{id}/progress")
  public ProgressView progress(@PathVariable String id, Authentication authentication) {
    requireOverview(authentication);
    Directive directive = find(id);
    return new ProgressView(id, directive.deadline().toString(), service.pastDeadline(directive),
        service.progress(directive), service.progressByUnit(directive));
  }

  /** Every account the directive touched, with its outcome: the final report's CSV file, as of now. */
  @GetMapping("/{id}/report.csv")
  public ResponseEntity<byte[]> report(@PathVariable String id, Authentication authentication) {
    requireOverview(authentication);
    find(id);
    byte[] csv = Csv.bytes(DirectiveMail.HEADER, reports.reportRows(id, directives.exceptions(id)));
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + "-report.csv\"")
        .body(csv);
  }

  private Directive find(String id) {
    if (id.length() > 64) {
      throw new InvalidInputException("id", "At most 64 characters");
    }
    return directives.find(id).orElseThrow(() -> new NotFoundException("No directive " + id));
  }

  private static void requireOverview(Authentication authentication) {
    if (!CurrentActor.of(authentication).seesAllUnits()) {
      throw new ForbiddenException("Directives are open to PR & Media, the Undersecretary and administrators");
    }
  }
}
