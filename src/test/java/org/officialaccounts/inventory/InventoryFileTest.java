package org.officialaccounts.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.officialaccounts.api.ApiProblems.InvalidFieldsException;
import org.officialaccounts.inventory.InventoryFile.Contents;
import org.officialaccounts.inventory.InventoryFile.Line;

/** How an inventory file is read: encoding, header, quoting, line numbers, malformed lines, limits. */
class InventoryFileTest {

  static final String HEADER = "unit_code,platform,url,manager_name,manager_email";

  private static Contents read(String text) {
    return InventoryFile.read(text.getBytes(StandardCharsets.UTF_8), 100, 2000);
  }

  @Test
  void readsUtf8WithBomAndCrlfCountingLinesAsASpreadsheetDoes() {
    Contents contents = read("\uFEFF" + HEADER + "\r\n"
        + "T-SCH-1,X,@school_one,هدى العلي,huda@moe.example\r\n"
        + "\r\n"
        + "T-SCH-1,INSTAGRAM,school_one,سارة,sara@moe.example\r\n");

    assertThat(contents.complete()).isTrue();
    assertThat(contents.malformed()).isEmpty();
    assertThat(contents.lines()).extracting(Line::number).containsExactly(2, 4);
    assertThat(contents.lines().get(0).values())
        .containsEntry("unit_code", "T-SCH-1").containsEntry("manager_name", "هدى العلي");
  }

  @Test
  void takesTheColumnsInAnyOrderAndCase() {
    Contents contents = read("Manager_Email, URL ,PLATFORM,Unit Code,manager-name\n"
        + "huda@moe.example,@school_one,X,T-SCH-1,Huda\n");

    assertThat(contents.lines().get(0).values())
        .containsEntry("unit_code", "T-SCH-1").containsEntry("url", "@school_one")
        .containsEntry("manager_email", "huda@moe.example").containsEntry("manager_name", "Huda");
  }

  @Test
  void quotedValuesKeepCommasQuotesAndLineBreaksAndLaterLinesKeepTheirNumbers() {
    Contents contents = read(HEADER + "\n"
        + "T-SCH-1,X,@one,\"Al-Ali, \"\"Huda\"\"\",huda@moe.example\n"
        + "T-SCH-1,X,@two,\"Sara\nAl-Ali\",sara@moe.example\n"
        + "T-SCH-1,X,@three,Mona,mona@moe.example\n");

    assertThat(contents.lines()).extracting(Line::number).containsExactly(2, 3, 5);
    assertThat(contents.lines().get(0).get("manager_name")).isEqualTo("Al-Ali, \"Huda\"");
    assertThat(contents.lines().get(1).get("manager_name")).isEqualTo("Sara\nAl-Ali");
  }

  @Test
  void ignoresBlankLinesAndLinesOfEmptyCells() {
    Contents contents = read("\n\n" + HEADER + "\n,,,,\n   \nT-SCH-1,X,@one,Huda,huda@moe.example\n\n");

    assertThat(contents.lines()).extracting(Line::number).containsExactly(6);
    assertThat(contents.rowCount()).isEqualTo(1);
  }

  @Test
  void rejectsLinesWithTooFewOrTooManyValuesAndReadsOn() {
    Contents contents = read(HEADER + "\n"
        + "T-SCH-1,X,@one,Huda\n"
        + "T-SCH-1,X,@two,Huda,huda@moe.example,extra\n"
        + "T-SCH-1,X,@three,Mona,mona@moe.example\n");

    assertThat(contents.malformed()).extracting(Rejection::line, Rejection::field)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "row"), org.assertj.core.groups.Tuple.tuple(3, "row"));
    assertThat(contents.malformed().get(0).reason()).isEqualTo("The line has 4 values; the header names 5 columns");
    assertThat(contents.malformed().get(1).reasonAr()).contains("6");
    assertThat(contents.lines()).extracting(Line::number).containsExactly(4);
    assertThat(contents.rowCount()).isEqualTo(3);
  }

  @Test
  void rejectsTextAfterAClosingQuoteAndReadsOn() {
    Contents contents = read(HEADER + "\n"
        + "T-SCH-1,X,\"@one\"x,Huda,huda@moe.example\n"
        + "T-SCH-1,X,@two,Mona,mona@moe.example\n");

    assertThat(contents.malformed()).singleElement()
        .satisfies(r -> assertThat(r.line()).isEqualTo(2))
        .satisfies(r -> assertThat(r.reason()).startsWith("Not valid CSV"));
    assertThat(contents.lines()).extracting(Line::number).containsExactly(3);
    assertThat(contents.complete()).isTrue();
  }

  @Test
  void anUnclosedQuoteIsRejectedOnTheLineItOpensAndStopsTheReading() {
    Contents contents = read(HEADER + "\n"
        + "T-SCH-1,X,@one,Huda,huda@moe.example\n"
        + "T-SCH-1,X,@two,\"Mona,mona@moe.example\n"
        + "T-SCH-1,X,@three,Sara,sara@moe.example\n");

    assertThat(contents.complete()).isFalse();
    assertThat(contents.lines()).extracting(Line::number).containsExactly(2);
    assertThat(contents.malformed()).singleElement()
        .satisfies(r -> assertThat(r.line()).isEqualTo(3))
        .satisfies(r -> assertThat(r.reason()).contains("never closed"));
  }

  @Test
  void rejectsAnOverlongLine() {
    Contents contents = InventoryFile.read((HEADER + "\nT-SCH-1,X,@one,Huda,huda@moe.example\n"
        + "T-SCH-1,X,@two," + "م".repeat(300) + ",mona@moe.example\n").getBytes(StandardCharsets.UTF_8), 100, 250);

    assertThat(contents.lines()).extracting(Line::number).containsExactly(2);
    assertThat(contents.malformed()).singleElement()
        .satisfies(r -> assertThat(r.line()).isEqualTo(3))
        .satisfies(r -> assertThat(r.reason()).isEqualTo("The line is longer than 250 characters"));
  }

  @Test
  void refusesMoreRowsThanTheLimit() {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (int i = 0; i < 4; i++) {
      text.append("T-SCH-1,X,@row").append(i).append(",Huda,huda@moe.example\n");
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);

    assertThat(InventoryFile.read(bytes, 4, 2000).rowCount()).isEqualTo(4);
    assertThatThrownBy(() -> InventoryFile.read(bytes, 3, 2000))
        .isInstanceOf(RefusedException.class).hasMessageContaining("more than 3 rows");
  }

  @Test
  void namesEveryMissingUnknownAndRepeatedColumn() {
    assertThatThrownBy(() -> read("unit_code,platform,url,url,owner\nT-SCH-1,X,@a,@a,x\n"))
        .isInstanceOf(InvalidFieldsException.class)
        .hasMessageContaining("url: This column appears twice")
        .hasMessageContaining("owner: Unknown column; the columns are unit_code, platform, url, manager_name, manager_email")
        .hasMessageContaining("manager_name: Missing column")
        .hasMessageContaining("manager_email: Missing column");
  }

  @Test
  void tellsThatColumnsAreSeparatedByCommas() {
    assertThatThrownBy(() -> read("unit_code;platform;url;manager_name;manager_email\nT-SCH-1;X;@a;Huda;h@moe.example\n"))
        .isInstanceOf(InvalidFieldsException.class)
        .hasMessageContaining("separate the columns with commas");
  }

  @Test
  void refusesAFileThatIsNotUtf8NamingTheLine() {
    byte[] legacy = (HEADER + "\nT-SCH-1,X,@one,هدى,huda@moe.example\n").getBytes(Charset.forName("windows-1256"));

    assertThatThrownBy(() -> InventoryFile.read(legacy, 100, 2000))
        .isInstanceOf(InvalidFieldsException.class)
        .hasMessageContaining("file: The file is not UTF-8 text (line 2)");
  }

  @Test
  void refusesAnEmptyFileAndAHeaderWithoutRows() {
    assertThatThrownBy(() -> read("\uFEFF\r\n\r\n")).isInstanceOf(InvalidFieldsException.class)
        .hasMessageContaining("The file is empty");
    assertThatThrownBy(() -> read(HEADER + "\r\n\r\n")).isInstanceOf(InvalidFieldsException.class)
        .hasMessageContaining("no rows");
  }
}
