package org.officialaccounts.operations;

/**
 * How many consolidation directives are open, for the {@code oa.directives.open} gauge; the
 * directive feature provides it, so the figures need not know its tables.
 */
@FunctionalInterface
public interface OpenDirectives {

  long count();
}
