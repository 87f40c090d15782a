package org.officialaccounts.request;

import static org.officialaccounts.request.AccountCreation.Decision;
import static org.officialaccounts.request.AccountCreation.Var;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules a reviewer's or requester's decision must follow before a task may complete. */
public final class ReviewDecision {

  static final int MAX_COMMENT = 2000;
  private static final Set<String> REVIEW_DECISIONS =
      Set.of(Decision.APPROVE, Decision.REJECT, Decision.RETURN);
  private static final Set<String> CORRECTION_ACTIONS = Set.of(Decision.RESUBMIT, Decision.WITHDRAW);
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");

  private ReviewDecision() {}

  /** What is wrong with a review decision: approve, reject (with reason) or return (with reason). */
  public static List<FieldError> checkReview(Object decision, Object comment) {
    List<FieldError> errors = new ArrayList<>();
    if (!(decision instanceof String d) || !REVIEW_DECISIONS.contains(d)) {
      errors.add(
          new FieldError(
              Var.DECISION,
              "Choose approve, reject or return",
              "اختر الموافقة أو الرفض أو الإعادة للتعديل"));
      return errors;
    }
    checkComment(Var.COMMENT, comment, !Decision.APPROVE.equals(d), errors);
    return errors;
  }

  /** What is wrong with PR & Media's recommendation to the Undersecretary. */
  public static List<FieldError> checkRecommendation(Object recommendation, Object comment) {
    List<FieldError> errors = new ArrayList<>();
    if (!(recommendation instanceof String r)
        || !(Decision.APPROVE.equals(r) || Decision.REJECT.equals(r))) {
      errors.add(
          new FieldError(
              Var.RECOMMENDATION,
              "Recommend approve or reject",
              "أوصِ بالموافقة أو بالرفض"));
    }
    checkComment(Var.RECOMMENDATION_COMMENT, comment, true, errors);
    return errors;
  }

  /** What is wrong with the requester's answer to a correction task. */
  public static List<FieldError> checkCorrection(Object action) {
    if (action instanceof String a && CORRECTION_ACTIONS.contains(a)) {
      return List.of();
    }
    return List.of(
        new FieldError(
            Var.CORRECTION_ACTION,
            "Choose resubmit or withdraw",
            "اختر إعادة الإرسال أو سحب الطلب"));
  }

  private static void checkComment(
      String field, Object comment, boolean required, List<FieldError> errors) {
    if (comment != null && !(comment instanceof String)) {
      errors.add(new FieldError(field, "The comment must be text", "يجب أن يكون التعليق نصًا"));
      return;
    }
    String text = comment == null ? "" : ((String) comment).strip();
    if (required && text.isEmpty()) {
      errors.add(
          new FieldError(
              field,
              "Give the reason in the comment",
              "اذكر السبب في خانة التعليق"));
    } else if (text.length() > MAX_COMMENT) {
      errors.add(
          new FieldError(
              field,
              "The comment may have at most " + MAX_COMMENT + " characters",
              "يجب ألا يزيد التعليق على " + MAX_COMMENT + " حرف"));
    } else if (CONTROL.matcher(text).find()) {
      errors.add(
          new FieldError(field, "Remove the control characters from the text", "احذف رموز التحكم من النص"));
    }
  }
}
