package org.officialaccounts.registry;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** SQL pieces shared by the registry's searches. */
public final class Visibility {

  private Visibility() {}

  /**
   * Narrows a query to the units below the given roots (null: no restriction, empty: nothing)
   * with a recursive query over the unit tree.
   */
  static void restrict(
      String unitColumn, List<String> roots, StringBuilder sql, List<String> where, Map<String, Object> params) {
    if (roots == null) {
      return;
    }
    if (roots.isEmpty()) {
      where.add("1 = 0");
      return;
    }
    sql.append(
        """
        WITH RECURSIVE visible(code) AS (
          SELECT code FROM unit WHERE code IN (:roots)
          UNION ALL
          SELECT c.code FROM unit c JOIN visible v ON c.parent_code = v.code
        )
        """);
    params.put("roots", roots);
    where.add(unitColumn + " IN (SELECT code FROM visible)");
  }

  /** A LIKE pattern matching the text anywhere, with LIKE's own characters taken literally. */
  public static String likePattern(String text) {
    return "%"
        + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        + "%";
  }
}
