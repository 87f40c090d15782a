package org.officialaccounts.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.officialaccounts.request.AccountCreation.Var;
import org.officialaccounts.support.IntegrationTest;
import org.officialaccounts.support.TestMailServer;
import org.officialaccounts.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Hostile input in every field of the account request's forms and in the API's bodies: markup,
 * expressions and SQL are kept as inert text and escaped where shown; control characters,
 * oversized and deeply nested bodies are refused with a clear answer; and a refusal leaves
 * nothing half-written.
 */
class HostileInputIT extends IntegrationTest {

  static final String HTML = "<img src=x onerror=alert(1)><script>alert(2)</script>";
  static final String EXPRESSION = "${execution.setVariable('pwned', true)} #{6*7} ${6*7}";
  static final String SQL = "x'); DROP TABLE account; --";
  static final String START = "/engine-rest/process-definition/key/AccountCreationProcess/start";
  static final String TEN_MEGABYTES = "y".repeat(10 * 1024 * 1024);
  static final String NESTED_1000 = "{\"a\":".repeat(1000) + "1" + "}".repeat(1000);

  private static final AtomicInteger HANDLES = new AtomicInteger();

  @Autowired RuntimeService runtime;

  private Map<String, Long> before;

  @BeforeEach
  void countEverything() {
    before = counts();
  }

  @AfterEach
  void removeTestGuideVersions() {
    jdbc.sql("DELETE FROM guide_acknowledgement").update();
    jdbc.sql("DELETE FROM guide_version WHERE version LIKE 'hostile%'").update();
  }

  // ------------------------------------------------------------------ the start form

  /** Each field of the start form with each kind of hostile text, and whether it is acceptable text there. */
  static Stream<Arguments> startFormFields() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(Var.UNIT_CODE, "Unit code");
    labels.put(Var.PLATFORM, "Platform");
    labels.put(Var.ACCOUNT_URL, "Account address");
    labels.put(Var.PURPOSE, null);
    labels.put(Var.MANAGER_NAME, null);
    labels.put(Var.MANAGER_EMAIL, "Manager's email");
    labels.put(Var.SECONDARY_CONTACT_EMAIL, "Secondary contact's email");
    return labels.entrySet().stream().flatMap(field -> Stream.of(HTML, EXPRESSION, SQL)
        .map(payload -> Arguments.of(field.getKey(), payload, field.getValue())));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("startFormFields")
  void startFormTakesHostileTextAsInertText(String field, String payload, String refusedAs) throws Exception {
    Map<String, Object> values = new HashMap<>(request(SCHOOL, "X", "@hostile_" + HANDLES.incrementAndGet()));
    values.put(field, payload);
    String pi = startRequest("requester", values);

    assertThat(runtime.getVariable(pi, field)).as("kept verbatim").isEqualTo(payload);
    assertThat(runtime.getVariable(pi, "pwned")).as("no expression ran").isNull();
    if (refusedAs != null) {
      Map<String, Object> correction = task("requester", pi);
      assertThat(correction.get("name")).isEqualTo("Correct request");
      assertThat((String) runtime.getVariable(pi, Var.VALIDATION_ERRORS)).contains(refusedAs);
      assertThat(registry()).as("nothing in the registry").isEqualTo(registry(before));
      return;
    }

    String review = (String) task("reviewer", pi).get("id");
    assertThat(complete("reviewer", review, Map.of("decision", "approve")).getStatusCode().value()).isEqualTo(204);
    runJobs(pi);
    String column = field.equals(Var.PURPOSE) ? "purpose" : "manager_name";
    assertThat(jdbc.sql("SELECT " + column + " FROM account").query(String.class).single())
        .as("stored verbatim").isEqualTo(payload);
    assertThat(runtime.getVariable(pi, "pwned")).isNull();

    assertThat(TestMailServer.messages()).as("to the manager and the requester").hasSize(2);
    for (MimeMessage mail : TestMailServer.messages()) {
      String html = TestMailServer.html(mail);
      assertThat(html).doesNotContain("<script", "<img").doesNotContain("Huda 42");
      if (field.equals(Var.MANAGER_NAME)) {
        assertThat(html).contains(escaped(payload));
      }
    }
  }

  // ------------------------------------------------------------------ control characters

  static Stream<Arguments> controlCharacters() {
    return Stream.of(Var.UNIT_CODE, Var.PLATFORM, Var.ACCOUNT_URL, Var.PURPOSE, Var.MANAGER_NAME,
            Var.MANAGER_EMAIL, Var.SECONDARY_CONTACT_EMAIL)
        .flatMap(field -> Stream.of("\u0000", "\u001b[2J", "\u0007", "\u007f")
            .map(control -> Arguments.of(field, control)));
  }

  @ParameterizedTest(name = "{0} with U+{1}")
  @MethodSource("controlCharacters")
  void controlCharactersAreRefusedNamingTheField(String field, String control) {
    Map<String, Object> values = new HashMap<>(request(SCHOOL, "X", "@control_check"));
    values.put(field, "Some text " + control + " and more");
    ResponseEntity<Map> refused = post("requester", START, variables(values));

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat((String) refused.getBody().get("detail"))
        .contains("The value of '" + field + "' contains control characters", "رموز تحكم");
    assertThat(counts()).isEqualTo(before);
  }

  // ------------------------------------------------------------------ the task forms

  @Test
  void reviewFormTakesOnlyItsThreeDecisionsAndKeepsAHostileCommentAsText() throws Exception {
    String pi = startRequest("requester", request(SCHOOL, "X", "@hostile_review"));
    String review = (String) task("reviewer", pi).get("id");

    for (String decision : List.of(HTML, EXPRESSION, SQL, "APPROVE")) {
      ResponseEntity<Map> refused = complete("reviewer", review, Map.of("decision", decision, "comment", "x"));
      assertThat(refused.getStatusCode().value()).as(decision).isEqualTo(400);
      assertThat((String) refused.getBody().get("message")).contains("Decision: Choose approve, reject or return");
    }
    ResponseEntity<Map> control = complete("reviewer", review, Map.of("decision", "reject", "comment", "No\u0000"));
    assertThat(control.getStatusCode().value()).isEqualTo(400);
    assertThat((String) control.getBody().get("detail")).contains("'comment' contains control characters");
    assertThat(task("reviewer", pi).get("id")).as("still open").isEqualTo(review);

    String comment = "Not like this " + HTML + " " + EXPRESSION + " " + SQL;
    assertThat(complete("reviewer", review, Map.of("decision", "reject", "comment", comment))
        .getStatusCode().value()).isEqualTo(204);
    runJobs(pi);

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    MimeMessage rejected = TestMailServer.messages().get(0);
    assertThat(rejected.getSubject()).contains("rejected");
    assertThat(TestMailServer.html(rejected)).contains(escaped(comment)).doesNotContain("<script", "<img");
    assertThat(TestMailServer.text(rejected)).contains(EXPRESSION);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single()).isZero();
  }

  @Test
  void exceptionFormsTakeOnlyTheirChoicesAndKeepHostileGroundsAsText() {
    // A school's YouTube channel needs the Undersecretary's exception.
    String pi = startRequest("requester", request(SCHOOL, "YOUTUBE", "https://www.youtube.com/@hostile_channel"));
    Map<String, Object> recommend = task("reviewer", pi);
    assertThat(recommend.get("name")).isEqualTo("Recommend on exception");
    String recommendId = (String) recommend.get("id");

    for (String recommendation : List.of(HTML, EXPRESSION, SQL)) {
      ResponseEntity<Map> refused = complete("reviewer", recommendId,
          Map.of("recommendation", recommendation, "recommendationComment", "Grounds"));
      assertThat(refused.getStatusCode().value()).as(recommendation).isEqualTo(400);
      assertThat((String) refused.getBody().get("message")).contains("Recommendation: Recommend approve or reject");
    }
    String grounds = "Grounds " + HTML + " " + EXPRESSION;
    assertThat(complete("reviewer", recommendId, Map.of("recommendation", "approve", "recommendationComment", grounds))
        .getStatusCode().value()).isEqualTo(204);
    assertThat(runtime.getVariable(pi, Var.RECOMMENDATION_COMMENT)).isEqualTo(grounds);

    Map<String, Object> decide = task("undersecretary", pi);
    assertThat(decide.get("name")).isEqualTo("Decide exception");
    ResponseEntity<Map> refused = complete("undersecretary", (String) decide.get("id"), Map.of("decision", EXPRESSION));
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(runtime.getVariable(pi, "pwned")).isNull();
    assertThat(registry()).isEqualTo(registry(before));
  }

  @Test
  void correctionFormTakesOnlyResubmitOrWithdraw() {
    String pi = startRequest("requester", request(SCHOOL, "X", "https://x.com/explore"));
    String correction = (String) task("requester", pi).get("id");

    for (String action : List.of(HTML, EXPRESSION, SQL, "")) {
      ResponseEntity<Map> refused = complete("requester", correction, Map.of("correctionAction", action));
      assertThat(refused.getStatusCode().value()).as(action).isEqualTo(400);
      assertThat((String) refused.getBody().get("message")).contains("Action: Choose resubmit or withdraw");
    }
    // Resubmitted values go through the same validation as the start form.
    assertThat(complete("requester", correction, Map.of("correctionAction", "resubmit", "accountUrl", HTML))
        .getStatusCode().value()).isEqualTo(204);
    Map<String, Object> again = task("requester", pi);
    assertThat(again.get("name")).isEqualTo("Correct request");
    assertThat((String) runtime.getVariable(pi, Var.VALIDATION_ERRORS)).contains("Account address");
    assertThat(registry()).isEqualTo(registry(before));
  }

  // ------------------------------------------------------------------ variables beyond the form

  @Test
  void aStartSetsOnlyTheStartFormsFields() {
    Map<String, Object> values = new HashMap<>(request(SCHOOL, "X", "@smuggled_start"));
    values.put(Var.INITIATOR, "undersecretary");
    values.put(Var.APPROVED_BY, "minister");
    long instances = runtime.createProcessInstanceQuery().count();

    for (String door : List.of(START, "/engine-rest/process-definition/key/AccountCreationProcess/submit-form")) {
      ResponseEntity<Map> refused = post("requester", door, variables(values));
      assertThat(refused.getStatusCode().value()).as(door).isEqualTo(400);
      assertThat((String) refused.getBody().get("message"))
          .contains("Not fields of this form: approvedBy, initiator", "ليست من حقول هذا النموذج");
    }
    WebappSession tasklist = new WebappSession(rest.getRootUri());
    assertThat(tasklist.login("tasklist", "requester", PASSWORD).statusCode()).isEqualTo(200);
    HttpResponse<String> viaTasklist = tasklist.json("POST",
        "/camunda/api/engine/engine/default/process-definition/key/AccountCreationProcess/submit-form",
        "{\"variables\": {\"unitCode\": {\"value\": \"" + SCHOOL + "\"}, \"initiator\": {\"value\": \"reviewer\"}}}");
    assertThat(viaTasklist.statusCode()).isEqualTo(400);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void aCompletionSetsOnlyTheTasksFormFields() {
    String pi = startRequest("requester", request(SCHOOL, "X", "@smuggled_done"));
    String review = (String) task("reviewer", pi).get("id");

    ResponseEntity<Map> refused = complete("reviewer", review,
        Map.of("decision", "approve", "canonicalUrl", "javascript:alert(1)//", "handle", "evil"));
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat((String) refused.getBody().get("message")).contains("Not fields of this form: canonicalUrl, handle");
    assertThat(task("reviewer", pi).get("id")).as("still open").isEqualTo(review);

    // Nor by setting them on the task first: variables change only through the form.
    for (String path : List.of("/engine-rest/task/" + review + "/variables/canonicalUrl",
        "/engine-rest/task/" + review + "/localVariables/canonicalUrl",
        "/engine-rest/process-instance/" + pi + "/variables/canonicalUrl")) {
      ResponseEntity<Map> put = exchange("reviewer", HttpMethod.PUT, path,
          Map.of("value", "javascript:alert(1)//", "type", "String"), Map.class);
      assertThat(put.getStatusCode().value()).as(path).isEqualTo(403);
    }
    ResponseEntity<Map> modify = post("reviewer", "/engine-rest/task/" + review + "/variables",
        Map.of("modifications", Map.of("canonicalUrl", Map.of("value", "javascript:alert(1)//"))));
    assertThat(modify.getStatusCode().value()).isEqualTo(403);
    // Administrators still mend variables (in Cockpit) when something went wrong.
    assertThat(exchange("it-admin", HttpMethod.PUT, "/engine-rest/process-instance/" + pi + "/variables/note",
        Map.of("value", "mended", "type", "String"), Map.class).getStatusCode().value()).isEqualTo(204);
    assertThat(runtime.getVariable(pi, "note")).isEqualTo("mended");
    WebappSession cockpit = new WebappSession(rest.getRootUri());
    assertThat(cockpit.login("cockpit", "it-admin", "It-Admin-Password-2026").statusCode()).isEqualTo(200);
    assertThat(cockpit.json("POST", "/camunda/api/engine/engine/default/process-instance/" + pi + "/variables",
        "{\"modifications\": {\"note\": {\"value\": \"mended in Cockpit\"}}}").statusCode()).isEqualTo(204);
    assertThat(runtime.getVariable(pi, "note")).isEqualTo("mended in Cockpit");
    WebappSession tasklist = new WebappSession(rest.getRootUri());
    assertThat(tasklist.login("tasklist", "reviewer", PASSWORD).statusCode()).isEqualTo(200);
    assertThat(tasklist.json("POST", "/camunda/api/engine/engine/default/task/" + review + "/variables",
        "{\"modifications\": {\"canonicalUrl\": {\"value\": \"javascript:alert(1)//\"}}}").statusCode())
        .isEqualTo(403);

    assertThat(complete("reviewer", review, Map.of("decision", "approve", "comment", "Fine")).getStatusCode().value())
        .isEqualTo(204);
    runJobs(pi);
    assertThat(jdbc.sql("SELECT canonical_url FROM account").query(String.class).single())
        .isEqualTo("https://x.com/smuggled_done");
  }

  // ------------------------------------------------------------------ the API's bodies

  @Test
  void campaignBodiesKeepHostileNamesAsTextAndRefuseTheRest() {
    String name = HTML + " " + EXPRESSION;
    ResponseEntity<Map> started = post("reviewer", "/api/campaigns", Map.of("campaignName", name, "scope", "all"));
    assertThat(started.getStatusCode().value()).isEqualTo(202);
    Map<String, Object> campaign = (Map<String, Object>) get("reviewer",
        "/api/campaigns/" + started.getBody().get("campaignId"), Map.class).getBody().get("campaign");
    assertThat(campaign.get("name")).isEqualTo(name);
    Map<String, Long> afterStart = counts();

    Map<String, Map<String, Object>> refusals = new LinkedHashMap<>();
    refusals.put("scope", Map.of("campaignName", "Q1", "scope", SQL));
    refusals.put("scopeUnitCode", Map.of("campaignName", "Q1", "scope", "unit", "scopeUnitCode", SQL));
    refusals.put("scopeDueBefore", Map.of("campaignName", "Q1", "scope", "due", "scopeDueBefore", EXPRESSION));
    refusals.put("campaignName", Map.of("campaignName", Map.of("$gt", ""), "scope", "all"));
    refusals.put("__proto__", Map.of("campaignName", "Q1", "scope", "all", "__proto__", Map.of("admin", true)));
    refusals.forEach((field, body) -> {
      ResponseEntity<Map> refused = post("reviewer", "/api/campaigns", body);
      assertThat(refused.getStatusCode().value()).as(field).isEqualTo(400);
      assertThat((List<Map<String, Object>>) refused.getBody().get("errors")).as(field)
          .anySatisfy(e -> assertThat(e).containsEntry("field", field));
    });
    // Started over the engine's REST API instead, the start form's check refuses the same.
    ResponseEntity<Map> viaEngine = post("reviewer", "/engine-rest/process-definition/key/ReviewCampaignProcess/start",
        variables(Map.of("campaignName", "Q1", "scope", SQL)));
    assertThat(viaEngine.getStatusCode().value()).isEqualTo(400);
    assertThat((String) viaEngine.getBody().get("message")).contains("Scope: Choose all accounts, a unit");
    ResponseEntity<Map> control = post("reviewer", "/api/campaigns", Map.of("campaignName", "Q1\u0000", "scope", "all"));
    assertThat(control.getStatusCode().value()).isEqualTo(400);
    assertThat((String) control.getBody().get("detail")).contains("'campaignName' contains control characters");
    assertThat(counts()).isEqualTo(afterStart);

    // The campaign ends; with it the hold on periodic reviews' pre-checks it took while opening.
    runtime.deleteProcessInstance((String) started.getBody().get("processInstanceId"), "test over");
    assertThat(management.createJobDefinitionQuery().suspended().count()).isZero();
  }

  @Test
  void guideVersionBodiesKeepHostileSummariesAsTextAndRefuseTheRest() {
    String summary = HTML + " " + EXPRESSION + " " + SQL;
    ResponseEntity<Map> published = post("reviewer", "/api/guide-versions",
        Map.of("version", "hostile-1", "effectiveDate", "2099-01-01", "summary", summary));
    assertThat(published.getStatusCode().value()).isEqualTo(202);
    assertThat(get("reviewer", "/api/guide-versions/hostile-1", Map.class).getBody()).containsEntry("summary", summary);
    Map<String, Long> afterPublishing = counts();

    Map<String, Map<String, Object>> refusals = new LinkedHashMap<>();
    refusals.put("version", Map.of("version", SQL, "effectiveDate", "2099-01-01", "summary", "s"));
    refusals.put("effectiveDate", Map.of("version", "hostile-2", "effectiveDate", EXPRESSION, "summary", "s"));
    refusals.put("link", Map.of("version", "hostile-2", "effectiveDate", "2099-01-01", "summary", "s",
        "link", "javascript:alert(1)"));
    refusals.forEach((field, body) -> {
      ResponseEntity<Map> refused = post("reviewer", "/api/guide-versions", body);
      assertThat(refused.getStatusCode().value()).as(field).isEqualTo(400);
      assertThat((List<Map<String, Object>>) refused.getBody().get("errors")).as(field)
          .anySatisfy(e -> assertThat(e).containsEntry("field", field));
    });
    assertThat(counts()).isEqualTo(afterPublishing);

    // With no live account, nobody is asked: the publication ends and leaves no job behind.
    String publication = (String) published.getBody().get("processInstanceId");
    runJobs(publication);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(publication).count()).isZero();
  }

  @Test
  void aPublicationStartedWithoutTheApiIsCheckedTheSame() {
    ResponseEntity<Map> refused = post("reviewer", "/engine-rest/process-definition/key/GuidePublicationProcess/start",
        variables(Map.of("guideVersion", "hostile-3", "effectiveDate", "2099-01-01", "guideSummary", HTML,
            "guideLink", "javascript:alert(1)")));
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat((String) refused.getBody().get("message")).contains("link: Give the address of the guide as an https://");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void sqlInQueryParametersFindsNothingAndBreaksNothing() {
    assertThat(get("reviewer", "/api/accounts?sort=id;DROP TABLE account", Map.class).getStatusCode().value()).isEqualTo(400);
    assertThat(get("reviewer", "/api/accounts?unitCode=" + SQL, Map.class).getStatusCode().value()).isEqualTo(400);
    ResponseEntity<Map> search = get("reviewer", "/api/units?q=' OR '1'='1", Map.class);
    assertThat(search.getStatusCode().value()).isEqualTo(200);
    assertThat(((Number) search.getBody().get("total")).intValue()).isZero();
    ResponseEntity<Map> publicSearch = rest.getForEntity("/api/public/accounts?q={q}", Map.class, "%' OR 1=1 --");
    assertThat(publicSearch.getStatusCode().value()).isEqualTo(200);
    assertThat(counts()).isEqualTo(before);
  }

  // ------------------------------------------------------------------ size and depth, at every door

  static Stream<String> jsonDoors() {
    return Stream.of(START, "/api/campaigns", "/api/guide-versions",
        "/camunda/api/engine/engine/default/process-definition/key/AccountCreationProcess/submit-form");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jsonDoors")
  void tenMegabytesGet413AndJsonNestedAThousandDeepGets400(String path) throws Exception {
    String big = "{\"variables\": {\"purpose\": {\"value\": \"" + TEN_MEGABYTES + "\"}}}";
    assertThat(send(path, "application/json", big, false).statusCode()).as("10 MB").isEqualTo(413);
    assertThat(send(path, "application/json", big, true).statusCode()).as("10 MB, chunked").isEqualTo(413);
    assertThat(send(path, "text/plain", TEN_MEGABYTES, false).statusCode()).as("10 MB of text").isEqualTo(413);
    HttpResponse<String> deep = send(path, "application/json", NESTED_1000, false);
    assertThat(deep.statusCode()).as("nested 1,000 deep").isEqualTo(400);
    assertThat(deep.body()).contains("nested more than 32 levels deep");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void tenMegabyteModelUploadsGet413() throws Exception {
    String boundary = "hostile-boundary";
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"big.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + TEN_MEGABYTES + "\r\n--" + boundary + "--\r\n";
    HttpResponse<String> upload = send("/engine-rest/deployment/create", "multipart/form-data; boundary=" + boundary,
        body, false);
    assertThat(upload.statusCode()).isEqualTo(413);
    assertThat(counts()).isEqualTo(before);
  }

  /** A raw request, as the reviewer (in a Tasklist session for the webapps' API). */
  private HttpResponse<String> send(String path, String type, String body, boolean chunked) throws Exception {
    if (path.startsWith("/camunda/")) {
      WebappSession browser = new WebappSession(rest.getRootUri());
      assertThat(browser.login("tasklist", "reviewer", PASSWORD).statusCode()).isEqualTo(200);
      return browser.raw("POST", path, type, body, chunked);
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    HttpRequest.BodyPublisher publisher = chunked
        ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
        : HttpRequest.BodyPublishers.ofByteArray(bytes);
    HttpRequest request = HttpRequest.newBuilder(URI.create(rest.getRootUri() + path))
        .POST(publisher)
        .header("Content-Type", type)
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString(("reviewer:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  // ------------------------------------------------------------------ helpers

  /** How many rows each registry table holds. */
  private Map<String, Long> registry() {
    return registry(counts());
  }

  private static Map<String, Long> registry(Map<String, Long> counts) {
    Map<String, Long> registry = new LinkedHashMap<>(counts);
    registry.keySet().removeIf(table -> table.startsWith("act_"));
    return registry;
  }

  /** How many rows each registry table and the engine hold: a refusal changes none of them. */
  private Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : List.of("unit", "account", "account_history", "notification", "account_finding",
        "review_campaign", "campaign_review", "guide_version", "guide_acknowledgement", "act_ru_execution",
        "act_re_deployment")) {
      counts.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
    }
    return counts;
  }

  /** The text as Thymeleaf writes it into HTML. */
  private static String escaped(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
