package org.officialaccounts.operations;

/**
 * How many consolidation directives are open, for the {@code oa.directives.open} gauge. The
 * directive feature declares a bean of this type; until one exists the figures fall back to
 * {@link DirectiveTable}.
 */
@FunctionalInterface
public interface OpenDirectives {

  long count();
}
