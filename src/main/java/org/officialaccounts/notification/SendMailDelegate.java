package org.officialaccounts.notification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.registry.UnitRepository;
import org.springframework.stereotype.Component;

/**
 * Sends the email a service task names. Input parameters: {@code mailTemplate} (required) and
 * at least one of {@code mailTo} (addresses, comma separated), {@code mailToUser} (a user id),
 * {@code mailToGroup} (every member of a group) and {@code mailToCoordinatorsOf} (a unit code:
 * its coordinators, or those of the nearest unit above it). The process variables fill the template.
 */
@Component("sendMailDelegate")
public class SendMailDelegate implements JavaDelegate {

  public static final String TEMPLATE = "mailTemplate";
  public static final String TO = "mailTo";
  public static final String TO_USER = "mailToUser";
  public static final String TO_GROUP = "mailToGroup";
  public static final String TO_COORDINATORS_OF = "mailToCoordinatorsOf";

  private final MailService mail;
  private final Directory directory;
  private final UnitRepository units;

  public SendMailDelegate(MailService mail, Directory directory, UnitRepository units) {
    this.mail = mail;
    this.directory = directory;
    this.units = units;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String template = (String) execution.getVariableLocal(TEMPLATE);
    if (template == null || template.isBlank()) {
      throw new IllegalStateException(
          "Service task '" + execution.getCurrentActivityId() + "' names no mailTemplate");
    }
    Set<String> recipients = new LinkedHashSet<>();
    String to = (String) execution.getVariableLocal(TO);
    if (to != null) {
      Arrays.stream(to.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(recipients::add);
    }
    String user = (String) execution.getVariableLocal(TO_USER);
    if (user != null && !user.isBlank()) {
      recipients.add(
          directory
              .emailOf(user)
              .orElseThrow(
                  () -> new IllegalStateException("User '" + user + "' has no email address")));
    }
    String group = (String) execution.getVariableLocal(TO_GROUP);
    if (group != null && !group.isBlank()) {
      recipients.addAll(directory.emailsOfGroup(group));
    }
    String unit = (String) execution.getVariableLocal(TO_COORDINATORS_OF);
    if (unit != null && !unit.isBlank()) {
      units.nearestCoordinators(unit).forEach(u -> directory.emailOf(u).ifPresent(recipients::add));
    }
    Object accountId = execution.getVariable("accountId");
    mail.send(
        template,
        new ArrayList<>(recipients),
        templateValues(execution),
        execution.getProcessInstanceId(),
        accountId instanceof Number n ? n.longValue() : null);
  }

  /** Only plain values reach the templates; everything a template shows is escaped there. */
  private static Map<String, Object> templateValues(DelegateExecution execution) {
    Map<String, Object> values = new HashMap<>();
    execution
        .getVariables()
        .forEach(
            (name, value) -> {
              if (value instanceof String
                  || value instanceof Number
                  || value instanceof Boolean
                  || value instanceof Date) {
                values.put(name, value);
              }
            });
    values.put("activityName", execution.getCurrentActivityName());
    values.put("processInstanceId", execution.getProcessInstanceId());
    return values;
  }

}
