package org.officialaccounts.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.officialaccounts.api.ApiProblems.InvalidInputException;
import org.officialaccounts.registry.Sort;

/** Checks query parameters, answering a bad one with a problem that names it. */
public final class Params {

  private Params() {}

  public static String code(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > 40 || !value.matches("[A-Za-z0-9_-]+")) {
      throw new InvalidInputException(name, "a unit code of letters, digits, '-' and '_' (at most 40)");
    }
    return value;
  }

  public static String text(String name, String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > max) {
      throw new InvalidInputException(name, "at most " + max + " characters");
    }
    return value.strip();
  }

  public static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(name, "one of " + Arrays.toString(type.getEnumConstants()));
    }
  }

  public static int number(String name, String value, int min, int max) {
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidInputException(name, "a whole number from " + min + " to " + max);
  }

  public static long id(String name, String value) {
    try {
      long n = Long.parseLong(value.strip());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidInputException(name, "a positive whole number");
  }

  /** "true" or "false" (any case); the fallback when absent. */
  public static boolean bool(String name, String value, boolean fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new InvalidInputException(name, "true or false");
    };
  }

  public static Sort sort(String value, Map<String, String> allowed, Sort fallback) {
    Sort sort = Sort.parse(value, allowed, fallback);
    if (sort == null) {
      throw new InvalidInputException(
          "sort", "one of " + allowed.keySet().stream().sorted().toList() + ", '-' in front for descending");
    }
    return sort;
  }
}
