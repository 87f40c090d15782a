package org.officialaccounts.inventory;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * What an import did, or on a dry run would do, with every rejected line.
 *
 * @param importId names the import in the history of every account it recorded
 * @param mode {@code all} (nothing is written unless every row passes) or {@code partial}
 * @param rows the file's rows, blank lines aside
 * @param valid the rows that pass every check
 * @param imported the accounts recorded as {@code UNREGISTERED} (none on a dry run or when refused)
 * @param rejected the rows refused
 * @param errors why each refused row is refused, by line; a row may have several
 * @param complete whether the file was read to its end (an unclosed quote stops the reading)
 * @param refused whether nothing is imported because of the rejections
 */
public record ImportOutcome(
    String importId,
    String mode,
    boolean dryRun,
    int rows,
    int valid,
    int imported,
    int rejected,
    List<Rejection> errors,
    boolean complete,
    @JsonIgnore boolean refused) {}
