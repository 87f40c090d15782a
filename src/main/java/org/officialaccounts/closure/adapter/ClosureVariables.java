package org.officialaccounts.closure.adapter;

import static org.officialaccounts.closure.Closure.Var;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.officialaccounts.closure.ClosureOrder;
import org.officialaccounts.closure.ClosureReason;
import org.officialaccounts.security.Actor;
import org.officialaccounts.security.EngineActors;

/** Reads and writes a closure's variables. */
final class ClosureVariables {

  private ClosureVariables() {}

  /** The variables a closure starts with. */
  static Map<String, Object> of(ClosureOrder order) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Var.ACCOUNT_ID, order.accountId());
    variables.put(Var.REASON, order.reason().name());
    variables.put(Var.GROUNDS, order.grounds());
    variables.put(Var.DIRECTIVE_ID, order.directiveId());
    variables.put(Var.SUCCESSOR_ACCOUNT_ID, order.successorAccountId());
    variables.put(Var.CLOSING_DATE, order.closingDate() == null ? null : order.closingDate().toString());
    variables.put(Var.REQUESTED_BY, order.requestedBy());
    return variables;
  }

  /** The order a closure was started with. */
  static ClosureOrder order(VariableScope scope) {
    Object closing = scope.getVariable(Var.CLOSING_DATE);
    Object successor = scope.getVariable(Var.SUCCESSOR_ACCOUNT_ID);
    Object by = scope.getVariable(Var.REQUESTED_BY);
    ClosureReason reason = ClosureReason.of(scope.getVariable(Var.REASON));
    return new ClosureOrder(
        ((Number) scope.getVariable(Var.ACCOUNT_ID)).longValue(),
        reason == null ? ClosureReason.REQUEST : reason,
        (String) scope.getVariable(Var.GROUNDS),
        (String) scope.getVariable(Var.DIRECTIVE_ID),
        successor instanceof Number n ? n.longValue() : null,
        closing instanceof String s && !s.isBlank() ? LocalDate.parse(s) : null,
        by == null ? "system" : by.toString());
  }

  static long closureId(VariableScope scope) {
    Object id = scope.getVariable(Var.CLOSURE_ID);
    if (!(id instanceof Number number)) {
      throw new IllegalStateException("The process has no closureId");
    }
    return number.longValue();
  }

  /** Who completes a task: the signed-in user, else its assignee. */
  static String actor(DelegateTask task) {
    Actor actor = EngineActors.current(task.getProcessEngineServices().getIdentityService());
    if (actor != null) {
      return actor.userId();
    }
    return task.getAssignee() != null ? task.getAssignee() : "system";
  }

  /** Who a step is recorded for: the user named in the variable, else the process itself. */
  static String recordedBy(VariableScope scope, String variable) {
    Object user = scope.getVariable(variable);
    return user instanceof String s && !s.isBlank() ? s : "system";
  }
}
