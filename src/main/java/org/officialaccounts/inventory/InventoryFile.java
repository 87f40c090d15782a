package org.officialaccounts.inventory;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.officialaccounts.api.ApiProblems.InvalidFieldsException;
import org.officialaccounts.request.FieldError;

/** Reads an inventory file: UTF-8 CSV (RFC 4180) whose header row names the columns. */
final class InventoryFile {

  static final String UNIT_CODE = "unit_code";
  static final String PLATFORM = "platform";
  static final String URL = "url";
  static final String MANAGER_NAME = "manager_name";
  static final String MANAGER_EMAIL = "manager_email";
  static final List<String> COLUMNS = List.of(UNIT_CODE, PLATFORM, URL, MANAGER_NAME, MANAGER_EMAIL);

  /** The "field" of a rejection that concerns the line as a whole. */
  static final String ROW = "row";
  static final String FILE = "file";

  private static final CsvFactory CSV = new CsvFactory();

  /** One non-blank line of the file with its values by column, as written. */
  record Line(int number, Map<String, String> values) {
    String get(String column) {
      return values.get(column);
    }
  }

  /**
   * What the file holds: its rows, the lines that are not CSV, and whether it could be read to
   * its end (an unclosed quote swallows everything after it).
   */
  record Contents(List<Line> lines, List<Rejection> malformed, boolean complete) {
    int rowCount() {
      return lines.size() + malformed.size();
    }
  }

  private InventoryFile() {}

  /**
   * Reads the file.
   *
   * @throws InvalidFieldsException when it is not UTF-8, has no header or no rows, or its
   *     header names a column missing, unknown or twice
   * @throws RefusedException (413) when it has more than {@code maxRows} rows
   */
  static Contents read(byte[] bytes, int maxRows, int maxLineLength) {
    String text = decode(bytes);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    Reading reading = new Reading(text, maxRows, maxLineLength);
    try (CsvParser parser = (CsvParser) CSV.createParser(new StringReader(text))) {
      reading.run(parser);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (reading.header == null) {
      throw fileProblem(
          "The file is empty: its first line must name the columns " + String.join(", ", COLUMNS),
          "الملف فارغ: يجب أن يذكر سطره الأول الأعمدة " + String.join(", ", COLUMNS));
    }
    Contents contents = new Contents(List.copyOf(reading.lines), List.copyOf(reading.malformed), reading.complete);
    if (contents.rowCount() == 0) {
      throw fileProblem("The file has a header but no rows", "الملف فيه سطر العناوين ولا صفوف فيه");
    }
    return contents;
  }

  /** The text of the file; anything but UTF-8 is refused rather than guessed at. */
  private static String decode(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int line = 1;
      for (int i = 0; i < in.position(); i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      // Spreadsheet tools save Arabic in a legacy code page unless told otherwise.
      throw fileProblem(
          "The file is not UTF-8 text (line " + line + "); save it as \"CSV UTF-8\"",
          "الملف ليس نصًا بترميز UTF-8 (السطر " + line + ")؛ احفظه بصيغة \"CSV UTF-8\"");
    }
    return out.flip().toString();
  }

  private static InvalidFieldsException fileProblem(String en, String ar) {
    return new InvalidFieldsException(List.of(new FieldError(FILE, en, ar)));
  }

  /** One pass over the records, keeping the physical line each one starts on. */
  private static final class Reading {
    private final String text;
    private final int maxRows;
    private final int maxLineLength;
    private final List<Line> lines = new ArrayList<>();
    private final List<Rejection> malformed = new ArrayList<>();
    private List<String> header;
    private boolean complete = true;

    Reading(String text, int maxRows, int maxLineLength) {
      this.text = text;
      this.maxRows = maxRows;
      this.maxLineLength = maxLineLength;
    }

    void run(CsvParser parser) throws IOException {
      int line = 1;
      long start = 0;
      long lastFailure = -2;
      List<String> cells = new ArrayList<>();
      boolean broken = false;
      while (true) {
        JsonToken token;
        try {
          token = parser.nextToken();
        } catch (JsonProcessingException e) {
          long at = e.getLocation() == null ? -1 : e.getLocation().getCharOffset();
          if (quoteOpenToEnd(start) || at == lastFailure) {
            unreadable(line);
            return;
          }
          // The parser goes on after the offending character; the record is still dropped whole.
          lastFailure = at;
          broken = true;
          continue;
        }
        if (token == null) {
          return;
        }
        if (token == JsonToken.START_ARRAY) {
          cells = new ArrayList<>();
          broken = false;
        } else if (token == JsonToken.VALUE_STRING) {
          cells.add(parser.getText());
        } else if (token == JsonToken.END_ARRAY) {
          JsonLocation end = parser.currentLocation();
          record(line, cells, broken, end.getCharOffset() - start);
          line = end.getLineNr();
          start = end.getCharOffset();
        }
      }
    }

    /**
     * Whether a quote opened after {@code from} is never closed: the rest of the file is one
     * value. Counted once for the file and then forward only, so a file of broken lines costs one
     * pass, not one pass per line.
     */
    private boolean quoteOpenToEnd(long from) {
      if (quotesInFile < 0) {
        quotesInFile = (int) text.chars().filter(c -> c == '"').count();
      }
      int target = (int) Math.max(0, Math.min(from, text.length()));
      if (target < quoteCursor) {
        quoteCursor = 0;
        quotesBeforeCursor = 0;
      }
      for (; quoteCursor < target; quoteCursor++) {
        if (text.charAt(quoteCursor) == '"') {
          quotesBeforeCursor++;
        }
      }
      return (quotesInFile - quotesBeforeCursor) % 2 == 1;
    }

    private int quotesInFile = -1;
    private int quoteCursor;
    private int quotesBeforeCursor;

    private void unreadable(int line) {
      complete = false;
      if (header == null) {
        throw fileProblem(
            "The header (line " + line + ") opens a quote that is never closed",
            "سطر العناوين (السطر " + line + ") يفتح علامة اقتباس لا تُغلق");
      }
      malformed.add(new Rejection(line, ROW,
          "A quote opened on this line is never closed, so the rest of the file cannot be read",
          "علامة اقتباس فُتحت في هذا السطر ولم تُغلق، فتعذرت قراءة بقية الملف"));
    }

    private void record(int line, List<String> cells, boolean broken, long length) {
      if (!broken && cells.stream().allMatch(String::isBlank)) {
        return;
      }
      if (header == null) {
        header = header(line, cells, broken);
        return;
      }
      if (lines.size() + malformed.size() >= maxRows) {
        throw RefusedException.tooLarge(
            "The file has more than " + maxRows + " rows; split it into files of at most " + maxRows,
            "في الملف أكثر من " + maxRows + " صف؛ قسّمه إلى ملفات لا يزيد كل منها على " + maxRows);
      }
      if (broken) {
        malformed.add(new Rejection(line, ROW,
            "Not valid CSV: a quoted value must be followed by a comma or the end of the line",
            "ليس بصيغة CSV صحيحة: يجب أن تلي القيمةَ المقتبسة فاصلةٌ أو نهايةُ السطر"));
      } else if (length > maxLineLength) {
        malformed.add(new Rejection(line, ROW,
            "The line is longer than " + maxLineLength + " characters",
            "السطر أطول من " + maxLineLength + " حرف"));
      } else if (cells.size() != header.size()) {
        malformed.add(new Rejection(line, ROW,
            "The line has " + cells.size() + " values; the header names " + header.size() + " columns",
            "في السطر " + cells.size() + " قيم، وسطر العناوين يذكر " + header.size() + " أعمدة"));
      } else {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
          values.put(header.get(i), cells.get(i));
        }
        lines.add(new Line(line, values));
      }
    }

    private static List<String> header(int line, List<String> cells, boolean broken) {
      if (broken) {
        throw fileProblem("The header (line " + line + ") is not valid CSV",
            "سطر العناوين (السطر " + line + ") ليس بصيغة CSV صحيحة");
      }
      List<FieldError> errors = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (int i = 0; i < cells.size(); i++) {
        String name = cells.get(i).strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        if (name.isEmpty()) {
          errors.add(new FieldError(FILE, "Column " + (i + 1) + " of the header has no name",
              "العمود " + (i + 1) + " في سطر العناوين بلا اسم"));
        } else if (names.contains(name)) {
          errors.add(new FieldError(name, "This column appears twice in the header",
              "هذا العمود مذكور مرتين في سطر العناوين"));
        } else if (!COLUMNS.contains(name)) {
          boolean otherSeparator = name.contains(";") || name.contains("\t");
          errors.add(new FieldError(abbreviate(name),
              otherSeparator
                  ? "Unknown column; separate the columns with commas (,)"
                  : "Unknown column; the columns are " + String.join(", ", COLUMNS),
              otherSeparator
                  ? "عمود غير معروف؛ افصل بين الأعمدة بفواصل (,)"
                  : "عمود غير معروف؛ الأعمدة هي " + String.join(", ", COLUMNS)));
        }
        names.add(name);
      }
      for (String column : COLUMNS) {
        if (!names.contains(column)) {
          errors.add(new FieldError(column, "Missing column in the header (line " + line + ")",
              "عمود ناقص في سطر العناوين (السطر " + line + ")"));
        }
      }
      if (!errors.isEmpty()) {
        throw new InvalidFieldsException(errors);
      }
      return List.copyOf(names);
    }

    private static String abbreviate(String name) {
      return name.length() <= 60 ? name : name.substring(0, 57) + "...";
    }
  }
}
