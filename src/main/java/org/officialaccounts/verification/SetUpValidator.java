package org.officialaccounts.verification;

import static org.officialaccounts.verification.AccountVerification.Var;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.officialaccounts.registry.AccountUrlCanonicalizer;
import org.officialaccounts.registry.CanonicalAccount;
import org.officialaccounts.registry.InvalidAccountUrlException;
import org.officialaccounts.registry.Platform;
import org.officialaccounts.registry.RegistryService;
import org.officialaccounts.registry.SetUp;
import org.officialaccounts.request.FieldError;
import org.officialaccounts.request.RequestValidator;
import org.springframework.stereotype.Service;

/** Checks what a manager reports having set up, against the guide and the registry. */
@Service
public class SetUpValidator {

  static final int MIN_ADMINISTRATORS = 2;
  static final int MAX_NAME = 100;
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");

  private final AccountUrlCanonicalizer canonicalizer;
  private final RegistryService registry;
  private final VerificationSettings settings;

  public SetUpValidator(
      AccountUrlCanonicalizer canonicalizer, RegistryService registry, VerificationSettings settings) {
    this.canonicalizer = canonicalizer;
    this.registry = registry;
    this.settings = settings;
  }

  /** The outcome: the set-up to record, or what to fix. */
  public record Result(SetUp setUp, List<FieldError> errors) {}

  public Result validate(
      long accountId, String unitCode, Platform platform, String guideVersion, Map<String, Object> submitted) {
    List<FieldError> errors = new ArrayList<>();

    CanonicalAccount account = null;
    Object url = submitted.get(Var.FINAL_URL);
    try {
      account = canonicalizer.canonicalize(platform, url instanceof String s ? s : null);
      registry.findConflictExcept(accountId, unitCode, account).ifPresent(other -> errors.add(
          new FieldError(Var.FINAL_URL, "Already registered: " + other.label(), "مسجل من قبل: " + other.label())));
    } catch (InvalidAccountUrlException e) {
      errors.add(new FieldError(Var.FINAL_URL, e.messageEn(), e.messageAr()));
    }

    if (!Boolean.TRUE.equals(submitted.get(Var.TWO_FACTOR))) {
      errors.add(new FieldError(Var.TWO_FACTOR, "Turn on two-factor authentication first",
          "فعّل التحقق بخطوتين أولًا"));
    }

    Object recovery = submitted.get(Var.RECOVERY_EMAIL);
    String recoveryEmail = recovery instanceof String s ? s.strip().toLowerCase(Locale.ROOT) : "";
    if (!RequestValidator.isEmail(recoveryEmail) || !onMinistryDomain(recoveryEmail)) {
      String domains = String.join(", ", settings.getRecoveryDomains());
      errors.add(new FieldError(Var.RECOVERY_EMAIL,
          "Use a recovery email address on the ministry's domain (" + domains + ")",
          "استخدم بريد استرداد على نطاق الوزارة (" + domains + ")"));
    }

    List<String> administrators = administrators(submitted.get(Var.ADMINISTRATORS));
    if (administrators == null || administrators.size() < MIN_ADMINISTRATORS) {
      errors.add(new FieldError(Var.ADMINISTRATORS,
          "Name at least " + MIN_ADMINISTRATORS + " different administrators, one per line, at most "
              + MAX_NAME + " characters each",
          "اذكر " + MIN_ADMINISTRATORS + " من المسؤولين المختلفين على الأقل، اسمًا في كل سطر، "
              + MAX_NAME + " حرف على الأكثر لكل اسم"));
    }

    if (!Boolean.TRUE.equals(submitted.get(Var.VISUAL_IDENTITY))) {
      errors.add(new FieldError(Var.VISUAL_IDENTITY,
          "Apply the unified visual identity (picture, display name, bio) first",
          "طبّق الهوية البصرية الموحدة (الصورة واسم العرض والنبذة) أولًا"));
    }
    if (!Boolean.TRUE.equals(submitted.get(Var.GUIDE_ACKNOWLEDGED))) {
      errors.add(new FieldError(Var.GUIDE_ACKNOWLEDGED,
          "Acknowledge version " + guideVersion + " of the governance guide",
          "أقر بالإصدار " + guideVersion + " من دليل الحوكمة"));
    }

    if (!errors.isEmpty()) {
      return new Result(null, List.copyOf(errors));
    }
    return new Result(new SetUp(account, true, recoveryEmail, administrators, guideVersion), List.of());
  }

  private boolean onMinistryDomain(String email) {
    String domain = email.substring(email.indexOf('@') + 1);
    return settings.getRecoveryDomains().stream()
        .anyMatch(d -> domain.equals(d) || domain.endsWith("." + d));
  }

  /** The distinct names, one per line; null when the value is unusable. */
  static List<String> administrators(Object value) {
    if (!(value instanceof String text) || text.length() > 1000 || CONTROL.matcher(text).find()) {
      return null;
    }
    Set<String> names = new LinkedHashSet<>();
    for (String line : text.split("\\R")) {
      String name = line.strip();
      if (name.length() > MAX_NAME) {
        return null;
      }
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    return List.copyOf(names);
  }
}
