package org.officialaccounts.request.adapter;

import static org.officialaccounts.request.AccountCreation.Var;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.officialaccounts.request.NotPermittedException;
import org.officialaccounts.request.RequestValidation;
import org.officialaccounts.request.RequestValidator;
import org.officialaccounts.request.ValidatedRequest;
import org.officialaccounts.security.EngineActors;
import org.springframework.stereotype.Component;

/** "Validate request": checks the submitted values and writes them back normalised. */
@Component("validateRequestDelegate")
public class ValidateRequestDelegate implements JavaDelegate {

  private final RequestValidator validator;

  public ValidateRequestDelegate(RequestValidator validator) {
    this.validator = validator;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> submitted = new HashMap<>();
    for (String field : Var.REQUEST_FIELDS) {
      submitted.put(field, execution.getVariable(field));
    }
    RequestValidation result;
    try {
      result =
          validator.validate(
              submitted, EngineActors.current(execution.getProcessEngineServices().getIdentityService()));
    } catch (NotPermittedException e) {
      throw new AuthorizationException(e.getMessage());
    }
    execution.setVariable(Var.REQUEST_VALID, result.valid());
    execution.setVariable(Var.VALIDATION_ERRORS, result.errorText());
    if (!result.valid()) {
      // Kept for the correction task, never in a form the engine cannot store.
      for (String field : Var.REQUEST_FIELDS) {
        Object value = submitted.get(field);
        if (value != null && !(value instanceof String s && s.equals(RequestValidator.keepable(s)))) {
          execution.setVariable(field, RequestValidator.keepable(value));
        }
      }
    } else {
      ValidatedRequest request = result.request();
      execution.setVariable(Var.UNIT_CODE, request.unit().code());
      execution.setVariable(Var.UNIT_TYPE, request.unit().type().name());
      execution.setVariable(Var.UNIT_NAME_EN, request.unit().nameEn());
      execution.setVariable(Var.UNIT_NAME_AR, request.unit().nameAr());
      execution.setVariable(Var.PLATFORM, request.account().platform().name());
      execution.setVariable(
          Var.PLATFORM_LABEL,
          request.account().platform().displayNameAr() + " / " + request.account().platform().displayNameEn());
      execution.setVariable(Var.HANDLE, request.account().handle());
      execution.setVariable(Var.CANONICAL_URL, request.account().canonicalUrl());
      execution.setVariable(Var.PURPOSE, request.purpose());
      execution.setVariable(Var.MANAGER_NAME, request.managerName());
      execution.setVariable(Var.MANAGER_EMAIL, request.managerEmail());
      execution.setVariable(Var.SECONDARY_CONTACT_EMAIL, request.secondaryContactEmail());
    }
  }
}
