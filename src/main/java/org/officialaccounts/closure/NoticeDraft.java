package org.officialaccounts.closure;

import java.time.LocalDate;

/**
 * The notice the manager posts to the account's followers, in Arabic and English: when the
 * account closes and which official account to follow instead. Short enough for one post on X.
 */
public record NoticeDraft(String arabic, String english) {

  static NoticeDraft of(LocalDate closingDate, String successorUrl, String registryUrl) {
    String date = closingDate.toString();
    if (successorUrl != null) {
      return new NoticeDraft(
          "تنويه: سيُغلق هذا الحساب نهائيًا في " + date
              + ". لمتابعة الأخبار والتعاميم الرسمية تابعونا على الحساب الرسمي: " + successorUrl,
          "Notice: this account closes for good on " + date
              + ". For official news and circulars, follow the official account: " + successorUrl);
    }
    return new NoticeDraft(
        "تنويه: سيُغلق هذا الحساب نهائيًا في " + date
            + ". الحسابات الرسمية للوزارة وطريقة التحقق منها: " + registryUrl,
        "Notice: this account closes for good on " + date
            + ". The ministry's official accounts, and how to check one: " + registryUrl);
  }
}
