package org.officialaccounts.review;

import static org.officialaccounts.review.PeriodicReview.Var;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.officialaccounts.request.FieldError;
import org.officialaccounts.review.PeriodicReview.Assessment;
import org.springframework.stereotype.Component;

/** What the manager's attestation and the reviewer's assessment must contain. */
@Component
public class ReviewRules {

  static final int MAX_TEXT = 2000;
  private final Clock clock;

  public ReviewRules(Clock clock) {
    this.clock = clock;
  }

  public List<FieldError> checkAttestation(Map<String, Object> submitted) {
    List<FieldError> errors = new ArrayList<>();
    for (String flag : List.of(Var.STILL_NEEDED, Var.TWO_FACTOR_STILL_ON, Var.FOLLOWS_GUIDE, Var.VISUAL_IDENTITY_OK)) {
      Object value = submitted.get(flag);
      if (value != null && !(value instanceof Boolean)) {
        errors.add(new FieldError(flag, "Answer yes or no", "أجب بنعم أو لا"));
      }
    }
    if (lastPostDate(submitted.get(Var.LAST_POST_DATE)) == null) {
      errors.add(new FieldError(Var.LAST_POST_DATE, "Give the date of the last post (YYYY-MM-DD, not in the future)",
          "اذكر تاريخ آخر نشر (YYYY-MM-DD، لا في المستقبل)"));
    }
    for (String text : List.of(Var.ADMINISTRATORS, Var.ATTESTATION_NOTES)) {
      Object value = submitted.get(text);
      if (value != null && (!(value instanceof String s) || s.length() > MAX_TEXT)) {
        errors.add(new FieldError(text, "At most " + MAX_TEXT + " characters of text",
            MAX_TEXT + " حرف على الأكثر"));
      }
    }
    return errors;
  }

  /** The reported date of the last post, or null when it is missing, malformed or in the future. */
  public LocalDate lastPostDate(Object value) {
    if (!(value instanceof String text) || text.isBlank()) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(text.strip().length() > 10 ? text.strip().substring(0, 10) : text.strip());
      return date.isAfter(LocalDate.now(clock)) ? null : date;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  public List<FieldError> checkAssessment(Object assessment, Object notes, Object correctiveAction) {
    List<FieldError> errors = new ArrayList<>();
    Assessment a = Assessment.of(assessment);
    if (a == null) {
      errors.add(new FieldError(Var.ASSESSMENT, "Choose compliant, corrective action, suspend or close",
          "اختر ملتزم أو إجراء تصحيحي أو تعليق أو إغلاق"));
      return errors;
    }
    if (a != Assessment.COMPLIANT && blankOrTooLong(notes)) {
      errors.add(new FieldError(Var.ASSESSMENT_NOTES, "Give the grounds (at most " + MAX_TEXT + " characters)",
          "اذكر المسوغات (" + MAX_TEXT + " حرف على الأكثر)"));
    }
    if (a == Assessment.CORRECTIVE && blankOrTooLong(correctiveAction)) {
      errors.add(new FieldError(Var.CORRECTIVE_ACTION, "Say what the manager must fix (at most " + MAX_TEXT + " characters)",
          "اذكر ما يجب على مدير الحساب إصلاحه (" + MAX_TEXT + " حرف على الأكثر)"));
    }
    return errors;
  }

  public List<FieldError> checkCorrectiveReport(Object report) {
    return blankOrTooLong(report)
        ? List.of(new FieldError(Var.CORRECTIVE_REPORT, "Report what was done (at most " + MAX_TEXT + " characters)",
            "اذكر ما تم إنجازه (" + MAX_TEXT + " حرف على الأكثر)"))
        : List.of();
  }

  private static boolean blankOrTooLong(Object value) {
    return !(value instanceof String s) || s.isBlank() || s.length() > MAX_TEXT;
  }
}
