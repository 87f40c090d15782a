package org.officialaccounts.registry;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** The whole unit tree in memory, read once to place thousands of accounts without a query each. */
public final class UnitTree {

  /** Deeper than any ministry's chart; stops a corrupt parent cycle from looping forever. */
  private static final int MAX_DEPTH = 64;

  private final Map<String, String> parents;
  private final Map<String, UnitType> types;

  /** Every unit's parent (null at the top) and type, by code. */
  public UnitTree(Map<String, String> parents, Map<String, UnitType> types) {
    this.parents = parents;
    this.types = types;
  }

  public boolean contains(String code) {
    return parents.containsKey(code);
  }

  public UnitType typeOf(String code) {
    return types.get(code);
  }

  /** The unit's ancestor right below the top of the tree (the top itself for its own accounts). */
  public String reportUnit(String unitCode) {
    String code = unitCode;
    for (int depth = 0; depth < MAX_DEPTH; depth++) {
      String parent = parents.get(code);
      if (parent == null || parents.get(parent) == null) {
        return code;
      }
      code = parent;
    }
    return code;
  }

  /** Whether the unit, or a unit above it, is one of the roots or of one of the types. */
  public boolean isUnder(String unitCode, Collection<String> roots, Set<UnitType> rootTypes) {
    String code = unitCode;
    for (int depth = 0; depth < MAX_DEPTH && code != null; depth++) {
      if (roots.contains(code) || rootTypes.contains(types.get(code))) {
        return true;
      }
      code = parents.get(code);
    }
    return false;
  }
}
