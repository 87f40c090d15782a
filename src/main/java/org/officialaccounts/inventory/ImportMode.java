package org.officialaccounts.inventory;

/** What an import does with a file in which some rows are refused. */
public enum ImportMode {
  /** Nothing is written unless every row passes. */
  ALL,
  /** The rows that pass are written; the others are listed. */
  PARTIAL
}
