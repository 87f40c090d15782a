package org.officialaccounts.inventory;

import static org.officialaccounts.inventory.InventoryFile.MANAGER_EMAIL;
import static org.officialaccounts.inventory.InventoryFile.MANAGER_NAME;
import static org.officialaccounts.inventory.InventoryFile.PLATFORM;
import static org.officialaccounts.inventory.InventoryFile.UNIT_CODE;
import static org.officialaccounts.inventory.InventoryFile.URL;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.officialaccounts.inventory.InventoryFile.Line;
import org.officialaccounts.registry.AccountUrlCanonicalizer;
import org.officialaccounts.registry.CanonicalAccount;
import org.officialaccounts.registry.InvalidAccountUrlException;
import org.officialaccounts.registry.Platform;
import org.officialaccounts.request.RequestValidator;

/** The checks an inventory row must pass: each row on its own, then the rows against each other and the registry. */
final class InventoryRules {

  /** Longest value accepted per column; the address's limit is the canonicaliser's. */
  static final Map<String, Integer> MAX_LENGTH =
      Map.of(UNIT_CODE, 40, PLATFORM, 20, URL, 500, MANAGER_NAME, 200, MANAGER_EMAIL, 254);

  private static final String PLATFORM_CODES =
      Arrays.stream(Platform.values()).map(Platform::code).collect(Collectors.joining(", "));

  /** One row after the checks: what it would record, or why it is refused. */
  record CheckedRow(
      int line,
      String unitCode,
      CanonicalAccount account,
      String managerName,
      String managerEmail,
      boolean outsideScope,
      List<Rejection> rejections) {

    boolean valid() {
      return rejections.isEmpty() && !outsideScope;
    }

    CheckedRow rejectedFor(Rejection rejection) {
      List<Rejection> all = new ArrayList<>(rejections);
      all.add(rejection);
      return new CheckedRow(line, unitCode, account, managerName, managerEmail, outsideScope, List.copyOf(all));
    }
  }

  /** An account the registry already holds. */
  record Registered(long id, String status) {}

  private final AccountUrlCanonicalizer canonicalizer;

  InventoryRules(AccountUrlCanonicalizer canonicalizer) {
    this.canonicalizer = canonicalizer;
  }

  /** Checks one row on its own: unit, platform, address, manager's name and email. */
  CheckedRow check(Line row, UnitTree units) {
    List<Rejection> rejections = new ArrayList<>();
    int line = row.number();
    for (String column : InventoryFile.COLUMNS) {
      String value = row.get(column);
      int max = MAX_LENGTH.get(column);
      if (value.length() > max) {
        rejections.add(new Rejection(line, column,
            "At most " + max + " characters (this value has " + value.length() + ")",
            "الحد الأقصى " + max + " حرفًا (في هذه القيمة " + value.length() + ")"));
      }
    }

    String unitCode = null;
    boolean outsideScope = false;
    String unitInput = row.get(UNIT_CODE).strip();
    if (!tooLong(rejections, UNIT_CODE)) {
      if (unitInput.isEmpty()) {
        rejections.add(new Rejection(line, UNIT_CODE, "Enter the unit's code", "أدخل رمز الجهة"));
      } else {
        unitCode = units.resolve(unitInput);
        if (unitCode == null) {
          rejections.add(new Rejection(line, UNIT_CODE,
              "No unit has the code '" + shown(unitInput) + "'",
              "لا توجد جهة بالرمز '" + shown(unitInput) + "'"));
        } else {
          outsideScope = !units.mayActFor(unitCode);
        }
      }
    }

    Platform platform = null;
    String platformInput = row.get(PLATFORM).strip();
    if (!tooLong(rejections, PLATFORM)) {
      try {
        platform = Platform.fromCode(platformInput);
      } catch (IllegalArgumentException e) {
        rejections.add(new Rejection(line, PLATFORM,
            (platformInput.isEmpty() ? "Enter the platform" : "'" + shown(platformInput) + "' is not a platform of the registry")
                + ": one of " + PLATFORM_CODES,
            (platformInput.isEmpty() ? "أدخل المنصة" : "'" + shown(platformInput) + "' ليست من منصات السجل")
                + ": إحدى " + PLATFORM_CODES));
      }
    }

    CanonicalAccount account = null;
    if (platform != null && !tooLong(rejections, URL)) {
      try {
        account = canonicalizer.canonicalize(platform, row.get(URL));
      } catch (InvalidAccountUrlException e) {
        rejections.add(new Rejection(line, URL, e.messageEn(), e.messageAr()));
      }
    }

    String managerName = null;
    if (!tooLong(rejections, MANAGER_NAME)) {
      managerName = managerName(line, row.get(MANAGER_NAME), rejections);
    }

    String managerEmail = null;
    String emailInput = row.get(MANAGER_EMAIL).strip();
    if (!tooLong(rejections, MANAGER_EMAIL)) {
      if (emailInput.isEmpty()) {
        rejections.add(new Rejection(line, MANAGER_EMAIL, "Enter the manager's email address",
            "أدخل البريد الإلكتروني لمدير الحساب"));
      } else if (!RequestValidator.isEmail(emailInput)) {
        rejections.add(new Rejection(line, MANAGER_EMAIL,
            "'" + shown(emailInput) + "' is not a valid email address",
            "'" + shown(emailInput) + "' ليس عنوان بريد إلكتروني صحيحًا"));
      } else {
        managerEmail = emailInput.toLowerCase(Locale.ROOT);
      }
    }
    return new CheckedRow(line, unitCode, account, managerName, managerEmail, outsideScope, List.copyOf(rejections));
  }

  /**
   * Refuses, in line order, a row naming the same account as an earlier row (the first one
   * counts, whatever else is wrong with it) or as an account already in the registry.
   */
  static List<CheckedRow> crossCheck(List<CheckedRow> rows, Map<String, Registered> registered) {
    Map<String, Integer> firstLine = new HashMap<>();
    List<CheckedRow> checked = new ArrayList<>(rows.size());
    for (CheckedRow row : rows) {
      CheckedRow result = row;
      if (row.account() != null) {
        String url = row.account().canonicalUrl();
        Integer earlier = firstLine.putIfAbsent(url, row.line());
        Registered existing = registered.get(url);
        if (earlier != null) {
          result = row.rejectedFor(new Rejection(row.line(), URL,
              "The same account as line " + earlier + " (" + url + ")",
              "الحساب نفسه في السطر " + earlier + " (" + url + ")"));
        } else if (existing != null) {
          result = row.rejectedFor(new Rejection(row.line(), URL,
              "Already in the registry: account " + existing.id() + " (" + existing.status() + "), " + url,
              "مسجل من قبل: الحساب " + existing.id() + " (" + existing.status() + ")، " + url));
        }
      }
      checked.add(result);
    }
    return checked;
  }

  private static String managerName(int line, String input, List<Rejection> rejections) {
    String name = AccountUrlCanonicalizer.stripEdges(input).replaceAll(" {2,}", " ");
    String problemEn = null;
    String problemAr = null;
    if (name.isEmpty()) {
      problemEn = "Enter the account manager's full name";
      problemAr = "أدخل الاسم الكامل لمدير الحساب";
    } else if (name.codePoints().anyMatch(cp -> Character.getType(cp) == Character.CONTROL)) {
      problemEn = "Remove the line breaks, tabs and control characters from the name";
      problemAr = "احذف فواصل الأسطر والجداول ورموز التحكم من الاسم";
    } else if (name.codePoints().anyMatch(InventoryRules::isDirectionOverride)) {
      // Embeddings and overrides reorder what Tasklist and the emails show around the name.
      problemEn = "Remove the invisible text-direction characters (U+202A–U+202E, U+2066–U+2069) from the name";
      problemAr = "احذف رموز اتجاه النص غير المرئية (U+202A–U+202E، U+2066–U+2069) من الاسم";
    } else if (name.codePoints().noneMatch(Character::isLetter)) {
      problemEn = "A name is made of letters";
      problemAr = "يتكون الاسم من حروف";
    }
    if (problemEn != null) {
      rejections.add(new Rejection(line, MANAGER_NAME, problemEn, problemAr));
      return null;
    }
    return name;
  }

  private static boolean isDirectionOverride(int cp) {
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
  }

  private static boolean tooLong(List<Rejection> rejections, String column) {
    return rejections.stream().anyMatch(r -> r.field().equals(column));
  }

  /** A value quoted back in a reason: short, and without anything invisible. */
  private static String shown(String value) {
    String visible = value.codePoints()
        .map(cp -> Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT ? '?' : cp)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
    return visible.length() <= 60 ? visible : visible.substring(0, 57) + "...";
  }
}
