package org.officialaccounts.closure.adapter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.officialaccounts.api.ApiProblems.ConflictException;
import org.officialaccounts.api.ApiProblems.ForbiddenException;
import org.officialaccounts.api.ApiProblems.InvalidFieldsException;
import org.officialaccounts.api.ApiProblems.InvalidInputException;
import org.officialaccounts.api.ApiProblems.NotFoundException;
import org.officialaccounts.api.Params;
import org.officialaccounts.closure.Closure;
import org.officialaccounts.closure.ClosureRecord;
import org.officialaccounts.closure.ClosureRepository;
import org.officialaccounts.closure.ClosureRules;
import org.officialaccounts.registry.AccountRepository;
import org.officialaccounts.registry.UnitAccess;
import org.officialaccounts.request.FieldError;
import org.officialaccounts.security.Actor;
import org.officialaccounts.security.CurrentActor;
import org.officialaccounts.security.Groups;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Closures: their records (PR &amp; Media, the Undersecretary and administrators see all; a unit's
 * people those of their units' accounts), and their cancellation with a reason.
 */
@RestController
@RequestMapping("/api/closures")
@Tag(name = "Closures", description = "Closures of accounts and their outcome")
public class ClosureController {

  /** Who may cancel a closure: those who order them. */
  static final Set<String> CANCELLERS = Set.of(Groups.PR_MEDIA, Groups.UNDERSECRETARY, Groups.CAMUNDA_ADMIN);

  /** A page of closures. */
  public record Page(List<ClosureRecord> items, int page, int size) {}

  private final ClosureRepository closures;
  private final AccountRepository accounts;
  private final UnitAccess access;
  private final ClosureRules rules;
  private final RuntimeService runtime;
  private final IdentityService identity;

  public ClosureController(ClosureRepository closures, AccountRepository accounts, UnitAccess access,
      ClosureRules rules, RuntimeService runtime, IdentityService identity) {
    this.closures = closures;
    this.accounts = accounts;
    this.access = access;
    this.rules = rules;
    this.runtime = runtime;
    this.identity = identity;
  }

  @GetMapping
  @Operation(summary = "Closures, newest first: by account, by directive, running or concluded")
  public Page list(@RequestParam(required = false) String accountId, @RequestParam(required = false) String directiveId,
      @RequestParam(required = false) String open, @RequestParam(defaultValue = "0") String page,
      @RequestParam(defaultValue = "50") String size, org.springframework.security.core.Authentication authentication) {
    Actor actor = CurrentActor.of(authentication);
    Long account = accountId == null || accountId.isBlank() ? null : Params.id("accountId", accountId);
    String directive = Params.text("directiveId", directiveId, 64);
    Boolean running = open == null || open.isBlank() ? null : Params.bool("open", open, false);
    int p = Params.number("page", page, 0, 10_000);
    int s = Params.number("size", size, 1, 500);
    if (account != null) {
      requireAccountAccess(actor, account);
    } else if (!actor.seesAllUnits()) {
      throw new ForbiddenException("Name an account of your units (accountId)");
    }
    return new Page(closures.search(account, directive, running, p * s, s), p, s);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One closure: reason, closing date, notice, archive, outcome")
  public ClosureRecord get(@PathVariable String id, org.springframework.security.core.Authentication authentication) {
    ClosureRecord closure = find(id);
    requireAccountAccess(CurrentActor.of(authentication), closure.accountId());
    return closure;
  }

  @PostMapping("/{id}/cancel")
  @Operation(summary = "Cancel a running closure with a reason; the account gets back the status it had")
  public ClosureRecord cancel(@PathVariable String id, @RequestBody(required = false) Map<String, Object> body,
      org.springframework.security.core.Authentication authentication) {
    Actor actor = CurrentActor.of(authentication);
    if (actor.groups().stream().noneMatch(CANCELLERS::contains)) {
      throw new ForbiddenException("Closures are cancelled by PR & Media, the Undersecretary and administrators");
    }
    if (body != null) {
      for (String field : body.keySet()) {
        if (!Closure.Var.CANCELLATION_REASON.equals(field)) {
          throw new InvalidInputException(field, "Unknown field; expected " + Closure.Var.CANCELLATION_REASON);
        }
      }
    }
    Object reason = body == null ? null : body.get(Closure.Var.CANCELLATION_REASON);
    List<FieldError> errors = rules.checkReasonText(Closure.Var.CANCELLATION_REASON, reason);
    if (!errors.isEmpty()) {
      throw new InvalidFieldsException(errors);
    }
    ClosureRecord closure = find(id);
    if (closure.outcome() != null || closure.processInstanceId() == null
        || runtime.createProcessInstanceQuery().processInstanceId(closure.processInstanceId()).count() == 0) {
      throw new ConflictException("Closure " + id + " has ended (" + closure.outcome() + "); there is nothing to cancel");
    }
    // The caller's right is checked above; the engine's own check would ask for a grant to change
    // any closure instance, which nobody needs for anything else.
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      runtime.createMessageCorrelation(Closure.CANCEL_MESSAGE)
          .processInstanceId(closure.processInstanceId())
          .setVariable(Closure.Var.CANCELLATION_REASON, ((String) reason).strip())
          .setVariable(Closure.Var.CANCELLED_BY, actor.userId())
          .correlateWithResult();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
    return closures.find(closure.id()).orElseThrow();
  }

  private ClosureRecord find(String id) {
    return closures.find(Params.id("id", id)).orElseThrow(() -> new NotFoundException("No closure " + id));
  }

  private void requireAccountAccess(Actor actor, long accountId) {
    String unit = accounts.find(accountId).map(a -> a.unitCode())
        .orElseThrow(() -> new NotFoundException("No account " + accountId));
    if (!access.mayActFor(actor, unit)) {
      throw new ForbiddenException("Account " + accountId + " belongs to a unit outside yours");
    }
  }
}
