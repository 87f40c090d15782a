package org.officialaccounts.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes units of the ministry's tree. */
@Repository
public class UnitRepository {

  private static final RowMapper<Unit> UNIT =
      (rs, n) ->
          new Unit(
              rs.getString("code"),
              UnitType.valueOf(rs.getString("type")),
              rs.getString("name_ar"),
              rs.getString("name_en"),
              rs.getString("parent_code"),
              rs.getString("head_email"));

  private final JdbcClient jdbc;

  public UnitRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Unit> find(String code) {
    return jdbc.sql("SELECT * FROM unit WHERE code = ?").param(code).query(UNIT).optional();
  }

  /**
   * Units matching the filter in the given order; when {@code visibleRoots} is not null only
   * those units and the units below them.
   */
  public List<Unit> search(
      UnitFilter filter, List<String> visibleRoots, Sort sort, int offset, int limit) {
    Map<String, Object> params = new HashMap<>();
    String sql = scopedQuery("SELECT u.*", filter, visibleRoots, params)
        + " ORDER BY " + sort.orderBy() + ", u.code LIMIT :limit OFFSET :offset";
    params.put("limit", limit);
    params.put("offset", offset);
    return jdbc.sql(sql).params(params).query(UNIT).list();
  }

  public long count(UnitFilter filter, List<String> visibleRoots) {
    Map<String, Object> params = new HashMap<>();
    return jdbc.sql(scopedQuery("SELECT COUNT(*)", filter, visibleRoots, params))
        .params(params)
        .query(Long.class)
        .single();
  }

  private static String scopedQuery(
      String select, UnitFilter filter, List<String> visibleRoots, Map<String, Object> params) {
    StringBuilder sql = new StringBuilder();
    List<String> where = new ArrayList<>();
    Visibility.restrict("u.code", visibleRoots, sql, where, params);
    sql.append(select).append(" FROM unit u");
    if (filter.type() != null) {
      where.add("u.type = :type");
      params.put("type", filter.type().name());
    }
    if (filter.parentCode() != null) {
      where.add("u.parent_code = :parent");
      params.put("parent", filter.parentCode());
    }
    if (filter.text() != null) {
      where.add("(LOWER(u.name_en) LIKE :text OR u.name_ar LIKE :text OR LOWER(u.code) LIKE :text)");
      params.put("text", Visibility.likePattern(filter.text()));
    }
    if (!where.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", where));
    }
    return sql.toString();
  }

  /** The unit itself and every unit below it. */
  public List<String> subtreeCodes(String rootCode) {
    return jdbc.sql(
            """
            WITH RECURSIVE tree(code) AS (
              SELECT code FROM unit WHERE code = :root
              UNION ALL
              SELECT u.code FROM unit u JOIN tree t ON u.parent_code = t.code
            )
            SELECT code FROM tree""")
        .param("root", rootCode)
        .query(String.class)
        .list();
  }

  /** The nearest unit of the given type at or above the unit, if any. */
  public Optional<String> nearestOfType(String code, UnitType type) {
    return jdbc.sql(
            """
            WITH RECURSIVE up(code, parent_code, type, depth) AS (
              SELECT code, parent_code, type, 0 FROM unit WHERE code = :code
              UNION ALL
              SELECT u.code, u.parent_code, u.type, up.depth + 1 FROM unit u JOIN up ON u.code = up.parent_code
            )
            SELECT code FROM up WHERE type = :type ORDER BY depth LIMIT 1""")
        .param("code", code)
        .param("type", type.name())
        .query(String.class)
        .optional();
  }

  /** The unit itself and every unit above it, nearest first. */
  public List<String> ancestorCodes(String code) {
    return jdbc.sql(
            """
            WITH RECURSIVE up(code, parent_code, depth) AS (
              SELECT code, parent_code, 0 FROM unit WHERE code = :code
              UNION ALL
              SELECT u.code, u.parent_code, up.depth + 1 FROM unit u JOIN up ON u.code = up.parent_code
            )
            SELECT code FROM up ORDER BY depth""")
        .param("code", code)
        .query(String.class)
        .list();
  }

  public void insert(Unit unit) {
    jdbc.sql(
            """
            INSERT INTO unit (code, type, name_ar, name_en, parent_code, head_email)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(
            unit.code(),
            unit.type().name(),
            unit.nameAr(),
            unit.nameEn(),
            unit.parentCode(),
            unit.headEmail())
        .update();
  }

  public long count() {
    return jdbc.sql("SELECT COUNT(*) FROM unit").query(Long.class).single();
  }

  /** Units the user is a member of (coordinator or other role). */
  public List<String> unitsOfMember(String userId) {
    return jdbc.sql("SELECT unit_code FROM unit_member WHERE user_id = ? ORDER BY unit_code")
        .param(userId)
        .query(String.class)
        .list();
  }

  /** The coordinators of the unit, or of the nearest unit above it that has any. */
  public List<String> nearestCoordinators(String unitCode) {
    for (String code : ancestorCodes(unitCode)) {
      List<String> users = coordinators(code);
      if (!users.isEmpty()) {
        return users;
      }
    }
    return List.of();
  }

  /** The unit's own coordinators. */
  public List<String> coordinators(String unitCode) {
    return jdbc.sql("SELECT user_id FROM unit_member WHERE unit_code = ? AND role = 'COORDINATOR' ORDER BY user_id")
        .param(unitCode)
        .query(String.class)
        .list();
  }

  /** The whole tree: every unit's parent and type. */
  public UnitTree tree() {
    Map<String, String> parents = new HashMap<>();
    Map<String, UnitType> types = new HashMap<>();
    jdbc.sql("SELECT code, parent_code, type FROM unit").query(rs -> {
      parents.put(rs.getString(1), rs.getString(2));
      types.put(rs.getString(1), UnitType.valueOf(rs.getString(3)));
    });
    return new UnitTree(parents, types);
  }

  public void addMember(String userId, String unitCode, String role) {
    jdbc.sql("INSERT INTO unit_member (user_id, unit_code, role) VALUES (?, ?, ?)")
        .params(userId, unitCode, role)
        .update();
  }
}
