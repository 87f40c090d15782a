package org.officialaccounts.closure;

/** Why an account is closed. */
public enum ClosureReason { REQUEST, REVIEW, DIRECTIVE }
