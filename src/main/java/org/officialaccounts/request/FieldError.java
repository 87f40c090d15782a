package org.officialaccounts.request;

/** What is wrong with one submitted field, in English and Arabic. */
public record FieldError(String field, String messageEn, String messageAr) {

  public String bilingual() {
    return field + ": " + messageEn + " / " + messageAr;
  }
}
