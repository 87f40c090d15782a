package org.officialaccounts.directive;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.officialaccounts.registry.UnitTree;
import org.officialaccounts.registry.UnitType;

/**
 * Which units must consolidate: every unit of the given types and the given units, each with
 * every unit under it.
 */
public record DirectiveScope(Set<UnitType> unitTypes, Set<String> unitCodes) {

  public DirectiveScope {
    unitTypes = unitTypes.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(unitTypes));
    unitCodes = Collections.unmodifiableSet(new TreeSet<>(unitCodes));
  }

  public boolean isEmpty() {
    return unitTypes.isEmpty() && unitCodes.isEmpty();
  }

  /** Whether an account of this unit is in scope. */
  public boolean covers(UnitTree tree, String unitCode) {
    return tree.isUnder(unitCode, unitCodes, unitTypes);
  }

  /** Whether this scope only removes from the wider one: its types are the wider's, its units covered by it. */
  public boolean isWithin(DirectiveScope wider, UnitTree tree) {
    return wider.unitTypes.containsAll(unitTypes) && unitCodes.stream().allMatch(code -> wider.covers(tree, code));
  }

  public String typesText() {
    return unitTypes.stream().map(Enum::name).collect(Collectors.joining(","));
  }

  public String codesText() {
    return String.join(",", unitCodes);
  }

  /** As people read it. */
  public String describe() {
    List<String> parts = new java.util.ArrayList<>();
    if (!unitTypes.isEmpty()) {
      parts.add("every " + unitTypes.stream().map(t -> t.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
          .collect(Collectors.joining(", ")));
    }
    if (!unitCodes.isEmpty()) {
      parts.add("units " + String.join(", ", unitCodes));
    }
    return String.join("; ", parts) + " (with the units under them)";
  }

  /** The stored form: comma-separated type names and codes, either possibly null. */
  public static DirectiveScope stored(String types, String codes) {
    Set<UnitType> unitTypes = EnumSet.noneOf(UnitType.class);
    split(types).forEach(t -> unitTypes.add(UnitType.valueOf(t)));
    return new DirectiveScope(unitTypes, new LinkedHashSet<>(split(codes)));
  }

  private static List<String> split(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
