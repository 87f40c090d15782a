package org.officialaccounts.registry;

import java.util.Map;

/**
 * An order a client asked for, as {@code field} or {@code -field} (descending), checked
 * against the columns a listing allows, so no text from the request reaches the SQL.
 */
public record Sort(String column, boolean descending) {

  /** Parses the request's value; null when the field is not one of {@code allowed}. */
  public static Sort parse(String value, Map<String, String> allowed, Sort fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    String v = value.strip();
    boolean descending = v.startsWith("-");
    String column = allowed.get(descending ? v.substring(1) : v);
    return column == null ? null : new Sort(column, descending);
  }

  String orderBy() {
    return column + (descending ? " DESC" : " ASC");
  }
}
