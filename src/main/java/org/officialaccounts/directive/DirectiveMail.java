package org.officialaccounts.directive;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.officialaccounts.api.Csv;
import org.officialaccounts.directive.DirectiveRepository.Kept;
import org.officialaccounts.directive.DirectiveRepository.NoticeUnit;
import org.officialaccounts.directive.DirectiveRepository.OfficialAccount;
import org.officialaccounts.notification.Directory;
import org.officialaccounts.notification.MailService;
import org.officialaccounts.notification.MailService.Attachment;
import org.officialaccounts.registry.UnitRepository;
import org.officialaccounts.security.Groups;
import org.springframework.stereotype.Service;

/**
 * A directive's emails: each unit's notice, escalations, the compliance report to the
 * leadership and the final report to the directive's source, with their CSV files.
 */
@Service
public class DirectiveMail {

  public static final String UNIT_NOTICE = "directive-unit-notice";
  public static final String ESCALATION = "directive-escalation";
  public static final String COMPLIANCE_REPORT = "directive-compliance-report";
  public static final String FINAL_REPORT = "directive-final-report";

  static final String CSV = "text/csv; charset=UTF-8";
  /** The columns of every CSV file of a directive. */
  public static final List<String> HEADER = List.of(
      "رمز الجهة / Unit code", "اسم الجهة / Unit name (Arabic)", "Unit name", "الجهة الرئيسية / Reporting unit",
      "المنصة / Platform", "الحساب / Account", "النتيجة / Outcome", "أُغلق في / Closed at",
      "الحساب البديل / Successor", "السبب / Reason");

  private final DirectiveService service;
  private final DirectiveRepository directives;
  private final UnitRepository units;
  private final Directory directory;
  private final MailService mail;
  private final DirectiveSettings settings;
  private final Clock clock;

  public DirectiveMail(DirectiveService service, DirectiveRepository directives, UnitRepository units,
      Directory directory, MailService mail, DirectiveSettings settings, Clock clock) {
    this.service = service;
    this.directives = directives;
    this.units = units;
    this.directory = directory;
    this.mail = mail;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * The notice of the unit with this number to its head: every account of the unit and the units
   * under it to close, in the text or, when many, in an attached CSV file. A notice already sent
   * is not sent again.
   */
  public void sendUnitNotice(String directiveId, int seq, String processInstanceId) {
    Directive directive = service.find(directiveId);
    NoticeUnit unit = directives.noticeUnit(directiveId, seq);
    if (unit.noticeSentAt() != null) {
      return;
    }
    List<DirectiveAccount> accounts = directives.accounts(directiveId, unit.unitCode(), false);
    List<String> to = recipients(unit);
    Map<String, Object> values = values(directive, unit, accounts);
    mail.send(UNIT_NOTICE, to, List.of(), values, processInstanceId, null, attachments(unit, accounts));
    directives.markNoticeSent(directiveId, unit.unitCode(), String.join(", ", to), OffsetDateTime.now(clock));
  }

  /** The escalation to the head of the index-th unit a compliance review named: its accounts still open. */
  public void sendEscalation(String directiveId, int round, int index, String processInstanceId) {
    Directive directive = service.find(directiveId);
    String unitCode = directives.escalatedUnits(directiveId, round).get(index);
    NoticeUnit unit = directives.noticeUnit(directiveId, unitCode)
        .orElseThrow(() -> new IllegalStateException("Directive " + directiveId + " has no unit " + unitCode));
    List<DirectiveAccount> open = directives.accounts(directiveId, unitCode, true);
    mail.send(ESCALATION, recipients(unit), List.of(), values(directive, unit, open), processInstanceId, null,
        attachments(unit, open));
    directives.markEscalated(directiveId, unitCode, OffsetDateTime.now(clock));
  }

  /** The compliance report to the Undersecretary and PR &amp; Media: where every unit stands. */
  public void sendComplianceReport(String directiveId, String processInstanceId) {
    Directive directive = service.find(directiveId);
    Set<String> to = new LinkedHashSet<>(directory.emailsOfGroup(Groups.UNDERSECRETARY));
    to.addAll(directory.emailsOfGroup(Groups.PR_MEDIA));
    Map<String, Object> values = directiveValues(directive);
    values.put("progress", service.progress(directive));
    values.put("byUnit", service.progressByUnit(directive));
    values.put("pastDeadline", service.pastDeadline(directive));
    mail.send(COMPLIANCE_REPORT, new ArrayList<>(to), values, processInstanceId, null);
    service.awaitingReview(directiveId);
  }

  /** The final report to the directive's source, PR &amp; Media in copy, with every account in a CSV file. */
  public void sendFinalReport(String directiveId, String processInstanceId) {
    Directive directive = service.find(directiveId);
    List<Kept> kept = directives.exceptions(directiveId);
    Map<String, Object> values = directiveValues(directive);
    values.put("progress", service.progress(directive));
    values.put("byUnit", service.progressByUnit(directive));
    values.put("exceptions", kept.size());
    byte[] csv = Csv.bytes(HEADER, reportRows(directiveId, kept));
    mail.send(FINAL_REPORT, List.of(directive.sourceEmail()), directory.emailsOfGroup(Groups.PR_MEDIA), values,
        processInstanceId, null, List.of(new Attachment(directiveId + "-report.csv", CSV, csv)));
    directives.markReported(directiveId, OffsetDateTime.now(clock));
  }

  /** Every account the directive touched: closed or not, kept by the meeting, or remaining official. */
  public List<List<Object>> reportRows(String directiveId, List<Kept> kept) {
    List<List<Object>> rows = new ArrayList<>();
    for (DirectiveAccount a : directives.accounts(directiveId, null, false)) {
      rows.add(row(a));
    }
    for (Kept k : kept) {
      rows.add(List.of(k.unitCode(), k.unitNameAr(), k.unitNameEn(), "", k.platform(), k.canonicalUrl(), "EXCEPTED",
          "", "", k.reason()));
    }
    for (OfficialAccount o : directives.officialAccounts(directiveId)) {
      rows.add(List.of(o.unitCode(), "", "", "", o.platform(), o.canonicalUrl(), "REMAINS_OFFICIAL", "", "", ""));
    }
    return rows;
  }

  static List<Object> row(DirectiveAccount a) {
    List<Object> row = new ArrayList<>(HEADER.size());
    row.add(a.unitCode());
    row.add(a.unitNameAr());
    row.add(a.unitNameEn());
    row.add(a.reportUnit());
    row.add(a.platform());
    row.add(a.canonicalUrl());
    row.add(a.state());
    row.add("CLOSED".equals(a.outcome()) && a.concludedAt() != null ? a.concludedAt().toLocalDate().toString() : "");
    row.add(a.successorUrl());
    row.add(a.outcomeReason());
    return row;
  }

  /** The unit's head; without one, the unit's coordinators; without those, PR &amp; Media. */
  List<String> recipients(NoticeUnit unit) {
    if (unit.headEmail() != null && !unit.headEmail().isBlank()) {
      return List.of(unit.headEmail());
    }
    List<String> coordinators = new ArrayList<>();
    units.coordinators(unit.unitCode()).forEach(user -> directory.emailOf(user).ifPresent(coordinators::add));
    return coordinators.isEmpty() ? directory.emailsOfGroup(Groups.PR_MEDIA) : coordinators;
  }

  private Map<String, Object> values(Directive directive, NoticeUnit unit, List<DirectiveAccount> accounts) {
    Map<String, Object> values = directiveValues(directive);
    values.put("unitCode", unit.unitCode());
    values.put("unitNameAr", unit.nameAr());
    values.put("unitNameEn", unit.nameEn());
    values.put("accountCount", accounts.size());
    boolean listed = accounts.size() <= settings.getNoticeListLimit();
    values.put("listed", listed);
    values.put("accounts", listed ? accounts : List.of());
    return values;
  }

  private List<Attachment> attachments(NoticeUnit unit, List<DirectiveAccount> accounts) {
    if (accounts.size() <= settings.getNoticeListLimit()) {
      return List.of();
    }
    byte[] csv = Csv.bytes(HEADER, accounts.stream().map(DirectiveMail::row).toList());
    return List.of(new Attachment("accounts-to-close-" + unit.unitCode() + ".csv", CSV, csv));
  }

  private Map<String, Object> directiveValues(Directive directive) {
    Map<String, Object> values = new HashMap<>();
    values.put("directiveId", directive.id());
    values.put("directiveReference", directive.reference());
    values.put("directiveSource", directive.source());
    values.put("directiveDate", directive.directiveDate().toString());
    values.put("directiveSummary", directive.summary());
    values.put("deadline", directive.deadline().toString());
    values.put("scopeDescription", directive.scope().describe());
    values.put("officialAccounts", service.officialAccounts(directive.id()));
    return values;
  }
}
