package org.officialaccounts.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.officialaccounts.registry.AccountRepository;
import org.officialaccounts.registry.AccountStatus;
import org.officialaccounts.registry.AccountUrlCanonicalizer;
import org.officialaccounts.registry.Platform;
import org.officialaccounts.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/** The registry API for each role: what it may see, what it may not, and in which shape. */
class RegistryApiIT extends IntegrationTest {

  @Autowired AccountRepository accounts;
  long schoolAccount;
  long otherAccount;

  @BeforeEach
  void accounts() {
    AccountUrlCanonicalizer canonicalizer = new AccountUrlCanonicalizer();
    schoolAccount = accounts.insert(SCHOOL, canonicalizer.canonicalize(Platform.X, "@api_school"),
        "مدرسة الاختبار", AccountStatus.ACTIVE, true, "هدى العلي", "huda@moe.example", OffsetDateTime.now());
    accounts.insertHistory(schoolAccount, null, AccountStatus.ACTIVE, "reviewer", OffsetDateTime.now(),
        "=HYPERLINK(\"http://evil\")", null);
    otherAccount = accounts.insert(OTHER_SCHOOL, canonicalizer.canonicalize(Platform.INSTAGRAM, "api_other"),
        null, AccountStatus.APPROVED, false, "Other", "other@moe.example", OffsetDateTime.now());
  }

  @Test
  void eachRoleSeesWhatItShouldOnEveryEndpoint() {
    String[] endpoints = {
        "/api/units", "/api/accounts", "/api/accounts/%d", "/api/accounts/%d/history",
        "/api/accounts/%d/history/export", "/api/accounts/export", "/api/notifications"};
    // expected status per role for the school's own account, then for another unit's account
    Map<String, int[]> own = Map.of(
        "requester", new int[] {200, 200, 200, 200, 200, 200, 403},
        "reviewer", new int[] {200, 200, 200, 200, 200, 200, 200},
        "undersecretary", new int[] {200, 200, 200, 200, 200, 200, 200},
        "it-admin", new int[] {200, 200, 200, 200, 200, 200, 200},
        "manager", new int[] {200, 200, 403, 403, 403, 200, 403});
    Map<String, int[]> other = Map.of(
        "requester", new int[] {200, 200, 403, 403, 403, 200, 403},
        "reviewer", new int[] {200, 200, 200, 200, 200, 200, 200});
    check(own, endpoints, schoolAccount);
    check(other, endpoints, otherAccount);
    for (String endpoint : endpoints) {
      assertThat(get(null, endpoint.formatted(schoolAccount), String.class).getStatusCode().value())
          .as("anonymous %s", endpoint).isEqualTo(401);
    }
  }

  private void check(Map<String, int[]> expected, String[] endpoints, long account) {
    expected.forEach((user, statuses) -> {
      for (int i = 0; i < endpoints.length; i++) {
        String path = endpoints[i].formatted(account);
        assertThat(get(user, path, String.class).getStatusCode().value()).as("%s %s", user, path)
            .isEqualTo(statuses[i]);
      }
    });
  }

  @Test
  void aManagerWithoutAUnitSeesNoAccounts() {
    Map<String, Object> page = get("manager", "/api/accounts", Map.class).getBody();
    assertThat(((Number) page.get("total")).intValue()).isZero();
  }

  @Test
  void listsAreFilteredSortedAndPaged() {
    Map<String, Object> byPlatform = get("reviewer", "/api/accounts?platform=INSTAGRAM", Map.class).getBody();
    assertThat((List<Map<String, Object>>) byPlatform.get("items")).extracting(a -> a.get("id"))
        .containsExactly((int) otherAccount);
    Map<String, Object> sorted = get("reviewer", "/api/accounts?sort=handle&size=1&page=1", Map.class).getBody();
    assertThat(sorted).containsEntry("page", 1).containsEntry("size", 1).containsEntry("total", 2);
    assertThat((List<Map<String, Object>>) sorted.get("items")).extracting(a -> a.get("handle"))
        .containsExactly("api_school");
    assertThat(get("reviewer", "/api/accounts?sort=password", Map.class).getStatusCode().value()).isEqualTo(400);
    assertThat(get("reviewer", "/api/accounts?sort=id;DROP TABLE unit", Map.class).getStatusCode().value())
        .isEqualTo(400);

    Map<String, Object> units = get("reviewer", "/api/units?type=SCHOOL&sort=-code", Map.class).getBody();
    assertThat((List<Map<String, Object>>) units.get("items")).extracting(u -> u.get("code"))
        .containsExactly(OTHER_SCHOOL, SCHOOL);
    Map<String, Object> search = get("reviewer", "/api/units?q=" + "مدرسة أخرى", Map.class).getBody();
    assertThat((List<Map<String, Object>>) search.get("items")).extracting(u -> u.get("code"))
        .containsExactly(OTHER_SCHOOL);
  }

  @Test
  void exportsCsvThatSpreadsheetsOpenWithArabicIntactAndFormulasDisarmed() {
    ResponseEntity<byte[]> csv = get("reviewer", "/api/accounts/export?sort=id", byte[].class);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("accounts.csv");
    byte[] body = csv.getBody();
    assertThat(new byte[] {body[0], body[1], body[2]}).containsExactly(0xEF, 0xBB, 0xBF);
    String text = new String(body, StandardCharsets.UTF_8);
    assertThat(text.lines()).hasSize(3);
    assertThat(text).contains("\"هدى العلي\"").contains("\"https://x.com/api_school\"");

    String history = new String(get("reviewer", "/api/accounts/" + schoolAccount + "/history/export", byte[].class)
        .getBody(), StandardCharsets.UTF_8);
    assertThat(history).contains("\"'=HYPERLINK(\"\"http://evil\"\")\"");

    String mine = new String(get("requester", "/api/accounts/export", byte[].class).getBody(), StandardCharsets.UTF_8);
    assertThat(mine).contains("api_school").doesNotContain("api_other");
  }

  @Test
  void historyIsAppendOnlyEvenForTheDatabaseUser() {
    assertThatThrownBy(() -> jdbc.sql("UPDATE account_history SET reason = 'rewritten'").update())
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("DELETE FROM account_history").update())
        .hasMessageContaining("append-only");
    assertThat(get("reviewer", "/api/accounts/" + schoolAccount + "/history", List.class).getBody()).hasSize(1);
  }

  @Test
  void theEmailLogIsForPrAndMedia() {
    jdbc.sql("INSERT INTO notification (recipient, template, subject, status, sent_at, process_instance_id, account_id)"
            + " VALUES ('huda@moe.example', 'request-approved-manager', 'S', 'SENT', CURRENT_TIMESTAMP, 'p-1', ?)")
        .param(schoolAccount).update();
    Map<String, Object> log = get("reviewer", "/api/notifications?accountId=" + schoolAccount, Map.class).getBody();
    assertThat((List<Map<String, Object>>) log.get("items")).singleElement()
        .satisfies(n -> assertThat(n).containsEntry("recipient", "huda@moe.example").containsEntry("processInstanceId", "p-1"));
    assertThat(get("requester", "/api/notifications", Map.class).getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void theOpenApiDescriptionIsServed() {
    ResponseEntity<Map> docs = rest.getForEntity("/v3/api-docs", Map.class);
    assertThat(docs.getStatusCode().value()).isEqualTo(200);
    assertThat((Map<String, Object>) docs.getBody().get("paths"))
        .containsKeys("/api/accounts", "/api/units", "/api/public/verify", "/api/accounts/export");
  }
}
