package org.officialaccounts.inventory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The ministry's unit tree held in memory for one import, so that each row's unit is looked up
 * without a query: whether it exists and whether the importer may act for it.
 */
final class UnitTree {

  private final Map<String, String> parents;
  private final Map<String, String> byUpperCase = new HashMap<>();
  private final Set<String> roots;

  /**
   * @param parents every unit's code with its parent's code (null for the top)
   * @param roots the units whose subtrees the importer may act for, or null for every unit
   */
  UnitTree(Map<String, String> parents, List<String> roots) {
    this.parents = parents;
    this.roots = roots == null ? null : new HashSet<>(roots);
    Set<String> ambiguous = new HashSet<>();
    for (String code : parents.keySet()) {
      String key = code.toUpperCase(Locale.ROOT);
      if (byUpperCase.putIfAbsent(key, code) != null) {
        ambiguous.add(key);
      }
    }
    ambiguous.forEach(byUpperCase::remove);
  }

  /** The unit's code as the registry spells it, or null when no unit has it (case aside). */
  String resolve(String code) {
    if (parents.containsKey(code)) {
      return code;
    }
    return byUpperCase.get(code.toUpperCase(Locale.ROOT));
  }

  /** Whether the importer may act for the (existing) unit: it is one of theirs or below one. */
  boolean mayActFor(String code) {
    if (roots == null) {
      return true;
    }
    // A cycle cannot occur in the tree, but a bound costs nothing and rules out a hang.
    String current = code;
    for (int depth = 0; current != null && depth < 100; depth++) {
      if (roots.contains(current)) {
        return true;
      }
      current = parents.get(current);
    }
    return false;
  }
}
