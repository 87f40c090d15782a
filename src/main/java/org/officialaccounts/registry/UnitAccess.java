package org.officialaccounts.registry;

import java.util.List;
import org.officialaccounts.security.Actor;
import org.springframework.stereotype.Service;

/** Decides which units a person may see and act for. */
@Service
public class UnitAccess {

  private final UnitRepository units;

  public UnitAccess(UnitRepository units) {
    this.units = units;
  }

  /** Whether the actor may act for the unit: it is one of theirs or below one of theirs. */
  public boolean mayActFor(Actor actor, String unitCode) {
    if (actor.seesAllUnits()) {
      return true;
    }
    List<String> own = units.unitsOfMember(actor.userId());
    return !own.isEmpty() && units.ancestorCodes(unitCode).stream().anyMatch(own::contains);
  }

  /** The roots of the subtrees the actor may see, or null when they see everything. */
  public List<String> visibleRoots(Actor actor) {
    return actor.seesAllUnits() ? null : units.unitsOfMember(actor.userId());
  }
}
