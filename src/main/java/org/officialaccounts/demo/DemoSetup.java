package org.officialaccounts.demo;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.officialaccounts.registry.AccountRepository;
import org.officialaccounts.registry.AccountStatus;
import org.officialaccounts.registry.AccountUrlCanonicalizer;
import org.officialaccounts.registry.Platform;
import org.officialaccounts.registry.Unit;
import org.officialaccounts.registry.UnitRepository;
import org.officialaccounts.registry.UnitType;
import org.officialaccounts.security.Groups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo users (password = user id) and a small realistic registry; exists only when the demo is
 * enabled, so no other environment ever has these credentials.
 */
@Component
@Order(10)
@Profile("demo")
public class DemoSetup implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoSetup.class);

  /** The school whose coordinator is the demo requester; it holds no account yet. */
  public static final String REQUESTER_SCHOOL = "SCH-CAP-001";

  private final IdentityService identity;
  private final UnitRepository units;
  private final AccountRepository accounts;
  private final AccountUrlCanonicalizer canonicalizer;
  private final Clock clock;

  public DemoSetup(
      IdentityService identity,
      UnitRepository units,
      AccountRepository accounts,
      AccountUrlCanonicalizer canonicalizer,
      Clock clock) {
    this.identity = identity;
    this.units = units;
    this.accounts = accounts;
    this.canonicalizer = canonicalizer;
    this.clock = clock;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    user("requester", "Noura", "Al-Mutairi", Groups.UNIT_COORDINATORS);
    user("reviewer", "Fahad", "Al-Enezi", Groups.PR_MEDIA);
    user("undersecretary", "Mariam", "Al-Sabah", Groups.UNDERSECRETARY);
    user("manager", "Khaled", "Al-Rashidi", Groups.ACCOUNT_MANAGERS);
    if (units.count() > 0) {
      return;
    }
    loadRegistry();
    LOG.info("Demo registry loaded: {} units", units.count());
  }

  private void user(String id, String first, String last, String group) {
    if (identity.createUserQuery().userId(id).count() > 0) {
      return;
    }
    User user = identity.newUser(id);
    user.setFirstName(first);
    user.setLastName(last);
    user.setEmail(id + "@moe.example");
    user.setPassword(id);
    identity.saveUser(user);
    identity.createMembership(id, group);
  }

  private void loadRegistry() {
    List<Unit> tree =
        List.of(
            unit("MOE", UnitType.MINISTRY, "وزارة التربية", "Ministry of Education", null),
            unit("MOE-US", UnitType.LEADERSHIP_OFFICE, "مكتب وكيل الوزارة", "Office of the Undersecretary", "MOE"),
            unit("MOE-PRM", UnitType.CENTRAL_DEPARTMENT, "إدارة العلاقات العامة والإعلام التربوي",
                "Public Relations & Educational Media Department", "MOE"),
            unit("MOE-CFG", UnitType.CENTRAL_DEPARTMENT, "إدارة التنسيق والمتابعة للتعليم العام",
                "Department of Coordination and Follow-up of General Education", "MOE"),
            unit("MOE-CUR", UnitType.CENTRAL_DEPARTMENT, "إدارة المناهج", "Curricula Department", "MOE"),
            unit("DST-CAP", UnitType.EDUCATION_DEPARTMENT, "منطقة العاصمة التعليمية", "Capital Educational District", "MOE"),
            unit("OFF-CAP-1", UnitType.EDUCATION_OFFICE, "مكتب التوجيه الفني بالعاصمة", "Capital Technical Guidance Office", "DST-CAP"),
            unit(REQUESTER_SCHOOL, UnitType.SCHOOL, "مدرسة الخليل بن أحمد المتوسطة", "Al-Khalil bin Ahmad Intermediate School", "OFF-CAP-1"),
            unit("SCH-CAP-002", UnitType.SCHOOL, "مدرسة فاطمة الزهراء الثانوية", "Fatima Al-Zahra Secondary School", "OFF-CAP-1"),
            unit("DST-HAW", UnitType.EDUCATION_DEPARTMENT, "منطقة حولي التعليمية", "Hawalli Educational District", "MOE"),
            unit("OFF-HAW-1", UnitType.EDUCATION_OFFICE, "مكتب الأنشطة بحولي", "Hawalli Activities Office", "DST-HAW"),
            unit("SCH-HAW-001", UnitType.SCHOOL, "مدرسة حولي الابتدائية", "Hawalli Primary School", "OFF-HAW-1"),
            unit("DST-AHM", UnitType.EDUCATION_DEPARTMENT, "منطقة الأحمدي التعليمية", "Ahmadi Educational District", "MOE"),
            unit("OFF-AHM-1", UnitType.EDUCATION_OFFICE, "مكتب الخدمات التربوية بالأحمدي", "Ahmadi Educational Services Office", "DST-AHM"),
            unit("SCH-AHM-001", UnitType.SCHOOL, "مدرسة الفحيحيل المتوسطة", "Fahaheel Intermediate School", "OFF-AHM-1"),
            unit("CLB-AHM-001", UnitType.NEIGHBOURHOOD_CLUB, "نادي حي الفحيحيل", "Fahaheel Neighbourhood Club", "DST-AHM"),
            unit("ATT-LON", UnitType.CULTURAL_ATTACHE, "المكتب الثقافي في لندن", "Cultural Office in London", "MOE"));
    tree.forEach(units::insert);
    units.addMember("requester", REQUESTER_SCHOOL, "COORDINATOR");
    units.addMember("reviewer", "MOE-PRM", "REVIEWER");
    units.addMember("undersecretary", "MOE-US", "UNDERSECRETARY");
    units.addMember("manager", "SCH-CAP-002", "MANAGER");

    account("MOE", Platform.X, "@moe_kw", "وزارة التربية", AccountStatus.ACTIVE, true);
    account("MOE", Platform.INSTAGRAM, "moe_kw", "وزارة التربية", AccountStatus.ACTIVE, true);
    account("MOE", Platform.YOUTUBE, "@moekuwait", "وزارة التربية", AccountStatus.ACTIVE, true);
    account("MOE-CFG", Platform.X, "@moe_cfg", "التنسيق والمتابعة", AccountStatus.CLOSED, false);
    account("DST-HAW", Platform.INSTAGRAM, "hawalli_edu", "منطقة حولي التعليمية", AccountStatus.APPROVED, false);
    account("SCH-CAP-002", Platform.X, "@fz_secondary", "مدرسة فاطمة الزهراء", AccountStatus.ACTIVE, true);
    account("ATT-LON", Platform.X, "@kwculture_uk", "المكتب الثقافي - لندن", AccountStatus.SUSPENDED, false);
    account("CLB-AHM-001", Platform.SNAPCHAT, "fahaheelclub", null, AccountStatus.UNREGISTERED, false);
  }

  private void account(
      String unit, Platform platform, String handle, String name, AccountStatus status, boolean official) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    long id =
        accounts.insert(
            unit, canonicalizer.canonicalize(platform, handle), name, status, official,
            "Khaled Al-Rashidi",
            "manager@moe.example", now);
    accounts.insertHistory(id, null, status, "demo", now, "Demo data", null);
  }

  private static Unit unit(String code, UnitType type, String ar, String en, String parent) {
    return new Unit(code, type, ar, en, parent, "head." + code.toLowerCase() + "@moe.example");
  }
}
