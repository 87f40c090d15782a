package org.officialaccounts.inventory;

/**
 * Why one line of an inventory file is not imported, in English and Arabic.
 *
 * @param line the line's number in the file as a spreadsheet counts it (the header is line 1)
 * @param field the column at fault, or {@code row} when the line as a whole is
 */
public record Rejection(int line, String field, String reason, String reasonAr) {}
