package org.officialaccounts.publicverify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.officialaccounts.registry.Visibility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the public view of the registry; every lookup goes through an index. */
@Repository
public class PublicRegistry {

  /** Statuses in which an official account still speaks for its unit. */
  static final List<String> LIVE_OFFICIAL = List.of("ACTIVE", "UNDER_REVIEW", "CORRECTIVE_ACTION", "CLOSING");

  private static final String SELECT =
      """
      SELECT a.platform, a.canonical_url, a.handle, a.status, a.official, a.verified_at, a.approved_at,
             a.closed_at, u.code AS unit_code, u.type AS unit_type, u.name_ar, u.name_en,
             s.platform AS s_platform, s.canonical_url AS s_url, su.name_ar AS s_name_ar,
             su.name_en AS s_name_en
        FROM account a
        JOIN unit u ON u.code = a.unit_code
        LEFT JOIN account s ON s.id = a.successor_account_id
        LEFT JOIN unit su ON su.code = s.unit_code
      """;

  private final JdbcClient jdbc;

  public PublicRegistry(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The account registered under this canonical URL (unique index). */
  public Optional<PublicAccount> findByCanonicalUrl(String canonicalUrl) {
    return jdbc.sql(SELECT + " WHERE a.canonical_url = ?")
        .param(canonicalUrl)
        .query(PublicRegistry::map)
        .optional();
  }

  /** Official accounts, optionally narrowed by a text in the unit's names, code or the handle. */
  public List<PublicAccount> officialAccounts(
      String text, String platform, String unitType, int offset, int limit) {
    Map<String, Object> params = new HashMap<>();
    String sql = SELECT + where(text, platform, unitType, params)
        + " ORDER BY u.name_en, a.platform LIMIT :limit OFFSET :offset";
    params.put("limit", limit);
    params.put("offset", offset);
    return jdbc.sql(sql).params(params).query(PublicRegistry::map).list();
  }

  public long countOfficialAccounts(String text, String platform, String unitType) {
    Map<String, Object> params = new HashMap<>();
    return jdbc.sql("SELECT COUNT(*) FROM account a JOIN unit u ON u.code = a.unit_code"
            + where(text, platform, unitType, params))
        .params(params)
        .query(Long.class)
        .single();
  }

  private static String where(String text, String platform, String unitType, Map<String, Object> params) {
    List<String> where = new ArrayList<>();
    where.add("a.official = TRUE AND a.status IN (:live)");
    params.put("live", LIVE_OFFICIAL);
    if (platform != null) {
      where.add("a.platform = :platform");
      params.put("platform", platform);
    }
    if (unitType != null) {
      where.add("u.type = :unitType");
      params.put("unitType", unitType);
    }
    if (text != null) {
      where.add("(LOWER(u.name_en) LIKE :text OR u.name_ar LIKE :text OR LOWER(u.code) LIKE :text"
          + " OR a.handle LIKE :text)");
      params.put("text", Visibility.likePattern(text));
    }
    return " WHERE " + String.join(" AND ", where);
  }

  private static PublicAccount map(ResultSet rs, int row) throws SQLException {
    OffsetDateTime verified = rs.getObject("verified_at", OffsetDateTime.class);
    return new PublicAccount(
        rs.getString("platform"),
        rs.getString("canonical_url"),
        rs.getString("handle"),
        rs.getString("status"),
        rs.getBoolean("official"),
        verified != null ? verified : rs.getObject("approved_at", OffsetDateTime.class),
        rs.getObject("closed_at", OffsetDateTime.class),
        rs.getString("unit_code"),
        rs.getString("unit_type"),
        rs.getString("name_ar"),
        rs.getString("name_en"),
        rs.getString("s_platform"),
        rs.getString("s_url"),
        rs.getString("s_name_ar"),
        rs.getString("s_name_en"));
  }
}
