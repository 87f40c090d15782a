package org.officialaccounts.request;

import java.util.Map;

/** What is wrong with one submitted field, in Arabic and English. */
public record FieldError(String field, String messageEn, String messageAr) {

  /** The names people see for the fields, in Arabic and English. */
  private static final Map<String, String[]> LABELS =
      Map.ofEntries(
          Map.entry("unitCode", new String[] {"رمز الجهة", "Unit code"}),
          Map.entry("platform", new String[] {"المنصة", "Platform"}),
          Map.entry("accountUrl", new String[] {"رابط الحساب", "Account address"}),
          Map.entry("purpose", new String[] {"الغرض", "Purpose"}),
          Map.entry("managerName", new String[] {"اسم مدير الحساب", "Manager's name"}),
          Map.entry("managerEmail", new String[] {"بريد مدير الحساب", "Manager's email"}),
          Map.entry("secondaryContactEmail", new String[] {"بريد جهة الاتصال البديلة", "Secondary contact's email"}),
          Map.entry("decision", new String[] {"القرار", "Decision"}),
          Map.entry("comment", new String[] {"التعليق", "Comment"}),
          Map.entry("recommendation", new String[] {"التوصية", "Recommendation"}),
          Map.entry("recommendationComment", new String[] {"مسوغات التوصية", "Grounds for the recommendation"}),
          Map.entry("correctionAction", new String[] {"الإجراء", "Action"}),
          Map.entry("finalUrl", new String[] {"الرابط النهائي للحساب", "Final account address"}),
          Map.entry("twoFactorEnabled", new String[] {"التحقق بخطوتين", "Two-factor authentication"}),
          Map.entry("recoveryEmail", new String[] {"بريد الاسترداد", "Recovery email"}),
          Map.entry("administrators", new String[] {"المسؤولون", "Administrators"}),
          Map.entry("visualIdentityApplied", new String[] {"الهوية البصرية", "Visual identity"}),
          Map.entry("guideAcknowledged", new String[] {"دليل الحوكمة", "Governance guide"}),
          Map.entry("verification", new String[] {"نتيجة التحقق", "Verification"}),
          Map.entry("remarks", new String[] {"الملاحظات", "Remarks"}),
          Map.entry("stalledDecision", new String[] {"القرار", "Decision"}),
          Map.entry("stillNeeded", new String[] {"الحاجة إلى الحساب", "Still needed"}),
          Map.entry("lastPostDate", new String[] {"تاريخ آخر نشر", "Last post date"}),
          Map.entry("twoFactorStillOn", new String[] {"التحقق بخطوتين", "Two-factor authentication"}),
          Map.entry("followsGuide", new String[] {"الالتزام بالدليل", "Follows the guide"}),
          Map.entry("visualIdentityOk", new String[] {"الهوية البصرية", "Visual identity"}),
          Map.entry("attestationNotes", new String[] {"ملاحظات", "Notes"}),
          Map.entry("assessment", new String[] {"التقييم", "Assessment"}),
          Map.entry("assessmentNotes", new String[] {"المسوغات", "Grounds"}),
          Map.entry("correctiveAction", new String[] {"الإجراء التصحيحي", "Corrective action"}),
          Map.entry("correctiveReport", new String[] {"تقرير الإجراء", "Report"}),
          Map.entry("campaignName", new String[] {"اسم الحملة", "Campaign name"}),
          Map.entry("scope", new String[] {"النطاق", "Scope"}),
          Map.entry("scopeUnitCode", new String[] {"رمز الجهة", "Unit code"}),
          Map.entry("scopePlatform", new String[] {"المنصة", "Platform"}),
          Map.entry("scopeDueBefore", new String[] {"مستحقة المراجعة قبل", "Due before"}),
          Map.entry("closureGrounds", new String[] {"سبب الإغلاق", "Grounds"}),
          Map.entry("successorUrl", new String[] {"الحساب الرسمي البديل", "Official account instead"}),
          Map.entry("noticeUrl", new String[] {"رابط منشور الإشعار", "Notice post"}),
          Map.entry("archiveLocation", new String[] {"مكان الأرشيف", "Archive"}),
          Map.entry("adminsRemoved", new String[] {"المسؤولون", "Administrators"}),
          Map.entry("appsRevoked", new String[] {"التطبيقات المرتبطة", "Connected applications"}),
          Map.entry("endState", new String[] {"حال الحساب", "End state"}),
          Map.entry("archiveNotes", new String[] {"ملاحظات", "Notes"}),
          Map.entry("confirmation", new String[] {"النتيجة", "Result"}),
          Map.entry("confirmationRemarks", new String[] {"ما بقي من خطوات", "What remains"}),
          Map.entry("takedownReference", new String[] {"مرجع الطلب", "Reference"}),
          Map.entry("takedownResult", new String[] {"ردّ المنصة", "Platform's answer"}),
          Map.entry("takedownNotes", new String[] {"ملاحظات", "Notes"}),
          Map.entry("cancellationReason", new String[] {"سبب الإلغاء", "Reason"}));

  /** Right-to-left isolate: keeps the Arabic half in order inside a left-to-right line. */
  private static final String RLI = "\u2067";

  private static final String PDI = "\u2069";

  /** One line for people: the Arabic half first, as in the forms, then the English half. */
  public String bilingual() {
    String[] label = LABELS.getOrDefault(field, new String[] {field, field});
    return RLI + label[0] + ": " + messageAr + PDI + " / " + label[1] + ": " + messageEn;
  }
}
