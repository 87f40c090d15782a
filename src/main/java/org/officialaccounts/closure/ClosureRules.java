package org.officialaccounts.closure;

import static org.officialaccounts.closure.Closure.Var;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.officialaccounts.registry.Platform;
import org.officialaccounts.request.FieldError;
import org.springframework.stereotype.Component;

/** What the closure's forms must contain; each problem named in both languages. */
@Component
public class ClosureRules {

  static final int MAX_TEXT = 2000;
  static final int MAX_URL = 500;
  static final int MAX_REFERENCE = 200;
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");

  /** The ways an account may end: kept locked (preferred, nobody can take the handle over) or deleted. */
  public enum EndState {
    LOCKED,
    DELETED,
    TAKEN_DOWN;

    static EndState chosen(Object value) {
      if (value instanceof String s) {
        for (EndState state : new EndState[] {LOCKED, DELETED}) {
          if (state.name().equalsIgnoreCase(s.strip())) {
            return state;
          }
        }
      }
      return null;
    }
  }

  /** "Post closure notice": the address of the post, on the account's own platform. */
  public List<FieldError> checkNotice(Object noticeUrl, Platform platform) {
    List<FieldError> errors = new ArrayList<>();
    if (!(noticeUrl instanceof String url) || url.isBlank()) {
      errors.add(new FieldError(Var.NOTICE_URL, "Give the address of the post with the notice",
          "أدخل رابط المنشور الذي يتضمن الإشعار"));
    } else if (!postOn(url.strip(), platform)) {
      errors.add(new FieldError(Var.NOTICE_URL,
          "Give the address (https://…, at most " + MAX_URL + " characters) of the post on " + platform.displayNameEn(),
          "أدخل رابط المنشور على " + platform.displayNameAr() + " (يبدأ بـ https://، " + MAX_URL + " حرف على الأكثر)"));
    }
    return errors;
  }

  /** "Archive and close": where the archive is, access removed, and how the account ended. */
  public List<FieldError> checkArchive(Object location, Object adminsRemoved, Object appsRevoked, Object endState,
      Object notes) {
    List<FieldError> errors = new ArrayList<>();
    if (!(location instanceof String s) || s.isBlank() || s.length() > MAX_URL || CONTROL.matcher(s).find()) {
      errors.add(new FieldError(Var.ARCHIVE_LOCATION,
          "Say where the archive of the content is kept (at most " + MAX_URL + " characters)",
          "حدد مكان حفظ أرشيف المحتوى (" + MAX_URL + " حرف على الأكثر)"));
    }
    if (!Boolean.TRUE.equals(adminsRemoved)) {
      errors.add(new FieldError(Var.ADMINS_REMOVED, "Remove every administrator before closing",
          "أزل جميع المسؤولين قبل الإغلاق"));
    }
    if (!Boolean.TRUE.equals(appsRevoked)) {
      errors.add(new FieldError(Var.APPS_REVOKED, "Revoke every connected application before closing",
          "ألغِ صلاحيات جميع التطبيقات المرتبطة قبل الإغلاق"));
    }
    if (EndState.chosen(endState) == null) {
      errors.add(new FieldError(Var.END_STATE, "Choose locked (preferred) or deleted",
          "اختر مقفل (المفضل) أو محذوف"));
    }
    optionalText(Var.ARCHIVE_NOTES, notes, errors);
    return errors;
  }

  /** "Confirm closure": closed, or not closed with what remains. */
  public List<FieldError> checkConfirmation(Object confirmation, Object remarks) {
    List<FieldError> errors = new ArrayList<>();
    if (!Closure.CONFIRMED.equals(confirmation) && !Closure.NOT_CLOSED.equals(confirmation)) {
      errors.add(new FieldError(Var.CONFIRMATION, "Choose closed or not closed", "اختر مغلق أو غير مغلق"));
    } else if (Closure.NOT_CLOSED.equals(confirmation) && blank(remarks)) {
      errors.add(new FieldError(Var.CONFIRMATION_REMARKS, "Say what remains to be done",
          "اذكر ما بقي من خطوات"));
    }
    optionalText(Var.CONFIRMATION_REMARKS, remarks, errors);
    return errors;
  }

  /** "Request platform takedown": the platform's reference and its answer. */
  public List<FieldError> checkTakedown(Object reference, Object result, Object notes) {
    List<FieldError> errors = new ArrayList<>();
    if (!(reference instanceof String s) || s.isBlank() || s.length() > MAX_REFERENCE || CONTROL.matcher(s).find()) {
      errors.add(new FieldError(Var.TAKEDOWN_REFERENCE,
          "Give the platform's reference of the request (at most " + MAX_REFERENCE + " characters)",
          "أدخل رقم مرجع الطلب لدى المنصة (" + MAX_REFERENCE + " حرف على الأكثر)"));
    }
    if (!Closure.TAKEN_DOWN.equals(result) && !Closure.REFUSED.equals(result)) {
      errors.add(new FieldError(Var.TAKEDOWN_RESULT, "Choose taken down or refused", "اختر أُزيل أو رُفض"));
    } else if (Closure.REFUSED.equals(result) && blank(notes)) {
      errors.add(new FieldError(Var.TAKEDOWN_NOTES, "Say why the platform refused", "اذكر سبب رفض المنصة"));
    }
    optionalText(Var.TAKEDOWN_NOTES, notes, errors);
    return errors;
  }

  /** Grounds of a closure request or a cancellation: required, plain text, bounded. */
  public List<FieldError> checkReasonText(String field, Object value) {
    List<FieldError> errors = new ArrayList<>();
    if (blank(value)) {
      errors.add(new FieldError(field, "Give the reason", "اذكر السبب"));
    } else {
      optionalText(field, value, errors);
    }
    return errors;
  }

  public static EndState endState(Object value) {
    return EndState.chosen(value);
  }

  private static void optionalText(String field, Object value, List<FieldError> errors) {
    if (value == null || (value instanceof String s && s.isEmpty())) {
      return;
    }
    if (!(value instanceof String s) || s.length() > MAX_TEXT) {
      errors.add(new FieldError(field, "Write at most " + MAX_TEXT + " characters", "اكتب " + MAX_TEXT + " حرف على الأكثر"));
    } else if (CONTROL.matcher(s).find()) {
      errors.add(new FieldError(field, "Remove the control characters from the text", "احذف رموز التحكم من النص"));
    }
  }

  private static boolean blank(Object value) {
    return !(value instanceof String s) || s.isBlank();
  }

  static boolean postOn(String url, Platform platform) {
    if (url.length() > MAX_URL || CONTROL.matcher(url).find()) {
      return false;
    }
    try {
      URI uri = new URI(url);
      String host = uri.getHost();
      return "https".equalsIgnoreCase(uri.getScheme()) && host != null
          && (platform.hosts().contains(host.toLowerCase(Locale.ROOT))
              || platform.linkOnlyHosts().contains(host.toLowerCase(Locale.ROOT)));
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
