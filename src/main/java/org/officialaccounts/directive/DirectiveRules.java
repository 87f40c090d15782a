package org.officialaccounts.directive;

import static org.officialaccounts.request.FormValues.date;
import static org.officialaccounts.request.FormValues.items;
import static org.officialaccounts.request.FormValues.text;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.officialaccounts.directive.ConsolidationDirective.Compliance;
import org.officialaccounts.directive.ConsolidationDirective.Meeting;
import org.officialaccounts.directive.ConsolidationDirective.Var;
import org.officialaccounts.directive.DirectiveRepository.OfficialAccount;
import org.officialaccounts.directive.MeetingDecision.KeptAccount;
import org.officialaccounts.registry.Account;
import org.officialaccounts.registry.AccountRepository;
import org.officialaccounts.registry.AccountStatus;
import org.officialaccounts.registry.AccountUrlCanonicalizer;
import org.officialaccounts.registry.CanonicalAccount;
import org.officialaccounts.registry.InvalidAccountUrlException;
import org.officialaccounts.registry.UnitRepository;
import org.officialaccounts.registry.UnitTree;
import org.officialaccounts.registry.UnitType;
import org.officialaccounts.request.FieldError;
import org.officialaccounts.request.RequestValidator;
import org.springframework.stereotype.Component;

/**
 * What a directive's start form (or API body), its leadership meeting and its compliance review
 * must contain, whoever submits them; each problem named in Arabic and English.
 */
@Component
public class DirectiveRules {

  static final int MAX_SOURCE = 300;
  static final int MAX_REFERENCE = 100;
  static final int MAX_TEXT = 4000;
  static final int MAX_REASON = 500;
  static final int MAX_UNITS = 200;
  static final int MAX_ACCOUNTS = 500;

  /** Units are separated by commas, semicolons, spaces or lines; types may contain spaces. */
  private static final String CODE_SEPARATORS = "[,;\\s]+";
  private static final String TYPE_SEPARATORS = "[,;\\n]+";
  private static final String LINE = "\\r?\\n";

  /** A checked start: the problems, or the directive as ordered. */
  public record StartCheck(List<FieldError> errors, DirectiveOrder order) {}

  /** A checked meeting: the problems, or what it decided. */
  public record MeetingCheck(List<FieldError> errors, MeetingDecision decision) {}

  /** A checked compliance review: the problems, or what it decided. */
  public record ReviewCheck(List<FieldError> errors, ComplianceDecision decision) {}

  private final DirectiveRepository directives;
  private final UnitRepository units;
  private final AccountRepository accounts;
  private final AccountUrlCanonicalizer canonicalizer;
  private final Clock clock;

  public DirectiveRules(DirectiveRepository directives, UnitRepository units, AccountRepository accounts,
      AccountUrlCanonicalizer canonicalizer, Clock clock) {
    this.directives = directives;
    this.units = units;
    this.accounts = accounts;
    this.canonicalizer = canonicalizer;
    this.clock = clock;
  }

  public StartCheck checkStart(Map<String, Object> submitted) {
    List<FieldError> errors = new ArrayList<>();
    LocalDate today = LocalDate.now(clock);
    String source = required(submitted, Var.SOURCE, MAX_SOURCE, errors,
        "Name who issued the directive, e.g. the Government Communication Center",
        "اذكر الجهة التي أصدرت التعميم، مثل مركز التواصل الحكومي");
    String sourceEmail = text(submitted.get(Var.SOURCE_EMAIL));
    if (!RequestValidator.isEmail(sourceEmail)) {
      errors.add(new FieldError(Var.SOURCE_EMAIL, "Give the email address the final report goes to",
          "أدخل البريد الإلكتروني الذي يُرسل إليه التقرير النهائي"));
    }
    String reference = required(submitted, Var.REFERENCE, MAX_REFERENCE, errors,
        "Give the directive's reference number", "أدخل رقم مرجع التعميم");
    if (reference != null) {
      directives.idByReference(reference).ifPresent(id -> errors.add(new FieldError(Var.REFERENCE,
          "A directive with this reference is registered already (" + id + ")",
          "سُجّل تعميم بهذا المرجع من قبل (" + id + ")")));
    }
    LocalDate issued = date(submitted.get(Var.DATE));
    if (issued == null || issued.isAfter(today)) {
      errors.add(new FieldError(Var.DATE, "Give the directive's date as YYYY-MM-DD, not in the future",
          "أدخل تاريخ التعميم بالصيغة YYYY-MM-DD، ولا يكون في المستقبل"));
    }
    String summary = required(submitted, Var.SUMMARY, MAX_TEXT, errors, "Summarise what the directive orders",
        "لخّص ما يأمر به التعميم");
    DirectiveScope scope = scope(submitted, errors);
    LocalDate deadline = deadline(submitted.get(Var.DEADLINE), Var.DEADLINE, today, errors);
    if (deadline != null && issued != null && deadline.isBefore(issued)) {
      errors.add(new FieldError(Var.DEADLINE, "The deadline cannot be before the directive's date",
          "لا يجوز أن يسبق الموعد النهائي تاريخ التعميم"));
    }
    List<Account> officials = officialAccounts(submitted.get(Var.OFFICIAL_ACCOUNTS), errors);
    return new StartCheck(errors, errors.isEmpty()
        ? new DirectiveOrder(source, sourceEmail, reference, issued, summary, scope, deadline, officials)
        : null);
  }

  public MeetingCheck checkMeeting(Directive directive, Map<String, Object> submitted) {
    List<FieldError> errors = new ArrayList<>();
    LocalDate today = LocalDate.now(clock);
    LocalDate held = date(submitted.get(Var.MEETING_DATE));
    if (held == null || held.isAfter(today) || held.isBefore(directive.directiveDate())) {
      errors.add(new FieldError(Var.MEETING_DATE,
          "Give the meeting's date as YYYY-MM-DD, from the directive's date (" + directive.directiveDate() + ") to today",
          "أدخل تاريخ الاجتماع بالصيغة YYYY-MM-DD، من تاريخ التعميم (" + directive.directiveDate() + ") إلى اليوم"));
    }
    String attendees = required(submitted, Var.ATTENDEES, MAX_TEXT, errors, "Name who attended, one per line",
        "اذكر الحضور، واحدًا في كل سطر");
    String decision = text(submitted.get(Var.DECISION));
    DirectiveScope scope = null;
    UnitTree tree = units.tree();
    if (Meeting.CONFIRM.equals(decision)) {
      scope = directive.orderedScope();
    } else if (Meeting.NARROW.equals(decision)) {
      scope = narrowed(directive.orderedScope(), submitted, tree, errors);
    } else {
      errors.add(new FieldError(Var.DECISION, "Confirm the scope or narrow it", "أكّد النطاق أو ضيّقه"));
    }
    List<KeptAccount> kept = scope == null ? List.of()
        : exceptions(submitted.get(Var.EXCEPTIONS), scope, tree, directives.officialAccounts(directive.id()), errors);
    LocalDate deadline = deadline(submitted.get(Var.DEADLINE), Var.DEADLINE, today, errors);
    String minutes = required(submitted, Var.MINUTES, MAX_TEXT, errors, "Record the meeting's minutes",
        "دوّن محضر الاجتماع");
    return new MeetingCheck(errors, errors.isEmpty()
        ? new MeetingDecision(held, attendees, decision, scope, kept, deadline, minutes)
        : null);
  }

  public ReviewCheck checkReview(DirectiveProgress total, List<UnitProgress> byUnit, Map<String, Object> submitted) {
    List<FieldError> errors = new ArrayList<>();
    String decision = text(submitted.get(Var.COMPLIANCE_DECISION));
    long open = total.selected() - total.concluded();
    LocalDate newDeadline = null;
    List<String> escalate = List.of();
    String notes = text(submitted.get(Var.COMPLIANCE_NOTES));
    if (notes.length() > MAX_TEXT) {
      errors.add(new FieldError(Var.COMPLIANCE_NOTES, "At most " + MAX_TEXT + " characters",
          MAX_TEXT + " حرف على الأكثر"));
    }
    switch (decision) {
      case Compliance.EXTEND, Compliance.ESCALATE -> {
        if (open == 0) {
          errors.add(new FieldError(Var.COMPLIANCE_DECISION,
              "Every closure has concluded: nothing is left to extend or escalate; accept",
              "انتهت كل عمليات الإغلاق ولم يبق ما يُمدَّد له أو يُصعَّد؛ اختر القبول"));
        }
        LocalDate today = LocalDate.now(clock);
        newDeadline = date(submitted.get(Var.NEW_DEADLINE));
        if (newDeadline == null || !newDeadline.isAfter(today)) {
          newDeadline = null;
          errors.add(new FieldError(Var.NEW_DEADLINE, "Give the new deadline as YYYY-MM-DD, after today",
              "أدخل الموعد الجديد بالصيغة YYYY-MM-DD، بعد اليوم"));
        }
        if (Compliance.ESCALATE.equals(decision)) {
          escalate = escalated(submitted.get(Var.ESCALATE_UNITS), byUnit, errors);
        }
      }
      case Compliance.ACCEPT -> {
        if (open > 0 && notes.isEmpty()) {
          errors.add(new FieldError(Var.COMPLIANCE_NOTES,
              "Say why the directive is accepted with " + open + " accounts not closed",
              "اذكر سبب قبول التعميم مع بقاء " + open + " حسابًا دون إغلاق"));
        }
      }
      default -> errors.add(new FieldError(Var.COMPLIANCE_DECISION,
          "Extend the deadline, escalate named units, or accept", "مدّد الموعد، أو صعّد إلى جهات محددة، أو اقبل"));
    }
    return new ReviewCheck(errors, errors.isEmpty()
        ? new ComplianceDecision(decision, newDeadline, escalate, notes.isEmpty() ? null : notes)
        : null);
  }

  // ---------------------------------------------------------------------------------------------

  private DirectiveScope scope(Map<String, Object> submitted, List<FieldError> errors) {
    Set<UnitType> types = unitTypes(submitted.get(Var.UNIT_TYPES), errors);
    Set<String> codes = unitCodes(submitted.get(Var.UNIT_CODES), code -> units.find(code).isPresent(), errors);
    if (types != null && codes != null && types.isEmpty() && codes.isEmpty()) {
      errors.add(new FieldError(Var.UNIT_TYPES, "Give the unit types or the unit codes in scope (or both)",
          "أدخل أنواع الجهات أو رموز الجهات المشمولة (أو كليهما)"));
      return null;
    }
    return types == null || codes == null ? null : new DirectiveScope(types, codes);
  }

  private DirectiveScope narrowed(DirectiveScope ordered, Map<String, Object> submitted, UnitTree tree,
      List<FieldError> errors) {
    Set<UnitType> types = unitTypes(submitted.get(Var.UNIT_TYPES), errors);
    Set<String> codes = unitCodes(submitted.get(Var.UNIT_CODES), tree::contains, errors);
    if (types == null || codes == null) {
      return null;
    }
    if (types.isEmpty() && codes.isEmpty()) {
      errors.add(new FieldError(Var.UNIT_TYPES, "A narrowed scope still names unit types or unit codes",
          "يبقى في النطاق المضيّق أنواع جهات أو رموز جهات"));
      return null;
    }
    DirectiveScope scope = new DirectiveScope(types, codes);
    if (!scope.isWithin(ordered, tree)) {
      Set<UnitType> added = EnumSet.noneOf(UnitType.class);
      added.addAll(types);
      added.removeAll(ordered.unitTypes());
      List<String> outside = new ArrayList<>(added.stream().map(Enum::name).toList());
      codes.stream().filter(code -> !ordered.covers(tree, code)).forEach(outside::add);
      errors.add(new FieldError(added.isEmpty() ? Var.UNIT_CODES : Var.UNIT_TYPES,
          "Narrowing may only remove from the ordered scope; not in it: " + String.join(", ", outside),
          "التضييق يحذف من النطاق المأمور به فقط؛ ليس فيه: " + String.join("، ", outside)));
      return null;
    }
    return scope;
  }

  /** Null when a type is unknown (the problem is recorded). */
  private static Set<UnitType> unitTypes(Object value, List<FieldError> errors) {
    Set<UnitType> types = EnumSet.noneOf(UnitType.class);
    List<String> unknown = new ArrayList<>();
    for (String item : items(value, TYPE_SEPARATORS)) {
      String name = item.toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
      try {
        types.add(UnitType.valueOf(name));
      } catch (IllegalArgumentException e) {
        unknown.add(abbreviate(item));
      }
    }
    if (!unknown.isEmpty()) {
      String known = Arrays.stream(UnitType.values()).map(Enum::name).collect(Collectors.joining(", "));
      errors.add(new FieldError(Var.UNIT_TYPES, "Not a unit type: " + String.join(", ", unknown) + "; use " + known,
          "ليس نوع جهة: " + String.join("، ", unknown) + "؛ استخدم " + known));
      return null;
    }
    return types;
  }

  /** Null when a unit does not exist or there are too many (the problem is recorded). */
  private static Set<String> unitCodes(Object value, Predicate<String> exists, List<FieldError> errors) {
    List<String> items = items(value, CODE_SEPARATORS);
    if (items.size() > MAX_UNITS) {
      errors.add(new FieldError(Var.UNIT_CODES, "At most " + MAX_UNITS + " units; name their unit type instead",
          MAX_UNITS + " جهة على الأكثر؛ اذكر نوعها بدلًا من ذلك"));
      return null;
    }
    Set<String> codes = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    for (String code : items) {
      if (code.length() <= 40 && exists.test(code)) {
        codes.add(code);
      } else {
        unknown.add(abbreviate(code));
      }
    }
    if (!unknown.isEmpty()) {
      errors.add(new FieldError(Var.UNIT_CODES, "No such unit: " + String.join(", ", unknown),
          "لا توجد جهة بهذا الرمز: " + String.join("، ", unknown)));
      return null;
    }
    return codes;
  }

  private List<Account> officialAccounts(Object value, List<FieldError> errors) {
    List<String> items = items(value, CODE_SEPARATORS);
    if (items.isEmpty() || items.size() > 20) {
      errors.add(new FieldError(Var.OFFICIAL_ACCOUNTS,
          "Give the address of each official account that remains, one per line (at most one per platform)",
          "أدخل رابط كل حساب رسمي يبقى، رابطًا في كل سطر (حساب واحد لكل منصة على الأكثر)"));
      return List.of();
    }
    List<Account> found = new ArrayList<>();
    Set<String> platforms = new HashSet<>();
    for (String item : items) {
      Optional<Account> account = registered(item, Var.OFFICIAL_ACCOUNTS, errors);
      if (account.isEmpty()) {
        continue;
      }
      Account a = account.get();
      if (a.status() != AccountStatus.ACTIVE || !a.official()) {
        errors.add(new FieldError(Var.OFFICIAL_ACCOUNTS,
            a.canonicalUrl() + " is not an active official account (" + a.status() + ")",
            a.canonicalUrl() + " ليس حسابًا رسميًا نشطًا (" + a.status() + ")"));
      } else if (!platforms.add(a.platform().name())) {
        errors.add(new FieldError(Var.OFFICIAL_ACCOUNTS,
            "One official account remains per platform; two are given on " + a.platform().displayNameEn(),
            "يبقى حساب رسمي واحد لكل منصة؛ أُدخل حسابان على " + a.platform().displayNameAr()));
      } else {
        found.add(a);
      }
    }
    return found;
  }

  private List<KeptAccount> exceptions(Object value, DirectiveScope scope, UnitTree tree,
      List<OfficialAccount> officials, List<FieldError> errors) {
    List<String> lines = items(value, LINE);
    if (lines.size() > MAX_ACCOUNTS) {
      errors.add(new FieldError(Var.EXCEPTIONS, "At most " + MAX_ACCOUNTS + " exceptions",
          MAX_ACCOUNTS + " استثناء على الأكثر"));
      return List.of();
    }
    Set<Long> remaining = officials.stream().map(OfficialAccount::accountId).collect(Collectors.toSet());
    Set<Long> seen = new HashSet<>();
    List<KeptAccount> kept = new ArrayList<>();
    for (String line : lines) {
      int bar = line.indexOf('|');
      String address = (bar < 0 ? line : line.substring(0, bar)).strip();
      String reason = bar < 0 ? "" : line.substring(bar + 1).strip();
      Optional<Account> account = registered(address, Var.EXCEPTIONS, errors);
      if (account.isEmpty()) {
        continue;
      }
      Account a = account.get();
      if (remaining.contains(a.id())) {
        errors.add(new FieldError(Var.EXCEPTIONS, a.canonicalUrl() + " remains as an official account already",
            a.canonicalUrl() + " باقٍ أصلًا حسابًا رسميًا"));
      } else if (!a.status().holdsPlatformSlot() || !scope.covers(tree, a.unitCode())) {
        errors.add(new FieldError(Var.EXCEPTIONS, a.canonicalUrl() + " is not an account the directive closes",
            a.canonicalUrl() + " ليس من الحسابات التي يغلقها التعميم"));
      } else if (reason.isEmpty() || reason.length() > MAX_REASON) {
        errors.add(new FieldError(Var.EXCEPTIONS, "Give the reason for keeping " + a.canonicalUrl()
            + " after a | on its line (at most " + MAX_REASON + " characters)",
            "اذكر سبب إبقاء " + a.canonicalUrl() + " بعد علامة | في سطره (" + MAX_REASON + " حرف على الأكثر)"));
      } else if (!seen.add(a.id())) {
        errors.add(new FieldError(Var.EXCEPTIONS, a.canonicalUrl() + " is listed twice",
            a.canonicalUrl() + " مذكور مرتين"));
      } else {
        kept.add(new KeptAccount(a.id(), a.canonicalUrl(), reason));
      }
    }
    return kept;
  }

  /** The registry's account at this address; a problem is recorded when there is none. */
  private Optional<Account> registered(String address, String field, List<FieldError> errors) {
    List<CanonicalAccount> forms;
    try {
      forms = canonicalizer.canonicalizeOnAnyPlatform(address);
    } catch (InvalidAccountUrlException e) {
      errors.add(new FieldError(field, abbreviate(address) + ": " + e.messageEn(),
          abbreviate(address) + ": " + e.messageAr()));
      return Optional.empty();
    }
    if (forms.size() != 1) {
      errors.add(new FieldError(field, abbreviate(address) + " fits several platforms; give the account's full address",
          abbreviate(address) + " يصلح لأكثر من منصة؛ أدخل الرابط الكامل للحساب"));
      return Optional.empty();
    }
    Optional<Account> account = accounts.findByCanonicalUrl(forms.get(0).canonicalUrl());
    if (account.isEmpty()) {
      errors.add(new FieldError(field, forms.get(0).canonicalUrl() + " is not in the registry",
          forms.get(0).canonicalUrl() + " غير موجود في السجل"));
    }
    return account;
  }

  private static LocalDate deadline(Object value, String field, LocalDate today, List<FieldError> errors) {
    LocalDate deadline = date(value);
    if (deadline == null || deadline.isBefore(today)) {
      errors.add(new FieldError(field, "Give the deadline as YYYY-MM-DD, today or later",
          "أدخل الموعد النهائي بالصيغة YYYY-MM-DD، اليوم أو بعده"));
      return null;
    }
    return deadline;
  }

  private static List<String> escalated(Object value, List<UnitProgress> byUnit, List<FieldError> errors) {
    Set<String> open = byUnit.stream().filter(u -> u.open() > 0).map(UnitProgress::unitCode).collect(Collectors.toSet());
    List<String> named = new ArrayList<>(new LinkedHashSet<>(items(value, CODE_SEPARATORS)));
    List<String> notOpen = named.stream().filter(code -> !open.contains(code)).map(DirectiveRules::abbreviate).toList();
    if (named.isEmpty() || !notOpen.isEmpty()) {
      errors.add(new FieldError(Var.ESCALATE_UNITS,
          named.isEmpty() ? "Name the units to escalate to (codes of units with accounts still open)"
              : "These units have no account left to close: " + String.join(", ", notOpen),
          named.isEmpty() ? "اذكر رموز الجهات المصعّد إليها (جهات ما زالت لديها حسابات مفتوحة)"
              : "لم يبق لدى هذه الجهات حساب لإغلاقه: " + String.join("، ", notOpen)));
      return List.of();
    }
    return named;
  }

  private static String required(Map<String, Object> submitted, String field, int max, List<FieldError> errors,
      String en, String ar) {
    String value = text(submitted.get(field));
    if (value.isEmpty() || value.length() > max) {
      errors.add(new FieldError(field, en + " (at most " + max + " characters)", ar + " (" + max + " حرف على الأكثر)"));
      return null;
    }
    return value;
  }

  private static String abbreviate(String value) {
    return value.length() > 60 ? value.substring(0, 60) + "…" : value;
  }
}
