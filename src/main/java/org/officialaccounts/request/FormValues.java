package org.officialaccounts.request;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/** Reads values as forms and API bodies submit them. */
public final class FormValues {

  private FormValues() {}

  /**
   * A date as YYYY-MM-DD (a date-time's date part is enough, as some clients send one); null
   * when missing or not a date.
   */
  public static LocalDate date(Object value) {
    if (value instanceof LocalDate d) {
      return d;
    }
    if (!(value instanceof String s) || s.isBlank()) {
      return null;
    }
    String text = s.strip();
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The text, stripped; empty when missing or not text. */
  public static String text(Object value) {
    return value instanceof String s ? s.strip() : "";
  }

  /** The non-blank parts of a text split at the separators (a regular expression), stripped. */
  public static List<String> items(Object value, String separators) {
    return Arrays.stream(text(value).split(separators)).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
