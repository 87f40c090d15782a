package org.officialaccounts.directive;

import java.time.LocalDate;
import java.util.List;

/** What "Review compliance" decided, checked: extend, escalate named units, or accept. */
public record ComplianceDecision(String decision, LocalDate newDeadline, List<String> escalateUnits, String notes) {}
