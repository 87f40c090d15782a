package org.officialaccounts.publicverify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.officialaccounts.registry.AccountRepository;
import org.officialaccounts.registry.AccountStatus;
import org.officialaccounts.registry.AccountUrlCanonicalizer;
import org.officialaccounts.registry.Platform;
import org.officialaccounts.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** The login-free check "is this account official?" on the real database. */
class PublicVerifyIT extends IntegrationTest {

  @Autowired AccountRepository accounts;
  final AccountUrlCanonicalizer canonicalizer = new AccountUrlCanonicalizer();
  long officialX;

  @BeforeEach
  void registry() {
    officialX = account("T-MOE", Platform.X, "@t_moe", AccountStatus.ACTIVE, true);
    account("T-MOE", Platform.INSTAGRAM, "t_moe", AccountStatus.ACTIVE, true);
    account("T-MOE", Platform.SNAPCHAT, "t_moe", AccountStatus.ACTIVE, true);
    account("T-MOE", Platform.YOUTUBE, "@t_moe", AccountStatus.ACTIVE, true);
    account("T-MOE", Platform.FACEBOOK, "t.moe.kw", AccountStatus.ACTIVE, true);
    long closed = account("T-DST", Platform.X, "@t_district", AccountStatus.ACTIVE, true);
    jdbc.sql("UPDATE account SET status = 'CLOSED', official = FALSE, closed_at = ?, successor_account_id = ? WHERE id = ?")
        .params(OffsetDateTime.parse("2026-10-01T08:00:00Z"), officialX, closed).update();
    account(SCHOOL, Platform.X, "@t_school", AccountStatus.APPROVED, false);
    account(OTHER_SCHOOL, Platform.X, "@t_suspended", AccountStatus.SUSPENDED, false);
  }

  @ParameterizedTest
  @CsvSource({
      "https://twitter.com/T_MOE?lang=ar, , X",
      "x.com/t_moe, , X",
      "http://mobile.twitter.com/t_moe/, , X",
      "@t_moe, X, X",
      "t_moe, X, X",
      "https://www.instagram.com/t_moe/, , INSTAGRAM",
      "instagram.com/T_Moe?igsh=abc, , INSTAGRAM",
      "https://www.snapchat.com/add/t_moe, , SNAPCHAT",
      "https://www.youtube.com/@T_MOE, , YOUTUBE",
      "youtube.com/@t_moe/videos, , YOUTUBE",
      "https://www.facebook.com/t.moe.kw, , FACEBOOK",
      "fb.com/tmoekw, , FACEBOOK",
      "https://m.facebook.com/T.Moe.Kw/?ref=bookmarks, , FACEBOOK"
  })
  void answersOfficialForEveryFormOfAnOfficialAccount(String input, String platform, String expected) {
    Map<String, Object> answer = single(verify(input, platform));
    assertThat(answer).containsEntry("status", "official").containsEntry("platform", expected);
    assertThat((Map<String, Object>) answer.get("unit")).containsEntry("code", "T-MOE")
        .containsEntry("nameEn", "Ministry").containsEntry("nameAr", "وزارة");
    assertThat(answer.get("officialSince")).isNotNull();
  }

  @Test
  void aClosedAccountPointsToItsSuccessor() {
    Map<String, Object> answer = single(verify("https://twitter.com/T_District", null));
    assertThat(answer).containsEntry("status", "closed").containsKey("closedSince");
    assertThat((Map<String, Object>) answer.get("successor"))
        .containsEntry("canonicalUrl", "https://x.com/t_moe").containsEntry("unitNameEn", "Ministry");
    assertThat((String) answer.get("messageEn")).contains("follow https://x.com/t_moe");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://x.com/t__moe", "x.com/t_moe_", "x.com/tmoe", "@t_moe1", "https://x.com/t_school",
      "https://x.com/t_suspended", "https://www.instagram.com/t.moe", "https://www.facebook.com/t.moe.kw.official"})
  void answersUnknownForLookAlikesAndAccountsThatAreNotOfficial(String input) {
    Map<String, Object> answer = single(verify(input, null));
    assertThat(answer).containsEntry("status", "unknown");
    assertThat(answer).doesNotContainKey("unit");
  }

  @Test
  void aBareHandleIsCheckedOnEveryPlatformAndAnsweredWhereItIsOfficial() {
    List<Map<String, Object>> answers = answers(verify("@t_moe", null));
    assertThat(answers).extracting(a -> a.get("platform"))
        .containsExactlyInAnyOrder("X", "INSTAGRAM", "SNAPCHAT", "YOUTUBE");
    assertThat(answers).allSatisfy(a -> assertThat(a).containsEntry("status", "official"));

    Map<String, Object> nobody = single(verify("@nobody_here", null));
    assertThat(nobody).containsEntry("status", "unknown").doesNotContainKey("platform");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://x.com/t_m\u043Ee", "x.com/t_moe.", "https://x.com/explore", "https://x.com/home",
      "https://www.youtube.com/watch?v=abc123", "javascript:alert(1)", "x.com/t_moe%00", "ftp://x.com/t_moe",
      "https://evil.example/t_moe", "@", "<script>alert(1)</script>"})
  void refusesWhatIsNotAnAccountAddressWithAReasonInBothLanguages(String input) {
    ResponseEntity<Map> response = verify(input, null);
    assertThat(response.getStatusCode().value()).as(input).isEqualTo(400);
    assertThat(response.getHeaders().getContentType().toString()).contains("problem+json");
    Map<String, Object> error = ((List<Map<String, Object>>) response.getBody().get("errors")).get(0);
    assertThat(error).containsEntry("field", "url").containsKey("reason").containsKey("reasonAr");
  }

  @Test
  void refusesMissingHugeAndMalformedParametersWithoutAServerError() {
    assertThat(publicGet("/api/public/verify").getStatusCode().value()).isEqualTo(400);
    assertThat(publicGet("/api/public/verify?url=").getStatusCode().value()).isEqualTo(400);
    // Past the server's 8 KB request-line limit Tomcat itself answers 400.
    assertThat(rest.getForEntity(java.net.URI.create(rest.getRootUri() + "/api/public/verify?url="
        + "x".repeat(10_000)), String.class).getStatusCode().value()).isEqualTo(400);
    assertThat(verify("x".repeat(3_000), null).getStatusCode().value()).isEqualTo(400);
    assertThat(verify("a/".repeat(200), null).getStatusCode().value()).isEqualTo(400);
    assertThat(verify("@t_moe", "TIKTOK").getStatusCode().value()).isEqualTo(400);
    assertThat(publicGet("/api/public/verify?url=%E0%A4x.com").getStatusCode().value()).isEqualTo(400);
    assertThat(publicGet("/api/public/accounts?size=1000").getStatusCode().value()).isEqualTo(400);
    assertThat(publicGet("/api/public/accounts?unitType=PLANET").getStatusCode().value()).isEqualTo(400);
  }

  @Test
  void saysNothingPersonal() {
    String verify = rest.getForEntity("/api/public/verify?url=x.com/t_moe", String.class).getBody();
    String list = rest.getForEntity("/api/public/accounts?size=100", String.class).getBody();
    for (String body : List.of(verify, list)) {
      assertThat(body).doesNotContain("manager", "Manager", "@moe.example", "purpose", "secondaryContact");
    }
  }

  @Test
  void answersAreCacheableAndRevalidatedWithEtags() {
    ResponseEntity<String> first = rest.getForEntity("/api/public/verify?url=x.com/t_moe", String.class);
    assertThat(first.getHeaders().getCacheControl()).contains("max-age=60").contains("public");
    String etag = first.getHeaders().getETag();
    assertThat(etag).isNotBlank();
    assertThat(first.getHeaders().getFirst("X-RateLimit-Remaining")).isNotBlank();

    HttpHeaders headers = new HttpHeaders();
    headers.setIfNoneMatch(etag);
    ResponseEntity<String> again = rest.exchange("/api/public/verify?url=x.com/t_moe", HttpMethod.GET,
        new HttpEntity<>(headers), String.class);
    assertThat(again.getStatusCode().value()).isEqualTo(304);
  }

  @Test
  void looksAccountsUpThroughTheUniqueIndexOnTheCanonicalUrl() {
    List<String> plan = jdbc.sql("EXPLAIN SELECT * FROM account WHERE canonical_url = 'https://x.com/t_moe'")
        .query(String.class).list();
    List<String> indexes = jdbc.sql("SELECT indexdef FROM pg_indexes WHERE tablename = 'account'")
        .query(String.class).list();
    assertThat(indexes).anySatisfy(i -> assertThat(i).contains("UNIQUE").contains("(canonical_url)"));
    // On a handful of rows the planner may rightly scan; the index is what a big registry uses.
    assertThat(String.join("\n", plan)).containsAnyOf("Index", "Seq Scan");
  }

  @Test
  void listsOfficialAccountsSearchablyWithoutClosedOrUnverifiedOnes() {
    Map<String, Object> all = publicGet("/api/public/accounts?size=100").getBody();
    List<Map<String, Object>> items = (List<Map<String, Object>>) all.get("items");
    assertThat(items).extracting(i -> i.get("canonicalUrl")).contains("https://x.com/t_moe")
        .doesNotContain("https://x.com/t_district", "https://x.com/t_school", "https://x.com/t_suspended");
    assertThat(((Number) all.get("total")).intValue()).isEqualTo(5);

    Map<String, Object> filtered = publicGet("/api/public/accounts?q=MINIS&platform=instagram").getBody();
    assertThat((List<Map<String, Object>>) filtered.get("items")).singleElement()
        .satisfies(i -> assertThat(i).containsEntry("platform", "INSTAGRAM").containsEntry("unitNameAr", "وزارة"));
    Map<String, Object> arabic = publicGet("/api/public/accounts?q=" + enc("وزار")).getBody();
    assertThat(((Number) arabic.get("total")).intValue()).isEqualTo(5);
    Map<String, Object> wildcard = publicGet("/api/public/accounts?q=" + enc("%")).getBody();
    assertThat(((Number) wildcard.get("total")).intValue()).isZero();
  }

  private long account(String unit, Platform platform, String handle, AccountStatus status, boolean official) {
    return accounts.insert(unit, canonicalizer.canonicalize(platform, handle), null, status, official,
        "Manager Name", "manager.secret@moe.example", OffsetDateTime.parse("2026-01-15T09:00:00Z"));
  }

  private ResponseEntity<Map> verify(String input, String platform) {
    String uri = "/api/public/verify?url=" + enc(input) + (platform == null ? "" : "&platform=" + platform);
    return rest.getForEntity(java.net.URI.create(rest.getRootUri() + uri), Map.class);
  }

  private ResponseEntity<Map> publicGet(String path) {
    return rest.getForEntity(java.net.URI.create(rest.getRootUri() + path), Map.class);
  }

  private static List<Map<String, Object>> answers(ResponseEntity<Map> response) {
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
    return (List<Map<String, Object>>) response.getBody().get("answers");
  }

  private static Map<String, Object> single(ResponseEntity<Map> response) {
    List<Map<String, Object>> answers = answers(response);
    assertThat(answers).hasSize(1);
    return answers.get(0);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
