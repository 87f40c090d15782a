package org.officialaccounts.request;

import static org.officialaccounts.request.AccountCreation.Var;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.officialaccounts.registry.AccountUrlCanonicalizer;
import org.officialaccounts.registry.CanonicalAccount;
import org.officialaccounts.registry.InvalidAccountUrlException;
import org.officialaccounts.registry.Platform;
import org.officialaccounts.registry.Unit;
import org.officialaccounts.registry.UnitAccess;
import org.officialaccounts.registry.UnitRepository;
import org.officialaccounts.security.Actor;
import org.springframework.stereotype.Service;

/** Checks and normalises an account request as submitted, whatever client submitted it. */
@Service
public class RequestValidator {

  /** Longer values are not a request to correct but abuse: the engine could not even store them. */
  static final int MAX_RAW_LENGTH = 4000;

  static final int MAX_PURPOSE = 2000;
  static final int MIN_PURPOSE = 10;
  static final int MAX_NAME = 200;
  static final int MAX_EMAIL = 254;

  private static final Pattern EMAIL =
      Pattern.compile(
          "^[A-Za-z0-9._%+'\\-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
              + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");
  private static final Pattern LINE_BREAK = Pattern.compile("[\\n\\r\\t]");

  private final UnitRepository units;
  private final UnitAccess access;
  private final AccountUrlCanonicalizer canonicalizer;

  public RequestValidator(
      UnitRepository units, UnitAccess access, AccountUrlCanonicalizer canonicalizer) {
    this.units = units;
    this.access = access;
    this.canonicalizer = canonicalizer;
  }

  /**
   * A submitted value as it may be kept for the requester to correct: text, and short enough
   * for the engine to store.
   */
  public static String keepable(Object value) {
    if (value == null) {
      return null;
    }
    String text = value instanceof String s ? s : String.valueOf(value);
    return text.length() <= MAX_RAW_LENGTH ? text : text.substring(0, MAX_RAW_LENGTH);
  }

  /**
   * Validates the submitted values.
   *
   * @throws NotPermittedException when the requester may not ask for the unit
   */
  public RequestValidation validate(Map<String, Object> submitted, Actor requester) {
    List<FieldError> errors = new ArrayList<>();
    for (String field : Var.REQUEST_FIELDS) {
      Object value = submitted.get(field);
      if (value != null && !(value instanceof String)) {
        errors.add(new FieldError(field, "Enter text", "أدخل نصًا"));
      } else if (value != null && ((String) value).length() > MAX_RAW_LENGTH) {
        errors.add(
            new FieldError(
                field,
                "Far too long: at most " + MAX_RAW_LENGTH + " characters",
                "النص طويل جدًا: " + MAX_RAW_LENGTH + " حرف على الأكثر"));
      }
    }

    Unit unit = null;
    String unitCode = text(submitted, Var.UNIT_CODE);
    if (unitCode.isEmpty()) {
      errors.add(new FieldError(Var.UNIT_CODE, "Choose the requesting unit", "اختر الجهة الطالبة"));
    } else {
      Optional<Unit> found = unitCode.length() > 40 ? Optional.empty() : units.find(unitCode);
      if (found.isEmpty()) {
        errors.add(
            new FieldError(
                Var.UNIT_CODE,
                "No unit has the code '" + abbreviate(unitCode) + "'",
                "لا توجد جهة بالرمز '" + abbreviate(unitCode) + "'"));
      } else {
        unit = found.get();
        if (requester != null && !access.mayActFor(requester, unit.code())) {
          throw new NotPermittedException(
              "User '" + requester.userId() + "' may not request accounts for unit " + unit.code());
        }
      }
    }

    Platform platform = null;
    String platformCode = text(submitted, Var.PLATFORM);
    try {
      platform = Platform.fromCode(platformCode);
    } catch (IllegalArgumentException e) {
      errors.add(
          new FieldError(
              Var.PLATFORM,
              "Choose one of the platforms: " + platformCodes(),
              "اختر إحدى المنصات: " + platformCodes()));
    }

    CanonicalAccount account = null;
    String accountUrl = text(submitted, Var.ACCOUNT_URL);
    if (platform != null) {
      try {
        account = canonicalizer.canonicalize(platform, accountUrl);
      } catch (InvalidAccountUrlException e) {
        errors.add(new FieldError(Var.ACCOUNT_URL, e.messageEn(), e.messageAr()));
      }
    }

    String purpose = text(submitted, Var.PURPOSE);
    if (purpose.length() < MIN_PURPOSE || purpose.length() > MAX_PURPOSE) {
      errors.add(
          new FieldError(
              Var.PURPOSE,
              "Explain the purpose in " + MIN_PURPOSE + " to " + MAX_PURPOSE + " characters",
              "اشرح الغرض في " + MIN_PURPOSE + " إلى " + MAX_PURPOSE + " حرفًا"));
    } else if (CONTROL.matcher(purpose).find()) {
      errors.add(controlCharacters(Var.PURPOSE));
    }

    String managerName = text(submitted, Var.MANAGER_NAME);
    if (managerName.isEmpty() || managerName.length() > MAX_NAME) {
      errors.add(
          new FieldError(
              Var.MANAGER_NAME,
              "Enter the account manager's full name (at most " + MAX_NAME + " characters)",
              "أدخل الاسم الكامل لمدير الحساب (" + MAX_NAME + " حرفًا على الأكثر)"));
    } else if (CONTROL.matcher(managerName).find() || LINE_BREAK.matcher(managerName).find()) {
      errors.add(controlCharacters(Var.MANAGER_NAME));
    }

    String managerEmail = email(submitted, Var.MANAGER_EMAIL, errors);
    String secondaryEmail = email(submitted, Var.SECONDARY_CONTACT_EMAIL, errors);
    if (managerEmail != null && managerEmail.equalsIgnoreCase(secondaryEmail)) {
      errors.add(
          new FieldError(
              Var.SECONDARY_CONTACT_EMAIL,
              "The secondary contact must be another person than the manager",
              "يجب أن تكون جهة الاتصال البديلة شخصًا غير مدير الحساب"));
    }

    if (!errors.isEmpty()) {
      return new RequestValidation(null, List.copyOf(errors));
    }
    return new RequestValidation(
        new ValidatedRequest(unit, account, purpose, managerName, managerEmail, secondaryEmail),
        List.of());
  }

  /** Whether the text is an email address this application accepts. */
  public static boolean isEmail(String value) {
    return value != null && value.length() <= MAX_EMAIL && EMAIL.matcher(value).matches();
  }

  private static String email(Map<String, Object> submitted, String field, List<FieldError> errors) {
    String value = text(submitted, field);
    if (value.length() > MAX_EMAIL || !EMAIL.matcher(value).matches()) {
      errors.add(
          new FieldError(
              field,
              value.isEmpty()
                  ? "Enter an email address"
                  : "'" + abbreviate(value) + "' is not a valid email address",
              value.isEmpty()
                  ? "أدخل عنوان بريد إلكتروني"
                  : "'" + abbreviate(value) + "' ليس عنوان بريد إلكتروني صحيحًا"));
      return null;
    }
    return value.toLowerCase(java.util.Locale.ROOT);
  }

  private static FieldError controlCharacters(String field) {
    return new FieldError(
        field, "Remove the control characters from the text", "احذف رموز التحكم من النص");
  }

  private static String platformCodes() {
    return java.util.Arrays.stream(Platform.values())
        .map(Platform::name)
        .collect(java.util.stream.Collectors.joining(", "));
  }

  private static String text(Map<String, Object> submitted, String field) {
    String value = keepable(submitted.get(field));
    return value == null ? "" : value.strip();
  }

  private static String abbreviate(String value) {
    String clean = CONTROL.matcher(value).replaceAll("?");
    return clean.length() <= 60 ? clean : clean.substring(0, 57) + "...";
  }
}
