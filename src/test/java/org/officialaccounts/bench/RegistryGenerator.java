package org.officialaccounts.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;
import org.officialaccounts.registry.AccountStatus;
import org.officialaccounts.registry.AccountUrlCanonicalizer;
import org.officialaccounts.registry.CanonicalAccount;
import org.officialaccounts.registry.Platform;
import org.officialaccounts.registry.Unit;
import org.officialaccounts.registry.UnitType;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Fills a PostgreSQL registry with a synthetic ministry of the real one's shape (26,520 units,
 * any number of accounts on five platforms) through COPY, replacing whatever the tables held.
 *
 * <p>The same seed always gives the same registry, so benchmark runs compare like with like.
 */
public final class RegistryGenerator {

  public static final int DEFAULT_ACCOUNTS = 130_000;
  public static final long DEFAULT_SEED = 2026L;

  /** Shares of the accounts by status; the rest is ACTIVE and official. */
  public record StatusMix(double closed, double unregistered, double underReview, double correctiveAction) {

    /** As assumed for a registry in service: 85% ACTIVE. */
    public static final StatusMix IN_SERVICE = new StatusMix(0.08, 0.04, 0.02, 0.01);

    /** Every account ACTIVE: a campaign over "all" has as many reviews to open as there are accounts. */
    public static final StatusMix ALL_ACTIVE = new StatusMix(0, 0, 0, 0);
  }

  /** Units per type, as in the ministry's organisation chart. */
  static final int DEPARTMENTS = 47;
  static final int OFFICES = 422;
  static final int SCHOOLS = 25_000;
  static final int CLUBS = 1_001;
  static final int ATTACHES = 34;
  static final int SCHOOLS_ABROAD = 14;

  private static final OffsetDateTime EPOCH = OffsetDateTime.of(2016, 1, 1, 8, 0, 0, 0, ZoneOffset.ofHours(3));
  private static final String EMAIL_DOMAIN = "@moe.example";

  /** One generated account, as stored. */
  public record GeneratedAccount(
      long id,
      String unitCode,
      Platform platform,
      String handle,
      String canonicalUrl,
      AccountStatus status,
      boolean official,
      Long successorId) {

    /** Whether the public is told this account speaks for the ministry. */
    public boolean liveOfficial() {
      return official && status != AccountStatus.CLOSED && status != AccountStatus.UNREGISTERED;
    }
  }

  /** What was loaded: every unit and every account, accounts in id order. */
  public record Registry(List<Unit> units, List<GeneratedAccount> accounts) {

    public List<String> canonicalUrls() {
      return accounts.stream().map(GeneratedAccount::canonicalUrl).toList();
    }

    public List<GeneratedAccount> withStatus(AccountStatus status) {
      return accounts.stream().filter(a -> a.status() == status).toList();
    }

    public List<GeneratedAccount> liveOfficial() {
      return accounts.stream().filter(GeneratedAccount::liveOfficial).toList();
    }

    public GeneratedAccount byId(long id) {
      GeneratedAccount account = accounts.get((int) (id - 1));
      if (account.id() != id) {
        throw new IllegalStateException("accounts are not in id order");
      }
      return account;
    }

    /** Writes one line per account: id, platform, status and canonical URL, tab-separated. */
    public void writeAccounts(Path file) {
      try {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
          for (GeneratedAccount a : accounts) {
            out.write(a.id() + "\t" + a.platform() + "\t" + a.status() + "\t" + a.canonicalUrl() + "\n");
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private RegistryGenerator() {}

  public static Registry generate(DataSource dataSource, int accounts) {
    return generate(dataSource, accounts, StatusMix.IN_SERVICE);
  }

  public static Registry generate(DataSource dataSource, int accounts, StatusMix mix) {
    try (Connection connection = dataSource.getConnection()) {
      return generate(connection, accounts, DEFAULT_SEED, mix);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not load the synthetic registry", e);
    }
  }

  /**
   * Empties the registry tables and loads the synthetic units and {@code accounts} accounts, with
   * their history, in one transaction; then refreshes the planner's statistics.
   */
  public static Registry generate(Connection connection, int accounts, long seed, StatusMix mix) throws SQLException {
    if (accounts < 0) {
      throw new IllegalArgumentException("accounts must not be negative");
    }
    Random random = new Random(seed);
    List<UnitSeed> units = units();
    Map<String, UnitSeed> byCode = new HashMap<>();
    units.forEach(unit -> byCode.put(unit.unit().code(), unit));
    List<GeneratedAccount> generated = accounts(units, byCode, accounts, mix, random);

    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "TRUNCATE account_history, notification, account, unit_member, unit RESTART IDENTITY CASCADE");
      CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
      copyUnits(copy, units);
      copyAccounts(copy, byCode, generated, random);
      long historyRows = copyHistory(copy, generated);
      // Ids were given explicitly, so the identity columns must continue after them.
      statement.execute("ALTER TABLE account ALTER COLUMN id RESTART WITH " + (generated.size() + 1));
      statement.execute("ALTER TABLE account_history ALTER COLUMN id RESTART WITH " + (historyRows + 1));
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
    try (Statement statement = connection.createStatement()) {
      // Fresh tables have no statistics until autovacuum gets to them; plans must not guess.
      statement.execute("ANALYZE unit, account, account_history");
    }
    return new Registry(units.stream().map(UnitSeed::unit).toList(), List.copyOf(generated));
  }

  // ---------------------------------------------------------------------------------------------
  // Units

  /** A unit and the base of its accounts' handles (letters, digits, one underscore). */
  private record UnitSeed(Unit unit, String handleBase) {}

  private static List<UnitSeed> units() {
    List<UnitSeed> units = new ArrayList<>(1 + DEPARTMENTS + OFFICES + SCHOOLS + CLUBS + ATTACHES + SCHOOLS_ABROAD + 1);
    units.add(seed("MOE", UnitType.MINISTRY, "وزارة التعليم", "Ministry of Education", null, "moe_gov"));

    List<String[]> departments = new ArrayList<>();
    for (String[] place : PLACES) {
      String code = "ED-" + place[0].toUpperCase(Locale.ROOT);
      departments.add(new String[] {code, place[0], place[1], place[2]});
      units.add(seed(code, UnitType.EDUCATION_DEPARTMENT, "إدارة التعليم ب" + place[1],
          "Education Department of " + place[2], "MOE", "edu_" + place[0]));
    }

    List<String[]> offices = new ArrayList<>();
    for (int i = 0; i < OFFICES; i++) {
      String[] department = departments.get(i % DEPARTMENTS);
      int n = i / DEPARTMENTS + 1;
      String code = "EO-" + department[1].toUpperCase(Locale.ROOT) + "-" + n;
      String ar = n <= DIRECTIONS.length
          ? "مكتب التعليم ب" + DIRECTIONS[n - 1][0] + " " + department[2]
          : "مكتب التعليم " + n + " ب" + department[2];
      String en = n <= DIRECTIONS.length
          ? DIRECTIONS[n - 1][1] + " " + department[3] + " Education Office"
          : department[3] + " Education Office " + n;
      offices.add(new String[] {code, department[2], department[3]});
      units.add(seed(code, UnitType.EDUCATION_OFFICE, ar, en, department[0], "eo_" + department[1] + n));
    }

    for (int i = 1; i <= SCHOOLS; i++) {
      String[] office = offices.get((i - 1) % OFFICES);
      String[] level = LEVELS[i % LEVELS.length];
      boolean girls = i % 2 == 0;
      units.add(seed(
          "SCH-%05d".formatted(i), UnitType.SCHOOL,
          "المدرسة " + level[1] + " " + i + (girls ? " للبنات" : " للبنين") + " ب" + office[1],
          level[2] + " School " + i + (girls ? " (Girls), " : " (Boys), ") + office[2],
          office[0], level[0] + "_%05d".formatted(i)));
    }

    for (int i = 1; i <= CLUBS; i++) {
      String[] place = PLACES[(i - 1) % PLACES.length];
      units.add(seed("NC-%04d".formatted(i), UnitType.NEIGHBOURHOOD_CLUB,
          "نادي الحي " + i + " ب" + place[1], "Neighbourhood Club " + i + ", " + place[2],
          "MOE", "club_%04d".formatted(i)));
    }

    for (String[] country : COUNTRIES) {
      units.add(seed("CA-" + country[0].toUpperCase(Locale.ROOT), UnitType.CULTURAL_ATTACHE,
          "الملحقية الثقافية في " + country[1], "Cultural Attaché in " + country[2],
          "MOE", "attache_" + country[0]));
    }

    for (String[] city : CITIES_ABROAD) {
      units.add(seed("SA-" + city[0].toUpperCase(Locale.ROOT), UnitType.SCHOOL_ABROAD,
          "مدرسة الوزارة في " + city[1], "Ministry School in " + city[2],
          "MOE", "msch_" + city[0]));
    }

    units.add(seed("AGY-ETEC", UnitType.AGENCY, "هيئة تقويم التعليم والتدريب",
        "Education and Training Evaluation Commission", "MOE", "etec_gov"));
    return units;
  }

  private static UnitSeed seed(String code, UnitType type, String ar, String en, String parent, String handleBase) {
    String email = "head." + code.toLowerCase(Locale.ROOT) + EMAIL_DOMAIN;
    return new UnitSeed(new Unit(code, type, ar, en, parent, email), handleBase);
  }

  // ---------------------------------------------------------------------------------------------
  // Accounts

  /**
   * Spreads the accounts over (unit, platform) places: live and unregistered accounts take a
   * place each (the ministry and its departments first, the rest in random order, a second round
   * of handles once every place is taken); each closed account is the predecessor of a live one
   * in the same place.
   */
  private static List<GeneratedAccount> accounts(
      List<UnitSeed> units, Map<String, UnitSeed> byCode, int total, StatusMix mix, Random random) {
    int closed = (int) Math.round(total * mix.closed());
    int unregistered = (int) Math.round(total * mix.unregistered());
    int live = total - closed - unregistered;
    if (closed > live) {
      throw new IllegalArgumentException("too few accounts to give every closed one a successor");
    }
    int underReview = (int) Math.round(total * mix.underReview());
    int corrective = (int) Math.round(total * mix.correctiveAction());

    List<int[]> places = places(units, random);
    AccountUrlCanonicalizer canonicalizer = new AccountUrlCanonicalizer();
    Set<String> urls = new HashSet<>(total * 2);
    List<GeneratedAccount> accounts = new ArrayList<>(total);

    List<AccountStatus> liveStatuses = new ArrayList<>(live);
    for (int i = 0; i < live; i++) {
      liveStatuses.add(i < underReview ? AccountStatus.UNDER_REVIEW
          : i < underReview + corrective ? AccountStatus.CORRECTIVE_ACTION : AccountStatus.ACTIVE);
    }
    Collections.shuffle(liveStatuses, random);

    for (int i = 0; i < live + unregistered; i++) {
      int[] place = places.get(i % places.size());
      int round = i / places.size();
      UnitSeed unit = units.get(place[0]);
      Platform platform = Platform.values()[place[1]];
      String base = round == 0 ? unit.handleBase() : unit.handleBase() + "_" + (round + 1);
      boolean isLive = i < live;
      AccountStatus status = isLive ? liveStatuses.get(i) : AccountStatus.UNREGISTERED;
      accounts.add(account(canonicalizer, urls, accounts.size() + 1, unit, platform, base, status, isLive, null));
    }

    // Predecessors get higher ids than their successors, so COPY never meets a dangling reference.
    List<GeneratedAccount> successors = new ArrayList<>(accounts.subList(0, Math.min(live, places.size())));
    Collections.shuffle(successors, random);
    for (int i = 0; i < closed; i++) {
      GeneratedAccount successor = successors.get(i % successors.size());
      UnitSeed unit = byCode.get(successor.unitCode());
      String base = i < successors.size() ? "old" + unit.handleBase() : "old" + unit.handleBase() + "_" + (i / successors.size() + 1);
      accounts.add(account(canonicalizer, urls, accounts.size() + 1, unit, successor.platform(), base,
          AccountStatus.CLOSED, false, successor.id()));
    }
    return accounts;
  }

  /** Index pairs (unit, platform ordinal): headquarters' places first, then all others shuffled. */
  private static List<int[]> places(List<UnitSeed> units, Random random) {
    List<int[]> first = new ArrayList<>();
    List<int[]> rest = new ArrayList<>();
    for (int u = 0; u < units.size(); u++) {
      UnitType type = units.get(u).unit().type();
      boolean headquarters = type == UnitType.MINISTRY || type == UnitType.EDUCATION_DEPARTMENT;
      for (int p = 0; p < Platform.values().length; p++) {
        (headquarters ? first : rest).add(new int[] {u, p});
      }
    }
    Collections.shuffle(rest, random);
    first.addAll(rest);
    return first;
  }

  private static GeneratedAccount account(
      AccountUrlCanonicalizer canonicalizer, Set<String> urls, long id, UnitSeed unit,
      Platform platform, String base, AccountStatus status, boolean official, Long successorId) {
    String handle = handle(platform, base);
    // The app's own canonicaliser is the judge: a URL it would spell differently is never found.
    CanonicalAccount canonical = canonicalizer.canonicalize(platform, handle);
    if (!canonical.handle().equals(handle)) {
      throw new IllegalStateException(platform + " handle " + handle + " canonicalises to " + canonical.handle());
    }
    if (!urls.add(canonical.canonicalUrl())) {
      throw new IllegalStateException("duplicate canonical URL " + canonical.canonicalUrl());
    }
    return new GeneratedAccount(id, unit.unit().code(), platform, handle, canonical.canonicalUrl(), status,
        official, successorId);
  }

  /** The base's spelling on the platform: the underscore becomes what each platform prefers. */
  static String handle(Platform platform, String base) {
    String handle = switch (platform) {
      case X, YOUTUBE -> base;
      case INSTAGRAM -> base.replace('_', '.');
      case SNAPCHAT -> base.replace('_', '-');
      case FACEBOOK -> base.replace("_", "");
    };
    if (handle.length() > platform.handleMaxLength()) {
      throw new IllegalArgumentException(
          "too many accounts for the unit tree: " + platform + " handle " + handle + " is too long");
    }
    return handle;
  }

  // ---------------------------------------------------------------------------------------------
  // COPY

  private static void copyUnits(CopyManager copy, List<UnitSeed> units) throws SQLException {
    try (CsvCopy out = new CsvCopy(copy,
        "COPY unit (code, type, name_ar, name_en, parent_code, head_email, created_at) FROM STDIN (FORMAT csv)")) {
      for (UnitSeed seed : units) {
        Unit u = seed.unit();
        out.row(u.code(), u.type().name(), u.nameAr(), u.nameEn(), u.parentCode(), u.headEmail(), EPOCH.toString());
      }
    }
  }

  private static void copyAccounts(CopyManager copy, Map<String, UnitSeed> units, List<GeneratedAccount> accounts,
      Random random) throws SQLException {
    try (CsvCopy out = new CsvCopy(copy,
        "COPY account (id, unit_code, platform, handle, canonical_url, display_name, status, official,"
            + " manager_name, manager_email, secondary_contact_email, purpose, successor_account_id,"
            + " requested_at, approved_at, verified_at, closed_at, created_at, updated_at)"
            + " FROM STDIN (FORMAT csv)")) {
      for (GeneratedAccount a : accounts) {
        UnitSeed unit = units.get(a.unitCode());
        String[] manager = PEOPLE[random.nextInt(PEOPLE.length)];
        String[] colleague = PEOPLE[random.nextInt(PEOPLE.length)];
        OffsetDateTime requested = EPOCH.plusHours(random.nextInt(24 * 365 * 8));
        boolean registered = a.status() != AccountStatus.UNREGISTERED;
        OffsetDateTime approved = registered ? requested.plusDays(3) : null;
        OffsetDateTime verified = a.official() ? requested.plusDays(5) : null;
        OffsetDateTime closed = a.status() == AccountStatus.CLOSED ? requested.plusDays(400) : null;
        OffsetDateTime updated = closed != null ? closed : verified != null ? verified : requested;
        String[] purpose = PURPOSES[(int) (a.id() % PURPOSES.length)];
        out.row(
            Long.toString(a.id()), a.unitCode(), a.platform().name(), a.handle(), a.canonicalUrl(),
            unit.unit().nameAr(), a.status().name(), Boolean.toString(a.official()),
            manager[0] + " " + manager[1],
            manager[2] + "." + a.id() + EMAIL_DOMAIN,
            colleague[2] + "." + (a.id() + 7) + EMAIL_DOMAIN,
            purpose[0] + " / " + purpose[1],
            a.successorId() == null ? null : a.successorId().toString(),
            registered ? requested.toString() : null,
            approved == null ? null : approved.toString(),
            verified == null ? null : verified.toString(),
            closed == null ? null : closed.toString(),
            requested.toString(),
            updated.toString());
      }
    }
  }

  /** The registration of every account and, for those not simply active, how it got where it is. */
  private static long copyHistory(CopyManager copy, List<GeneratedAccount> accounts) throws SQLException {
    long rows = 0;
    try (CsvCopy out = new CsvCopy(copy,
        "COPY account_history (id, account_id, from_status, to_status, changed_by, changed_at, reason)"
            + " FROM STDIN (FORMAT csv)")) {
      for (GeneratedAccount a : accounts) {
        OffsetDateTime at = EPOCH.plusHours(a.id() % (24 * 365 * 8));
        boolean registered = a.status() != AccountStatus.UNREGISTERED;
        AccountStatus first = registered ? AccountStatus.ACTIVE : AccountStatus.UNREGISTERED;
        out.row(Long.toString(++rows), Long.toString(a.id()), null, first.name(), "registry-import",
            at.toString(), registered ? "Registered / سُجّل" : "Found unregistered / رُصد غير مسجل");
        if (a.status() != first) {
          out.row(Long.toString(++rows), Long.toString(a.id()), first.name(), a.status().name(),
              "pr-media", at.plusDays(400).toString(),
              a.status() == AccountStatus.CLOSED ? "Replaced by a new account / استُبدل بحساب جديد"
                  : "Periodic review / المراجعة الدورية");
        }
      }
    }
    return rows;
  }

  /** Streams CSV rows into one COPY in 64 KiB chunks, so no registry-sized string is ever built. */
  private static final class CsvCopy implements AutoCloseable {
    private final CopyIn in;
    private final StringBuilder buffer = new StringBuilder(1 << 17);

    CsvCopy(CopyManager copy, String sql) throws SQLException {
      this.in = copy.copyIn(sql);
    }

    void row(String... fields) throws SQLException {
      for (int i = 0; i < fields.length; i++) {
        if (i > 0) {
          buffer.append(',');
        }
        // Unquoted empty is NULL in COPY's CSV; every value is quoted so "" stays a string.
        if (fields[i] != null) {
          buffer.append('"').append(fields[i].replace("\"", "\"\"")).append('"');
        }
      }
      buffer.append('\n');
      if (buffer.length() > 1 << 16) {
        flush();
      }
    }

    private void flush() throws SQLException {
      byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
      in.writeToCopy(bytes, 0, bytes.length);
      buffer.setLength(0);
    }

    @Override
    public void close() throws SQLException {
      try {
        flush();
        in.endCopy();
      } finally {
        if (in.isActive()) {
          in.cancelCopy();
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Names

  /** Latin slug (at most 8 letters), Arabic and English name of the 47 departments' places. */
  private static final String[][] PLACES = {
    {"riyadh", "الرياض", "Riyadh"}, {"makkah", "مكة المكرمة", "Makkah"},
    {"madinah", "المدينة المنورة", "Madinah"}, {"sharqia", "المنطقة الشرقية", "the Eastern Province"},
    {"qassim", "القصيم", "Qassim"}, {"asir", "عسير", "Asir"}, {"tabuk", "تبوك", "Tabuk"},
    {"hail", "حائل", "Hail"}, {"northern", "الحدود الشمالية", "the Northern Borders"},
    {"jazan", "جازان", "Jazan"}, {"najran", "نجران", "Najran"}, {"baha", "الباحة", "Al-Baha"},
    {"jouf", "الجوف", "Al-Jouf"}, {"jeddah", "جدة", "Jeddah"}, {"ahsa", "الأحساء", "Al-Ahsa"},
    {"taif", "الطائف", "Taif"}, {"qurayyat", "القريات", "Al-Qurayyat"},
    {"hafr", "حفر الباطن", "Hafr Al-Batin"}, {"kharj", "الخرج", "Al-Kharj"},
    {"majmaah", "المجمعة", "Al-Majmaah"}, {"shaqra", "شقراء", "Shaqra"},
    {"dawadmi", "الدوادمي", "Al-Dawadmi"}, {"quwayiya", "القويعية", "Al-Quwayiyah"},
    {"dawasir", "وادي الدواسر", "Wadi Al-Dawasir"}, {"aflaj", "الأفلاج", "Al-Aflaj"},
    {"zulfi", "الزلفي", "Al-Zulfi"}, {"qunfudah", "القنفذة", "Al-Qunfudhah"},
    {"laith", "الليث", "Al-Laith"}, {"bisha", "بيشة", "Bisha"},
    {"muhayil", "محايل عسير", "Muhayil Asir"}, {"sabya", "صبيا", "Sabya"},
    {"alaya", "سبت العلايا", "Sabt Al-Alaya"}, {"namas", "النماص", "Al-Namas"},
    {"rijal", "رجال ألمع", "Rijal Almaa"}, {"sarat", "سراة عبيدة", "Sarat Abidah"},
    {"mikhwah", "المخواة", "Al-Mikhwah"}, {"ula", "العلا", "Al-Ula"}, {"yanbu", "ينبع", "Yanbu"},
    {"rass", "الرس", "Al-Rass"}, {"unaizah", "عنيزة", "Unaizah"},
    {"mithnab", "المذنب", "Al-Mithnab"}, {"hawtah", "حوطة بني تميم", "Hawtat Bani Tamim"},
    {"afif", "عفيف", "Afif"}, {"ghat", "الغاط", "Al-Ghat"}, {"khafji", "الخفجي", "Al-Khafji"},
    {"jubail", "الجبيل", "Al-Jubail"}, {"qatif", "القطيف", "Al-Qatif"},
  };

  private static final String[][] DIRECTIONS = {
    {"شمال", "North"}, {"جنوب", "South"}, {"شرق", "East"}, {"غرب", "West"}, {"وسط", "Central"},
  };

  /** Handle tag, Arabic and English level of a school. */
  private static final String[][] LEVELS = {
    {"ps", "الابتدائية", "Primary"}, {"ms", "المتوسطة", "Intermediate"},
    {"ps", "الابتدائية", "Primary"}, {"hs", "الثانوية", "Secondary"},
    {"kg", "رياض الأطفال", "Kindergarten"}, {"ps", "الابتدائية", "Primary"},
    {"ms", "المتوسطة", "Intermediate"}, {"hs", "الثانوية", "Secondary"},
  };

  private static final String[][] COUNTRIES = {
    {"us", "الولايات المتحدة", "the United States"}, {"gb", "المملكة المتحدة", "the United Kingdom"},
    {"ca", "كندا", "Canada"}, {"au", "أستراليا", "Australia"}, {"nz", "نيوزيلندا", "New Zealand"},
    {"ie", "أيرلندا", "Ireland"}, {"fr", "فرنسا", "France"}, {"de", "ألمانيا", "Germany"},
    {"it", "إيطاليا", "Italy"}, {"es", "إسبانيا", "Spain"}, {"nl", "هولندا", "the Netherlands"},
    {"at", "النمسا", "Austria"}, {"pl", "بولندا", "Poland"}, {"cz", "التشيك", "Czechia"},
    {"hu", "المجر", "Hungary"}, {"ru", "روسيا", "Russia"}, {"tr", "تركيا", "Türkiye"},
    {"eg", "مصر", "Egypt"}, {"jo", "الأردن", "Jordan"}, {"ma", "المغرب", "Morocco"},
    {"tn", "تونس", "Tunisia"}, {"dz", "الجزائر", "Algeria"}, {"sd", "السودان", "Sudan"},
    {"pk", "باكستان", "Pakistan"}, {"in", "الهند", "India"}, {"my", "ماليزيا", "Malaysia"},
    {"id", "إندونيسيا", "Indonesia"}, {"cn", "الصين", "China"}, {"jp", "اليابان", "Japan"},
    {"kr", "كوريا الجنوبية", "South Korea"}, {"sg", "سنغافورة", "Singapore"},
    {"br", "البرازيل", "Brazil"}, {"za", "جنوب أفريقيا", "South Africa"}, {"ng", "نيجيريا", "Nigeria"},
  };

  /** Latin slug (at most 7 letters), Arabic and English name of the schools abroad's cities. */
  private static final String[][] CITIES_ABROAD = {
    {"london", "لندن", "London"}, {"paris", "باريس", "Paris"}, {"berlin", "برلين", "Berlin"},
    {"vienna", "فيينا", "Vienna"}, {"rome", "روما", "Rome"}, {"madrid", "مدريد", "Madrid"},
    {"moscow", "موسكو", "Moscow"}, {"ankara", "أنقرة", "Ankara"}, {"cairo", "القاهرة", "Cairo"},
    {"amman", "عمّان", "Amman"}, {"rabat", "الرباط", "Rabat"}, {"tunis", "تونس", "Tunis"},
    {"karachi", "كراتشي", "Karachi"}, {"jakarta", "جاكرتا", "Jakarta"},
  };

  /** Arabic name, English name and email local part of the people who manage accounts. */
  private static final String[][] PEOPLE = {
    {"هدى العلي", "Huda Al-Ali", "huda.alali"}, {"سارة الحربي", "Sara Al-Harbi", "sara.alharbi"},
    {"فهد العنزي", "Fahad Al-Enezi", "fahad.alenezi"}, {"نورة المطيري", "Noura Al-Mutairi", "noura.almutairi"},
    {"خالد الرشيدي", "Khaled Al-Rashidi", "khaled.alrashidi"}, {"مريم الصباح", "Mariam Al-Sabah", "mariam.alsabah"},
    {"عبدالله القحطاني", "Abdullah Al-Qahtani", "abdullah.alqahtani"},
    {"ريم الشمري", "Reem Al-Shammari", "reem.alshammari"}, {"محمد الغامدي", "Mohammed Al-Ghamdi", "mohammed.alghamdi"},
    {"لطيفة الدوسري", "Latifa Al-Dosari", "latifa.aldosari"}, {"أحمد الزهراني", "Ahmed Al-Zahrani", "ahmed.alzahrani"},
    {"منيرة العتيبي", "Munira Al-Otaibi", "munira.alotaibi"},
  };

  private static final String[][] PURPOSES = {
    {"أخبار المدرسة وتعاميمها لأولياء الأمور والطلاب", "News and circulars for parents and students"},
    {"إعلانات القبول والتسجيل ومواعيد الاختبارات", "Admission, registration and exam dates"},
    {"الأنشطة والمسابقات والإنجازات", "Activities, competitions and achievements"},
    {"التوعية والإرشاد الطلابي", "Awareness and student counselling"},
  };
}
