package org.officialaccounts.inventory;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.officialaccounts.registry.AccountRepository;
import org.officialaccounts.registry.AccountStatus;
import org.officialaccounts.registry.AccountUrlCanonicalizer;
import org.officialaccounts.registry.Platform;
import org.officialaccounts.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The inventory import on PostgreSQL through HTTP, as a client uploads a file. */
class InventoryImportIT extends IntegrationTest {

  static final String HEADER = "unit_code,platform,url,manager_name,manager_email";

  @Autowired AccountRepository accounts;

  @Test
  void importsArabicNamesFromABomCrlfFileAsUnregisteredAccountsWithTheirHistory() {
    String csv = "\uFEFF" + "Unit_Code,Platform,URL,Manager_Name,Manager_Email\r\n"
        + SCHOOL + ",X,https://twitter.com/Khalil_School?lang=ar,هدى العلي,Huda@MOE.example\r\n"
        + "\r\n"
        + SCHOOL + ",instagram,\"https://www.instagram.com/khalil.school/\",\"العلي، سارة\",sara@moe.example\r\n"
        + OTHER_SCHOOL + ",YOUTUBE,@other-school,محمد الكندري,mohammad@moe.example\r\n";

    ResponseEntity<Map> answer = importCsv("reviewer", "", csv);

    assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(200);
    Map<String, Object> body = answer.getBody();
    assertThat(body).containsEntry("mode", "all").containsEntry("dryRun", false).containsEntry("rows", 3)
        .containsEntry("valid", 3).containsEntry("imported", 3).containsEntry("rejected", 0)
        .containsEntry("complete", true);
    assertThat((List<?>) body.get("errors")).isEmpty();
    String importId = (String) body.get("importId");
    assertThat(importId).matches("IMP-\\d{8}-\\d{6}-[0-9A-F]{6}");

    List<Map<String, Object>> rows = jdbc.sql(
            "SELECT id, unit_code, platform, canonical_url, status, official, manager_name, manager_email"
                + " FROM account ORDER BY id")
        .query().listOfRows();
    assertThat(rows).extracting(r -> r.get("canonical_url"), r -> r.get("manager_name"), r -> r.get("manager_email"))
        .containsExactly(
            tuple("https://x.com/khalil_school", "هدى العلي", "huda@moe.example"),
            tuple("https://www.instagram.com/khalil.school", "العلي، سارة", "sara@moe.example"),
            tuple("https://www.youtube.com/@other-school", "محمد الكندري", "mohammad@moe.example"));
    assertThat(rows).allSatisfy(r -> assertThat(r).containsEntry("status", "UNREGISTERED").containsEntry("official", false));

    long first = ((Number) rows.get(0).get("id")).longValue();
    List<Map<String, Object>> history = get("reviewer", "/api/accounts/" + first + "/history", List.class).getBody();
    assertThat(history).singleElement().satisfies(h -> assertThat(h)
        .containsEntry("toStatus", "UNREGISTERED").containsEntry("changedBy", "reviewer")
        .containsEntry("reason", "Found unregistered; inventory import " + importId + ", line 2"));
    assertThat(jdbc.sql("SELECT reason FROM account_history ORDER BY account_id").query(String.class).list())
        .containsExactly(
            "Found unregistered; inventory import " + importId + ", line 2",
            "Found unregistered; inventory import " + importId + ", line 4",
            "Found unregistered; inventory import " + importId + ", line 5");

    // The same file again: every row is in the registry now, and nothing is written twice.
    ResponseEntity<Map> again = importCsv("reviewer", "", csv);
    assertThat(again.getStatusCode().value()).isEqualTo(422);
    assertThat(errors(again)).extracting(e -> e.get("line"), e -> e.get("field"))
        .containsExactly(tuple(2, "url"), tuple(4, "url"), tuple(5, "url"));
    assertThat((String) errors(again).get(0).get("reason")).isEqualTo(
        "Already in the registry: account " + first + " (UNREGISTERED), https://x.com/khalil_school");
    assertThat(count("account")).isEqualTo(3);
  }

  @Test
  void aCoordinatorUploadsAFileForTheirOwnSchool() {
    ResponseEntity<Map> answer = upload("requester", "",
        HEADER + "\n" + SCHOOL + ",SNAPCHAT,https://www.snapchat.com/add/khalil.snaps,نورة المطيري,noura@moe.example\n");

    assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(200);
    assertThat(answer.getBody()).containsEntry("imported", 1);
    assertThat(jdbc.sql("SELECT changed_by FROM account_history").query(String.class).single()).isEqualTo("requester");
  }

  @Test
  void oneBadRowRefusesTheWholeFileAndNothingIsWritten() {
    String csv = HEADER + "\n"
        + SCHOOL + ",X,@good_one,Huda,huda@moe.example\n"
        + SCHOOL + ",X,@good_two,Sara,sara@moe.example\n"
        + SCHOOL + ",X,@good_three,Mona,mona-at-moe.example\n";

    ResponseEntity<Map> answer = importCsv("reviewer", "", csv);

    assertThat(answer.getStatusCode().value()).isEqualTo(422);
    assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(answer.getBody()).containsEntry("title", "Rows rejected").containsEntry("rows", 3)
        .containsEntry("valid", 2).containsEntry("imported", 0).containsEntry("rejected", 1);
    assertThat((String) answer.getBody().get("detail")).contains("nothing was imported");
    assertThat(errors(answer)).singleElement().satisfies(e -> assertThat(e)
        .containsEntry("line", 4).containsEntry("field", "manager_email")
        .containsEntry("reason", "'mona-at-moe.example' is not a valid email address")
        .containsEntry("reasonAr", "'mona-at-moe.example' ليس عنوان بريد إلكتروني صحيحًا"));
    assertThat(count("account")).isZero();
    assertThat(count("account_history")).isZero();
  }

  @Test
  void listsEveryRejectedRowWithItsLineFieldAndReason() {
    long registered = accounts.insert(OTHER_SCHOOL, new AccountUrlCanonicalizer().canonicalize(Platform.X, "@taken"),
        null, AccountStatus.ACTIVE, true, "Fahad", "fahad@moe.example", OffsetDateTime.now());
    String csv = HEADER + "\n"
        + SCHOOL + ",X,@fine_school,Huda,huda@moe.example\n"                       // 2 fine
        + SCHOOL + ",X,https://twitter.com/FINE_SCHOOL,Sara,sara@moe.example\n"    // 3 same as 2
        + SCHOOL + ",X,https://x.com/taken?lang=ar,Sara,sara@moe.example\n"        // 4 registered
        + SCHOOL + ",X,@sсhool,Sara,sara@moe.example\n"                            // 5 Cyrillic es
        + SCHOOL + ",INSTAGRAM,school.ο,Sara,sara@moe.example\n"                   // 6 Greek omicron
        + SCHOOL + ",X,@schoolك,Sara,sara@moe.example\n"                           // 7 Arabic kaf
        + SCHOOL + ",X,@short,Sara\n"                                              // 8 four values
        + SCHOOL + ",X,@long_name," + "ن".repeat(201) + ",sara@moe.example\n"     // 9 name too long
        + "T-NOWHERE,TIKTOK,@x,,\n"                                                // 10 four problems
        + SCHOOL + ",X,\"@quoted\"x,Sara,sara@moe.example\n"                       // 11 text after quote
        + SCHOOL + ",X,https://x.com/explore,Sara,sara@moe.example\n";             // 12 not an account

    ResponseEntity<Map> answer = importCsv("reviewer", "", csv);

    assertThat(answer.getStatusCode().value()).isEqualTo(422);
    assertThat(answer.getBody()).containsEntry("rows", 11).containsEntry("valid", 1).containsEntry("rejected", 10);
    assertThat(errors(answer)).extracting(e -> e.get("line"), e -> e.get("field")).containsExactly(
        tuple(3, "url"), tuple(4, "url"), tuple(5, "url"), tuple(6, "url"), tuple(7, "url"), tuple(8, "row"),
        tuple(9, "manager_name"), tuple(10, "unit_code"), tuple(10, "platform"), tuple(10, "manager_name"),
        tuple(10, "manager_email"), tuple(11, "row"), tuple(12, "url"));
    assertThat(reasonOf(answer, 3)).isEqualTo("The same account as line 2 (https://x.com/fine_school)");
    assertThat(reasonOf(answer, 4)).isEqualTo(
        "Already in the registry: account " + registered + " (ACTIVE), https://x.com/taken");
    assertThat(reasonOf(answer, 5)).contains("U+0441 CYRILLIC SMALL LETTER ES");
    assertThat(reasonOf(answer, 6)).contains("U+03BF GREEK SMALL LETTER OMICRON");
    assertThat(reasonOf(answer, 7)).contains("U+0643 ARABIC LETTER KAF");
    assertThat(reasonOf(answer, 8)).isEqualTo("The line has 4 values; the header names 5 columns");
    assertThat(reasonOf(answer, 9)).isEqualTo("At most 200 characters (this value has 201)");
    assertThat(errors(answer)).allSatisfy(e -> assertThat((String) e.get("reasonAr")).isNotBlank());
    assertThat(count("account")).isEqualTo(1);
  }

  @Test
  void partialModeImportsTheValidRowsAndListsTheOthers() {
    String csv = HEADER + "\n"
        + SCHOOL + ",X,@partial_one,Huda,huda@moe.example\n"
        + SCHOOL + ",X,@partial_one,Huda,huda@moe.example\n"
        + SCHOOL + ",FACEBOOK,https://www.facebook.com/partial.school,سارة,sara@moe.example\n"
        + SCHOOL + ",FACEBOOK,https://www.facebook.com/groups/parents,سارة,sara@moe.example\n";

    ResponseEntity<Map> answer = importCsv("reviewer", "?mode=partial", csv);

    assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(200);
    assertThat(answer.getBody()).containsEntry("mode", "partial").containsEntry("rows", 4)
        .containsEntry("valid", 2).containsEntry("imported", 2).containsEntry("rejected", 2);
    assertThat(errors(answer)).extracting(e -> e.get("line")).containsExactly(3, 5);
    assertThat(jdbc.sql("SELECT canonical_url FROM account ORDER BY id").query(String.class).list())
        .containsExactly("https://x.com/partial_one", "https://www.facebook.com/partialschool");
    assertThat(count("account_history")).isEqualTo(2);
  }

  @Test
  void aDryRunChecksAndWritesNothing() {
    String good = HEADER + "\n" + SCHOOL + ",X,@dry_one,Huda,huda@moe.example\n" + SCHOOL + ",X,@dry_two,Sara,sara@moe.example\n";

    ResponseEntity<Map> checked = importCsv("reviewer", "?dryRun=true", good);
    assertThat(checked.getStatusCode().value()).isEqualTo(200);
    assertThat(checked.getBody()).containsEntry("dryRun", true).containsEntry("valid", 2).containsEntry("imported", 0);

    ResponseEntity<Map> bad = importCsv("reviewer", "?dryRun=true", good + SCHOOL + ",X,@dry_one,Huda,huda@moe.example\n");
    assertThat(bad.getStatusCode().value()).isEqualTo(422);
    assertThat((String) bad.getBody().get("detail")).contains("the import would write nothing");
    assertThat(errors(bad)).extracting(e -> e.get("line")).containsExactly(4);

    assertThat(count("account")).isZero();
    assertThat(count("account_history")).isZero();
  }

  @Test
  void anUnclosedQuoteRefusesTheFileEvenInPartialMode() {
    String csv = HEADER + "\n"
        + SCHOOL + ",X,@before_quote,Huda,huda@moe.example\n"
        + SCHOOL + ",X,@quote,\"Sara,sara@moe.example\n"
        + SCHOOL + ",X,@after_quote,Mona,mona@moe.example\n";

    ResponseEntity<Map> answer = importCsv("reviewer", "?mode=partial", csv);

    assertThat(answer.getStatusCode().value()).isEqualTo(422);
    assertThat(answer.getBody()).containsEntry("complete", false).containsEntry("imported", 0);
    assertThat(errors(answer)).singleElement().satisfies(e -> assertThat(e).containsEntry("line", 3).containsEntry("field", "row"));
    assertThat(count("account")).isZero();
  }

  @Test
  void onlyImportersMayImportAndCoordinatorsOnlyForTheirPartOfTheMinistry() {
    String own = HEADER + "\n" + SCHOOL + ",X,@scope_one,Huda,huda@moe.example\n";
    String mixed = own + OTHER_SCHOOL + ",X,@scope_two,Sara,sara@moe.example\n" + OFFICE + ",X,@scope_three,Mona,mona@moe.example\n";

    assertThat(importCsv(null, "", own).getStatusCode().value()).isEqualTo(401);
    assertThat(importCsv("manager", "", own).getStatusCode().value()).isEqualTo(403);
    assertThat(importCsv("undersecretary", "", own).getStatusCode().value()).isEqualTo(403);
    ResponseEntity<Map> foreign = importCsv("requester", "?mode=partial", mixed);
    assertThat(foreign.getStatusCode().value()).isEqualTo(403);
    assertThat((String) foreign.getBody().get("detail"))
        .isEqualTo("Lines 3, 4 are for units outside your part of the ministry (T-OFF-1, T-SCH-9); nothing was imported");
    assertThat(count("account")).isZero();

    assertThat(importCsv("reviewer", "", mixed).getStatusCode().value()).isEqualTo(200);
    assertThat(count("account")).isEqualTo(3);
  }

  @Test
  void refusesBadHeadersParametersAndEncodingsNamingTheProblem() {
    ResponseEntity<Map> header = importCsv("reviewer", "", "unit_code,platform,link,manager_name\n" + SCHOOL + ",X,@a,Huda\n");
    assertThat(header.getStatusCode().value()).isEqualTo(400);
    assertThat(errors(header)).extracting(e -> e.get("field")).containsExactly("link", "url", "manager_email");

    assertThat(errors(importCsv("reviewer", "?mode=some", HEADER + "\n")).get(0)).containsEntry("field", "mode");
    assertThat(errors(importCsv("reviewer", "?dryRun=maybe", HEADER + "\n")).get(0)).containsEntry("field", "dryRun");
    assertThat(errors(importCsv("reviewer", "", HEADER + "\n")).get(0)).containsEntry("field", "file");

    HttpHeaders legacy = headers("reviewer", MediaType.parseMediaType("text/csv; charset=windows-1256"));
    ResponseEntity<Map> charset = rest.exchange("/api/accounts/import", HttpMethod.POST,
        new HttpEntity<>((HEADER + "\n").getBytes(UTF_8), legacy), Map.class);
    assertThat(charset.getStatusCode().value()).isEqualTo(400);
    assertThat(errors(charset).get(0)).containsEntry("field", "Content-Type");

    byte[] cp1256 = (HEADER + "\n" + SCHOOL + ",X,@a,هدى,h@moe.example\n").getBytes(java.nio.charset.Charset.forName("windows-1256"));
    ResponseEntity<Map> notUtf8 = rest.exchange("/api/accounts/import", HttpMethod.POST,
        new HttpEntity<>(cp1256, headers("reviewer", MediaType.parseMediaType("text/csv"))), Map.class);
    assertThat(notUtf8.getStatusCode().value()).isEqualTo(400);
    assertThat((String) errors(notUtf8).get(0).get("reason")).startsWith("The file is not UTF-8 text (line 2)");

    MultiValueMap<String, Object> noFile = new LinkedMultiValueMap<>();
    noFile.add("mode", "partial");
    ResponseEntity<Map> missing = rest.exchange("/api/accounts/import", HttpMethod.POST,
        new HttpEntity<>(noFile, headers("reviewer", MediaType.MULTIPART_FORM_DATA)), Map.class);
    assertThat(missing.getStatusCode().value()).isEqualTo(400);
    assertThat(errors(missing).get(0)).containsEntry("field", "file");
  }

  @Test
  void refusesFilesOverTheRowAndSizeLimits() throws Exception {
    StringBuilder rows = new StringBuilder(HEADER).append("\r\n");
    for (int i = 0; i <= 20_000; i++) {
      rows.append(SCHOOL).append(",X,@limit_").append(i).append(",Huda,huda@moe.example\r\n");
    }
    ResponseEntity<Map> tooManyRows = importCsv("reviewer", "", rows.toString());
    assertThat(tooManyRows.getStatusCode().value()).isEqualTo(413);
    assertThat((String) tooManyRows.getBody().get("detail")).contains("more than 20000 rows");
    assertThat(errors(tooManyRows).get(0)).containsKey("reasonAr");

    // Just over 5 MB, sent whole by a client that does not wait for "100 Continue".
    byte[] over = new byte[5 * 1024 * 1024 + 1];
    java.util.Arrays.fill(over, (byte) 'a');
    ResponseEntity<Map> tooLarge = rest.exchange("/api/accounts/import", HttpMethod.POST,
        new HttpEntity<>(over, headers("reviewer", MediaType.parseMediaType("text/csv"))), Map.class);
    assertThat(tooLarge.getStatusCode().value()).isEqualTo(413);
    assertThat((String) tooLarge.getBody().get("detail"))
        .isEqualTo("The file is larger than 5242880 bytes; split it into smaller files");

    // Far larger, by a client that waits for "100 Continue" as curl does: refused before the upload.
    assertThat(answerBeforeUpload("text/csv", 50_000_000)).startsWith("HTTP/1.1 413 ")
        .contains("larger than 5242880 bytes");
    assertThat(answerBeforeUpload("multipart/form-data; boundary=inventory", 50_000_000)).startsWith("HTTP/1.1 413 ");
    assertThat(count("account")).isZero();
  }

  @Test
  void twentyThousandRowsImportInOneRequest() {
    StringBuilder csv = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
    String[] units = {SCHOOL, OTHER_SCHOOL, OFFICE};
    for (int i = 0; i < 20_000; i++) {
      csv.append(units[i % 3]).append(i % 2 == 0 ? ",X,https://twitter.com/inv_" : ",INSTAGRAM,https://www.instagram.com/inv.")
          .append(i).append(",عبد الله بن محمد ").append(i).append(",manager").append(i).append("@moe.example\r\n");
    }

    long started = System.nanoTime();
    ResponseEntity<Map> answer = importCsv("reviewer", "", csv.toString());
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(200);
    assertThat(answer.getBody()).containsEntry("imported", 20_000);
    assertThat(count("account")).isEqualTo(20_000);
    assertThat(jdbc.sql("SELECT COUNT(DISTINCT account_id) FROM account_history").query(Long.class).single()).isEqualTo(20_000);
    // Printed, not asserted: a shared build machine's load decides the figure, not the code.
    System.out.println("Inventory import of 20,000 rows (" + csv.length() + " characters): " + took.toMillis() + " ms");
  }

  /** Sends a request's head with "Expect: 100-continue" and no body, and reads what the server answers. */
  private String answerBeforeUpload(String contentType, long length) throws IOException {
    URI root = URI.create(rest.getRootUri());
    try (Socket socket = new Socket(root.getHost(), root.getPort())) {
      socket.setSoTimeout(20_000);
      String head = "POST /api/accounts/import HTTP/1.1\r\nHost: localhost\r\n"
          + "Authorization: Basic " + Base64.getEncoder().encodeToString(("reviewer:" + PASSWORD).getBytes(UTF_8)) + "\r\n"
          + "Content-Type: " + contentType + "\r\nContent-Length: " + length + "\r\n"
          + "Expect: 100-continue\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(UTF_8));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), UTF_8);
    }
  }

  private ResponseEntity<Map> importCsv(String user, String query, String csv) {
    return rest.exchange("/api/accounts/import" + query, HttpMethod.POST,
        new HttpEntity<>(csv.getBytes(UTF_8), headers(user, MediaType.parseMediaType("text/csv; charset=utf-8"))), Map.class);
  }

  private ResponseEntity<Map> upload(String user, String query, String csv) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("file", new ByteArrayResource(csv.getBytes(UTF_8)) {
      @Override
      public String getFilename() {
        return "inventory.csv";
      }
    });
    return rest.exchange("/api/accounts/import" + query, HttpMethod.POST,
        new HttpEntity<>(form, headers(user, MediaType.MULTIPART_FORM_DATA)), Map.class);
  }

  private static HttpHeaders headers(String user, MediaType type) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(type);
    if (user != null) {
      headers.setBasicAuth(user, PASSWORD);
    }
    return headers;
  }

  private static List<Map<String, Object>> errors(ResponseEntity<Map> answer) {
    return (List<Map<String, Object>>) answer.getBody().get("errors");
  }

  private static String reasonOf(ResponseEntity<Map> answer, int line) {
    return (String) errors(answer).stream().filter(e -> e.get("line").equals(line)).findFirst().orElseThrow().get("reason");
  }

  private long count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }
}
