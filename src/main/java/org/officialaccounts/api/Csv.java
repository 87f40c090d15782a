package org.officialaccounts.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes CSV as spreadsheet tools read it: UTF-8 with a byte order mark, CRLF, quoted cells. */
public final class Csv {

  private final Writer out;

  public Csv(Writer out) throws IOException {
    this.out = out;
    // Without the BOM, spreadsheet tools guess a legacy encoding and garble Arabic.
    out.write('\uFEFF');
  }

  /** A whole CSV file in memory, UTF-8 with its byte order mark, e.g. for an email attachment. */
  public static byte[] bytes(List<?> header, Iterable<? extends List<?>> rows) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (Writer writer = new OutputStreamWriter(buffer, StandardCharsets.UTF_8)) {
      Csv csv = new Csv(writer);
      csv.row(header);
      for (List<?> row : rows) {
        csv.row(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.toByteArray();
  }

  public void row(List<?> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(cell(cells.get(i)));
    }
    out.write("\r\n");
  }

  public void flush() throws IOException {
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
