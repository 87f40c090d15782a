package org.officialaccounts.closure;

import java.util.List;

/** Starts closure processes; the engine adapter keeps the engine out of the callers. */
public interface ClosureStarter {

  /** Starts one closure per order in the caller's transaction; returns the process instance ids in order. */
  List<String> startClosures(List<ClosureOrder> orders);
}
