package org.officialaccounts.closure;

import java.util.List;

/** Starts account closures from Java; the engine's side is a Spring bean. */
public interface ClosureStarter {

  /** Starts one closure per order in the caller's transaction; returns the process instance ids in order. */
  List<String> startClosures(List<ClosureOrder> orders);
}
