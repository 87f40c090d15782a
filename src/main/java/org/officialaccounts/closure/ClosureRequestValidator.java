package org.officialaccounts.closure;

import static org.officialaccounts.closure.Closure.Var;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.officialaccounts.registry.Account;
import org.officialaccounts.registry.AccountRepository;
import org.officialaccounts.registry.AccountStatus;
import org.officialaccounts.registry.AccountUrlCanonicalizer;
import org.officialaccounts.registry.CanonicalAccount;
import org.officialaccounts.registry.InvalidAccountUrlException;
import org.officialaccounts.registry.Platform;
import org.officialaccounts.registry.UnitAccess;
import org.officialaccounts.request.FieldError;
import org.officialaccounts.request.NotPermittedException;
import org.officialaccounts.security.Actor;
import org.springframework.stereotype.Component;

/** Checks a unit's request to close one of its accounts, as submitted from the start form or the API. */
@Component
public class ClosureRequestValidator {

  static final String PLATFORM = "platform";

  /** A checked request: the account to close and, if named, the one its followers go to. */
  public record Checked(List<FieldError> errors, Account account, Account successor) {
    public boolean valid() {
      return errors.isEmpty();
    }
  }

  private final AccountRepository accounts;
  private final AccountUrlCanonicalizer canonicalizer;
  private final UnitAccess access;
  private final ClosureRules rules;

  public ClosureRequestValidator(AccountRepository accounts, AccountUrlCanonicalizer canonicalizer, UnitAccess access,
      ClosureRules rules) {
    this.accounts = accounts;
    this.canonicalizer = canonicalizer;
    this.access = access;
    this.rules = rules;
  }

  /**
   * @param requester who asks; null for the application itself
   * @throws NotPermittedException when the requester may not act for the account's unit
   */
  public Checked check(Map<String, Object> submitted, Actor requester) {
    List<FieldError> errors = new ArrayList<>();
    Platform platform = platform(submitted.get(PLATFORM));
    if (platform == null) {
      errors.add(new FieldError(PLATFORM, "Choose one of " + List.of(Platform.values()),
          "اختر إحدى المنصات " + List.of(Platform.values())));
    }
    Account account = null;
    Object url = submitted.get(Var.ACCOUNT_URL);
    if (platform != null) {
      account = registered(platform, url, Var.ACCOUNT_URL, errors).orElse(null);
    }
    if (account != null) {
      if (requester != null && !access.mayActFor(requester, account.unitCode())) {
        throw new NotPermittedException("You may not ask to close the accounts of unit " + account.unitCode());
      }
      if (!account.status().holdsPlatformSlot() || account.status() == AccountStatus.CLOSING) {
        errors.add(new FieldError(Var.ACCOUNT_URL, "The account is " + account.status() + "; there is nothing to close",
            "حالة الحساب " + account.status() + "؛ لا يوجد ما يُغلق"));
      }
    }
    errors.addAll(rules.checkReasonText(Var.GROUNDS, submitted.get(Var.GROUNDS)));
    Account successor = null;
    Object successorUrl = submitted.get(Var.SUCCESSOR_URL);
    if (platform != null && successorUrl instanceof String s && !s.isBlank()) {
      successor = registered(platform, s, Var.SUCCESSOR_URL, errors).orElse(null);
      if (successor != null && (!successor.official() || successor.status() != AccountStatus.ACTIVE
          || (account != null && successor.id() == account.id()))) {
        errors.add(new FieldError(Var.SUCCESSOR_URL, "Name another account that is official and active",
            "اذكر حسابًا آخر رسميًا وفعّالًا"));
        successor = null;
      }
    }
    return new Checked(errors, errors.isEmpty() ? account : null, successor);
  }

  private Optional<Account> registered(Platform platform, Object url, String field, List<FieldError> errors) {
    if (!(url instanceof String text) || text.isBlank()) {
      errors.add(new FieldError(field, "Give the account's address", "أدخل رابط الحساب"));
      return Optional.empty();
    }
    CanonicalAccount canonical;
    try {
      canonical = canonicalizer.canonicalize(platform, text);
    } catch (InvalidAccountUrlException e) {
      errors.add(new FieldError(field, e.messageEn(), e.messageAr()));
      return Optional.empty();
    }
    Optional<Account> account = accounts.findByCanonicalUrl(canonical.canonicalUrl());
    if (account.isEmpty()) {
      errors.add(new FieldError(field, "No account " + canonical.canonicalUrl() + " is in the registry",
          "لا يوجد في السجل حساب " + canonical.canonicalUrl()));
    }
    return account;
  }

  static Platform platform(Object value) {
    if (!(value instanceof String s)) {
      return null;
    }
    try {
      return Platform.valueOf(s.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
