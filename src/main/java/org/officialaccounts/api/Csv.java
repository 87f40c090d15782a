package org.officialaccounts.api;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes CSV as spreadsheet tools read it: UTF-8 with a byte order mark, CRLF, quoted cells. */
final class Csv {

  private final Writer out;

  Csv(Writer out) throws IOException {
    this.out = out;
    // Without the BOM, spreadsheet tools guess a legacy encoding and garble Arabic.
    out.write('\uFEFF');
  }

  void row(List<?> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(cell(cells.get(i)));
    }
    out.write("\r\n");
  }

  void flush() throws IOException {
    out.flush();
  }

  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    // A leading =, +, - or @ would be run as a formula by spreadsheet tools.
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }
}
