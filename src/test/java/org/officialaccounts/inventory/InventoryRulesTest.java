package org.officialaccounts.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.officialaccounts.inventory.InventoryFile.Line;
import org.officialaccounts.inventory.InventoryRules.CheckedRow;
import org.officialaccounts.inventory.InventoryRules.Registered;
import org.officialaccounts.registry.AccountUrlCanonicalizer;

/** The checks each inventory row passes, on its own and against the other rows and the registry. */
class InventoryRulesTest {

  private final InventoryRules rules = new InventoryRules(new AccountUrlCanonicalizer());
  private final Map<String, String> tree = new HashMap<>();

  InventoryRulesTest() {
    tree.put("MOE", null);
    tree.put("DST-1", "MOE");
    tree.put("SCH-1", "DST-1");
    tree.put("SCH-2", "DST-1");
    tree.put("DST-2", "MOE");
    tree.put("SCH-9", "DST-2");
  }

  private UnitTree everyUnit() {
    return new UnitTree(tree, null);
  }

  private static Line row(int line, String unit, String platform, String url, String name, String email) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("unit_code", unit);
    values.put("platform", platform);
    values.put("url", url);
    values.put("manager_name", name);
    values.put("manager_email", email);
    return new Line(line, values);
  }

  @Test
  void acceptsARowWithAnArabicNameAndNormalisesIt() {
    CheckedRow row = rules.check(
        row(2, " sch-1 ", "x", "https://twitter.com/School_One?lang=ar", "\u200F هدى  العلي \u200F", " Huda@MOE.example "),
        everyUnit());

    assertThat(row.valid()).isTrue();
    assertThat(row.unitCode()).isEqualTo("SCH-1");
    assertThat(row.account().canonicalUrl()).isEqualTo("https://x.com/school_one");
    assertThat(row.managerName()).isEqualTo("هدى العلي");
    assertThat(row.managerEmail()).isEqualTo("huda@moe.example");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "@mоe_school|U+043E CYRILLIC SMALL LETTER O",
      "https://x.com/mοe_school|U+03BF GREEK SMALL LETTER OMICRON",
      "https://x.com/moe_كschool|U+0643 ARABIC LETTER KAF"})
  void rejectsHandlesMixingOtherScriptsIntoLatinNamingTheLetter(String url, String letter) {
    CheckedRow row = rules.check(row(7, "SCH-1", "X", url, "Huda", "huda@moe.example"), everyUnit());

    assertThat(row.valid()).isFalse();
    assertThat(row.rejections()).singleElement().satisfies(r -> {
      assertThat(r.line()).isEqualTo(7);
      assertThat(r.field()).isEqualTo("url");
      assertThat(r.reason()).contains(letter);
      assertThat(r.reasonAr()).contains(letter);
    });
  }

  @Test
  void namesEveryFieldAtFaultInBothLanguages() {
    CheckedRow row = rules.check(row(3, "SCH-404", "MYSPACE", "@someone", "", "not-an-email"), everyUnit());

    assertThat(row.rejections()).extracting(Rejection::field)
        .containsExactly("unit_code", "platform", "manager_name", "manager_email");
    assertThat(row.rejections()).extracting(Rejection::reason).containsExactly(
        "No unit has the code 'SCH-404'",
        "'MYSPACE' is not a platform of the registry: one of X, INSTAGRAM, SNAPCHAT, YOUTUBE, FACEBOOK",
        "Enter the account manager's full name",
        "'not-an-email' is not a valid email address");
    assertThat(row.rejections()).allSatisfy(r -> assertThat(r.reasonAr()).isNotBlank().isNotEqualTo(r.reason()));
  }

  @Test
  void rejectsPagesThatAreNotAccountsAndOtherPlatformsAddresses() {
    assertThat(rules.check(row(2, "SCH-1", "X", "https://x.com/explore", "Huda", "h@moe.example"), everyUnit())
        .rejections()).singleElement().satisfies(r -> assertThat(r.reason()).contains("not an account"));
    assertThat(rules.check(row(2, "SCH-1", "X", "https://www.instagram.com/school_one", "Huda", "h@moe.example"), everyUnit())
        .rejections()).singleElement().satisfies(r -> assertThat(r.reason()).contains("on Instagram"));
  }

  @Test
  void rejectsOversizedValuesWithoutCheckingThemFurther() {
    CheckedRow row = rules.check(
        row(4, "S".repeat(41), "X", "@" + "a".repeat(500), "ن".repeat(201), "a".repeat(250) + "@moe.example"),
        everyUnit());

    assertThat(row.rejections()).extracting(Rejection::field)
        .containsExactly("unit_code", "url", "manager_name", "manager_email");
    assertThat(row.rejections()).extracting(Rejection::reason).containsExactly(
        "At most 40 characters (this value has 41)", "At most 500 characters (this value has 501)",
        "At most 200 characters (this value has 201)", "At most 254 characters (this value has 262)");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "'هدى\tالعلي'|control characters",
      "'Huda\u202E ilA-lA'|text-direction",
      "'12345'|made of letters"})
  void rejectsManagerNamesWithControlOrDirectionCharactersOrNoLetters(String name, String reason) {
    CheckedRow row = rules.check(row(5, "SCH-1", "X", "@school_one", name, "h@moe.example"), everyUnit());

    assertThat(row.rejections()).singleElement().satisfies(r -> {
      assertThat(r.field()).isEqualTo("manager_name");
      assertThat(r.reason()).contains(reason);
    });
  }

  @Test
  void marksRowsForUnitsOutsideTheImportersPartOfTheMinistry() {
    UnitTree district = new UnitTree(tree, List.of("DST-1"));

    assertThat(rules.check(row(2, "SCH-2", "X", "@two", "Huda", "h@moe.example"), district).valid()).isTrue();
    CheckedRow other = rules.check(row(3, "SCH-9", "X", "@nine", "Huda", "h@moe.example"), district);
    assertThat(other.outsideScope()).isTrue();
    assertThat(other.valid()).isFalse();
    assertThat(other.rejections()).isEmpty();
    assertThat(rules.check(row(4, "MOE", "X", "@moe", "Huda", "h@moe.example"), district).outsideScope()).isTrue();
  }

  @Test
  void refusesLaterRowsForTheSameAccountAndAccountsAlreadyRegistered() {
    List<CheckedRow> rows = List.of(
        rules.check(row(2, "SCH-1", "X", "@one", "Huda", "not-an-email"), everyUnit()),
        rules.check(row(3, "SCH-2", "X", "https://twitter.com/ONE", "Sara", "s@moe.example"), everyUnit()),
        rules.check(row(4, "SCH-2", "X", "@registered", "Sara", "s@moe.example"), everyUnit()),
        rules.check(row(5, "SCH-2", "X", "@fresh", "Sara", "s@moe.example"), everyUnit()));

    List<CheckedRow> checked = InventoryRules.crossCheck(rows,
        Map.of("https://x.com/registered", new Registered(17, "ACTIVE")));

    assertThat(checked.get(1).rejections()).singleElement().satisfies(r -> {
      assertThat(r.line()).isEqualTo(3);
      assertThat(r.reason()).isEqualTo("The same account as line 2 (https://x.com/one)");
      assertThat(r.reasonAr()).contains("2");
    });
    assertThat(checked.get(2).rejections()).singleElement().satisfies(r ->
        assertThat(r.reason()).isEqualTo("Already in the registry: account 17 (ACTIVE), https://x.com/registered"));
    assertThat(checked.get(3).valid()).isTrue();
  }
}
